import { z } from 'zod';
import { PERMISSIONS, ROLE_LABELS } from '../../domain/roles.ts';
import type { RequestContext } from '../../server/access.ts';
import { errorResponses } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../../server/session-cookie.ts';
import { changeOwnPassword, contextFor, login, logout } from './auth.service.ts';
import { ZChangePassword, ZLogin, ZMe, type TMe } from './auth.schemas.ts';

export function presentMe(ctx: RequestContext): TMe {
  const { actor, access } = ctx;
  return {
    userId: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    mustChangePassword: actor.mustChangePassword,
    roles: actor.roles.map((binding) => ({ ...binding, roleLabel: ROLE_LABELS[binding.role] })),
    permissions: PERMISSIONS.filter((permission) => access.canAnywhere(permission)),
  };
}

export async function authRoutes(app: App, { database, config, clock }: ModuleDeps): Promise<void> {
  app.post('/api/auth/login', {
    config: { isPublic: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: { tags: ['认证'], summary: '登录', body: ZLogin, response: { 200: ZMe, ...errorResponses, 423: errorResponses[401], 429: errorResponses[401] } },
  }, async (request, reply) => {
    const { token, actor } = await login(database.db, { ...request.body, ip: request.ip });
    reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config));
    return presentMe(contextFor(actor, request.ip, clock.today()));
  });

  app.post('/api/auth/logout', {
    config: { allowPendingPasswordChange: true },
    schema: { tags: ['认证'], summary: '退出登录', response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    if (request.sessionToken) await logout(database.db, request.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/api/auth/me', {
    config: { allowPendingPasswordChange: true },
    schema: { tags: ['认证'], summary: '当前用户、角色与权限', response: { 200: ZMe, ...errorResponses } },
  }, async (request) => presentMe(request.ctx));

  app.post('/api/auth/password', {
    config: { allowPendingPasswordChange: true },
    schema: { tags: ['认证'], summary: '修改本人密码', body: ZChangePassword, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    await changeOwnPassword(database.db, request.ctx, { ...request.body, token: request.sessionToken ?? '' });
    return reply.code(204).send(null);
  });
}
