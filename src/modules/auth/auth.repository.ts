import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { ThrottleState } from '../../domain/lockout.ts';
import { sessionCache } from './session-cache.ts';

/** Filters of the login log: exact username, outcome, Beijing dates from and to (inclusive). */
export interface LoginEventSearch { username?: string | undefined; outcome?: string | undefined; from?: string | undefined; to?: string | undefined }

export const authRepository = {
  async findThrottle(db: Executor, username: string): Promise<ThrottleState | undefined> {
    const row = await db.selectFrom('login_throttle').select(['failed_count', 'locked_until']).where('username', '=', username).executeTakeFirst();
    return row ? { failedCount: row.failed_count, lockedUntil: row.locked_until } : undefined;
  },

  async findLockedUsernames(db: Executor, usernames: readonly string[], now: Date): Promise<Set<string>> {
    if (usernames.length === 0) return new Set();
    const rows = await db.selectFrom('login_throttle').select('username').where('username', 'in', usernames).where('locked_until', '>', now).execute();
    return new Set(rows.map((row) => row.username));
  },

  async saveThrottle(db: Executor, username: string, state: ThrottleState, now: Date): Promise<void> {
    await db
      .insertInto('login_throttle')
      .values({ username, failed_count: state.failedCount, locked_until: state.lockedUntil, updated_at: now })
      .onConflict((conflict) =>
        conflict.column('username').doUpdateSet({ failed_count: state.failedCount, locked_until: state.lockedUntil, updated_at: now }),
      )
      .execute();
  },

  async clearThrottle(db: Executor, username: string): Promise<void> {
    await db.deleteFrom('login_throttle').where('username', '=', username).execute();
  },

  async insertLoginEvent(db: Executor, event: { username: string; userId: string | null; ip: string; outcome: string }): Promise<void> {
    await db.insertInto('login_event').values({ username: event.username, user_id: event.userId, ip: event.ip, outcome: event.outcome }).execute();
  },

  async insertSession(db: Executor, session: { tokenHash: string; userId: string; ip: string; expiresAt: Date; now: Date }): Promise<void> {
    await db
      .insertInto('user_session')
      .values({ token_hash: session.tokenHash, user_id: session.userId, ip: session.ip, expires_at: session.expiresAt, last_seen_at: session.now })
      .execute();
  },

  async findSession(db: Executor, tokenHash: string): Promise<{ userId: string; expiresAt: Date; lastSeenAt: Date } | undefined> {
    const row = await db.selectFrom('user_session').select(['user_id', 'expires_at', 'last_seen_at']).where('token_hash', '=', tokenHash).executeTakeFirst();
    return row ? { userId: row.user_id, expiresAt: row.expires_at, lastSeenAt: row.last_seen_at } : undefined;
  },

  async touchSession(db: Executor, tokenHash: string, now: Date): Promise<void> {
    await db.updateTable('user_session').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
  },

  async deleteSession(db: Executor, tokenHash: string): Promise<void> {
    sessionCache.forgetToken(tokenHash);
    await db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();
  },

  /** Ends the user's sessions (but one); the session cache forgets them all, the kept one included, so it is read again. */
  async deleteSessionsOfUser(db: Executor, userId: string, exceptTokenHash?: string): Promise<void> {
    sessionCache.forgetUser(userId, Date.now());
    let query = db.deleteFrom('user_session').where('user_id', '=', userId);
    if (exceptTokenHash) query = query.where('token_hash', '!=', exceptTokenHash);
    await query.execute();
  },

  async listLoginEvents(db: Executor, options: LoginEventSearch & { usernames: string[] | null; offset: number; limit: number }) {
    let query = db.selectFrom('login_event');
    if (options.usernames !== null) {
      if (options.usernames.length === 0) return { total: 0, events: [] };
      query = query.where('username', 'in', options.usernames);
    }
    if (options.username) query = query.where('username', '=', options.username);
    if (options.outcome) query = query.where('outcome', '=', options.outcome);
    if (options.from) query = query.where(sql<SqlBool>`at >= (${options.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    if (options.to) query = query.where(sql<SqlBool>`at < (${options.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    const [count, events] = await Promise.all([
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      query.select(['id', 'username', 'ip', 'outcome', 'at']).orderBy('id', 'desc').offset(options.offset).limit(options.limit).execute(),
    ]);
    return { total: Number(count.total), events };
  },
};
