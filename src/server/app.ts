import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { contextFor, resolveSession } from '../modules/auth/auth.service.ts';
import { dictionariesRoutes } from '../modules/dictionaries/dictionaries.routes.ts';
import { healthRoutes } from '../modules/health/health.routes.ts';
import { orgUnitsRoutes } from '../modules/org-units/org-units.routes.ts';
import { usersRoutes } from '../modules/users/users.routes.ts';
import { peopleRoutes } from '../modules/people/people.routes.ts';
import { talentLedgerRoutes } from '../modules/people/talent-ledger.routes.ts';
import { reservesRoutes } from '../modules/reserves/reserves.routes.ts';
import { rosterRoutes } from '../modules/roster/roster.routes.ts';
import { selectionRoutes } from '../modules/selection/selection.routes.ts';
import { cultivationRoutes } from '../modules/cultivation/cultivation.routes.ts';
import { cultivationExportRoutes } from '../modules/cultivation/cultivation-export.routes.ts';
import { auditExportRoutes } from '../modules/audit/audit-export.routes.ts';
import { recordFormRoutes } from '../modules/record-form/record-form.routes.ts';
import { coverageRoutes } from '../modules/coverage/coverage.routes.ts';
import { villagesRoutes } from '../modules/villages/villages.routes.ts';
import { appointmentsRoutes } from '../modules/appointments/appointments.routes.ts';
import { electionsRoutes } from '../modules/elections/elections.routes.ts';
import { dashboardRoutes } from '../modules/dashboard/dashboard.routes.ts';
import { reportsRoutes } from '../modules/reports/reports.routes.ts';
import { campaignRoutes } from '../modules/campaigns/campaign.routes.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { SensitiveCipher } from './sensitive-cipher.ts';
import { AppError, fromDatabaseError } from './errors.ts';
import { describeValidationError } from './validation-messages.ts';
import { SESSION_COOKIE } from './session-cookie.ts';
import { securityHeaders } from './security-headers.ts';
import { defaultConcurrency, requestQueue } from './request-queue.ts';
import { responseCompression, staticClient } from './static-client.ts';
import type { App, ModuleDeps } from './types.ts';

z.config(z.locales.zhCN());

const FASTIFY_CLIENT_ERRORS: Record<string, { code: ConstructorParameters<typeof AppError>[0]; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'VALIDATION_FAILED', message: '请求内容不是有效的 JSON，请检查格式' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'VALIDATION_FAILED', message: '请求内容为空，请提交 JSON 数据' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大（数据上限 1 MB，照片 2 MB，佐证材料 10 MB，表格 30 MB），请减小后重试' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的请求内容类型：数据请以 application/json 提交，照片为 JPEG 或 PNG，佐证材料为 PDF、JPEG、PNG 或 .docx，表格为 .xlsx' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'VALIDATION_FAILED', message: '请求长度与内容不符' },
};

