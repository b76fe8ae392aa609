import type { CookieSerializeOptions } from '@fastify/cookie';
import { SESSION_MAX_HOURS } from '../modules/auth/auth.service.ts';
import type { Config } from './config.ts';

export const SESSION_COOKIE = 'houbei_session';

export function sessionCookieOptions(config: Pick<Config, 'secureCookies'>): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'strict', secure: config.secureCookies, maxAge: SESSION_MAX_HOURS * 3600 };
}
