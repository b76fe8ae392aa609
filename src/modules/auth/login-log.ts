import type { Db } from '../../db/database.ts';
import type { Context } from '../../server/access.ts';
import { accounts } from '../users/accounts.ts';
import type { LoginEventSearch } from './auth.repository.ts';
import { readLoginEvents } from './sessions.ts';

/** Login events of the users the caller may see (all, for those whose scope is everything). */
export async function listLoginEvents(db: Db, ctx: Context, query: LoginEventSearch & { page: number; pageSize: number }) {
  ctx.access.requireAnywhere('audit.read', '查看登录日志');
  const prefixes = ctx.access.prefixes('audit.read');
  const usernames = prefixes.includes('') ? null : await accounts.listUsernamesWithin(db, prefixes);
  const { page, pageSize, ...filters } = query;
  return readLoginEvents(db, { ...filters, usernames, offset: (page - 1) * pageSize, limit: pageSize });
}

