import type { Db } from '../../db/database.ts';
import type { Context } from '../../server/access.ts';
import { accounts } from '../users/accounts.ts';
import { readLoginEvents } from './sessions.ts';

/** Login events of the users the caller may see (all, for those whose scope is everything). */
export async function listLoginEvents(db: Db, ctx: Context, query: { page: number; pageSize: number }) {
  ctx.access.requireAnywhere('audit.read', '查看登录日志');
  const prefixes = ctx.access.prefixes('audit.read');
  const usernames = prefixes.includes('') ? null : await accounts.listUsernamesWithin(db, prefixes);
  return readLoginEvents(db, { usernames, offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
}