/** Builds the HTTP application: third-party plugins first, then the modules, then the web client. */
export async function buildApp(options: { config: Config; database: Database; cipher: SensitiveCipher; clock: Clock; logger?: boolean }): Promise<App> {
  const { config, database, cipher, clock } = options;
  const app = Fastify({
    // Request URLs are logged without search terms: a search may be a full ID number.
    logger: options.logger
      ? { serializers: { req: (request: { method: string; url: string; ip: string }) => ({ method: request.method, url: request.url.replace(/([?&]search=)[^&]*/g, '$1***'), remoteAddress: request.ip }) } }
      : false,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.TRUST_PROXY === 'true',
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(responseCompression);
  await app.register(fastifyCookie);
  await app.register(securityHeaders, { isHttps: config.secureCookies });
  await app.register(requestQueue, { concurrency: config.maxConcurrentRequests ?? defaultConcurrency(database.kind), maxWaitMs: config.requestWaitMs, maxWaiting: 2_000 });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: `请求过于频繁，请 ${Math.ceil(context.ttl / 1000)} 秒后再试`,
    }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: '后备力量选育管用系统 API', description: '所有接口均需登录（登录与健康检查除外），数据按用户角色所属单位的管理范围限定。', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // Binary uploads: photos and spreadsheets arrive as raw bodies, each with its own size limit.
  // Images are photos (2 MB, checked again by the route) or selection evidence (10 MB).
  app.addContentTypeParser(['image/jpeg', 'image/png'], { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 }, (_request, body, done) => done(null, body));
  app.addContentTypeParser(
    ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 },
    (_request, body, done) => done(null, body),
  );
  app.addContentTypeParser(
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: 30 * 1024 * 1024 },
    (_request, body, done) => done(null, body),
  );

  app.decorateRequest('ctx', null as never);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url;
    if (!url?.startsWith('/api/') || url.startsWith('/api/docs')) return;
    request.sessionToken = request.cookies[SESSION_COOKIE] ?? null;
    if (request.routeOptions.config.isPublic) return;
    const actor = request.sessionToken ? await resolveSession(database.db, request.sessionToken) : null;
    if (!actor) throw new AppError('UNAUTHENTICATED', '未登录或登录已过期，请重新登录');
    if (actor.mustChangePassword && !request.routeOptions.config.allowPendingPasswordChange) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', '首次登录或密码被重置后须先修改密码');
    }
    request.ctx = contextFor(actor, request.ip, clock.today());
  });

  app.setErrorHandler((thrown: FastifyError, request, reply) => {
    const databaseError = fromDatabaseError(thrown);
    if (databaseError) request.log.warn({ err: thrown }, 'database refused the request');
    const error = databaseError ?? thrown;
    if (error instanceof AppError) {
      const body = error.code === 'IMPORT_REJECTED' ? { code: error.code, message: error.message, errors: error.details } : { code: error.code, message: error.message };
      return reply.code(error.status).send(error.fieldErrors ? { ...body, fieldErrors: error.fieldErrors } : body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return reply.code(400).send({ code: 'VALIDATION_FAILED', ...describeValidationError(error) });
    }
    const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (known) return reply.code(error.statusCode ?? 400).send({ code: known.code, message: known.message });
    if (error.statusCode === 429) return reply.code(429).send({ code: 'RATE_LIMITED', message: error.message });
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ code: 'VALIDATION_FAILED', message: '请求格式不正确，请检查后重试' });
    }
    request.log.error({ err: error }, 'unhandled error');
    if (!options.logger) console.error(error);
    return reply.code(500).send({ code: 'INTERNAL', message: '服务器内部错误，请稍后重试；如持续出现请联系管理员' });
  });

  const deps: ModuleDeps = { database, config, cipher, clock };
  for (const routes of [healthRoutes, authRoutes, orgUnitsRoutes, usersRoutes, dictionariesRoutes, auditRoutes, auditExportRoutes, peopleRoutes, talentLedgerRoutes, reservesRoutes, rosterRoutes, selectionRoutes, cultivationRoutes, cultivationExportRoutes, recordFormRoutes, coverageRoutes, villagesRoutes, appointmentsRoutes, dashboardRoutes, reportsRoutes, campaignRoutes, electionsRoutes]) {
    await app.register(async (scope) => routes(scope.withTypeProvider<ZodTypeProvider>(), deps));
  }
  app.get('/api/openapi.json', { schema: { hide: true }, config: { isPublic: true } }, async () => app.swagger());

  const hasWebClient = fs.existsSync(path.join(config.webDist, 'index.html'));
  if (hasWebClient) await app.register(staticClient, { root: config.webDist });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply.code(404).send({ code: 'NOT_FOUND', message: `接口 ${request.method} ${request.url.split('?')[0]} 不存在` });
    }
    if (!hasWebClient) return reply.code(404).type('text/plain; charset=utf-8').send('前端尚未构建：请运行 npm run build:web');
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });

  return app;
}
