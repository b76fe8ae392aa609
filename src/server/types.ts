import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../db/database.ts';
import type { RequestContext } from './access.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { SensitiveCipher } from './sensitive-cipher.ts';

/** The Fastify instance with Zod schemas as its type provider. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** What every module's routes receive. */
export interface ModuleDeps {
  database: Database;
  config: Config;
  cipher: SensitiveCipher;
  clock: Clock;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for every route that is not public: the caller, their access, their address. */
    ctx: RequestContext;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without logging in (login, health). */
    isPublic?: boolean;
    /** Reachable while the user still has to change the initial password. */
    allowPendingPasswordChange?: boolean;
  }
}
