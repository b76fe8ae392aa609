import crypto from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { afterFailure, formatBeijingTime, isLocked } from '../../domain/lockout.ts';
import { Access, type Actor, type RequestContext } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { accounts, setOwnPassword } from '../users/accounts.ts';
import { authRepository } from './auth.repository.ts';
import { sessionCache } from './session-cache.ts';
import { hashPassword, passwordProblem, UNKNOWN_USER_HASH, verifyPassword } from './password.ts';

export const SESSION_IDLE_MINUTES = 120;
export const SESSION_MAX_HOURS = 12;

const LOGIN_FAILED_MESSAGE = '用户名或密码错误';

function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/**
 * Checks a username and password. Failures are counted per name typed, whether or not the user
 * exists, and the password hash is always computed, so an unknown name, a wrong password and a
 * locked account cannot be told apart by their answer or its timing.
 */
export async function login(db: Db, input: { username: string; password: string; ip: string }): Promise<{ token: string; actor: Actor }> {
  const now = new Date();
  const username = input.username.trim();
  const throttle = await authRepository.findThrottle(db, username);
  const user = await accounts.findByUsername(db, username);
  const isPasswordRight = await verifyPassword(input.password, user?.passwordHash ?? UNKNOWN_USER_HASH);

  if (isLocked(throttle, now)) {
    await authRepository.insertLoginEvent(db, { username, userId: user?.id ?? null, ip: input.ip, outcome: 'locked' });
    throw lockedError(throttle!.lockedUntil!);
  }
  if (!user || !isPasswordRight || user.isDisabled) {
    const next = afterFailure(throttle, now);
    await authRepository.saveThrottle(db, username, next, now);
    const outcome = !user ? 'unknownUser' : user.isDisabled && isPasswordRight ? 'disabled' : 'wrongPassword';
    await authRepository.insertLoginEvent(db, { username, userId: user?.id ?? null, ip: input.ip, outcome });
    if (next.lockedUntil) throw lockedError(next.lockedUntil);
    throw new AppError('LOGIN_FAILED', LOGIN_FAILED_MESSAGE);
  }

  const token = crypto.randomBytes(32).toString('base64url');
  await db.transaction().execute(async (tx) => {
    await authRepository.clearThrottle(tx, username);
    await authRepository.insertSession(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      ip: input.ip,
      expiresAt: new Date(now.getTime() + SESSION_MAX_HOURS * 3600_000),
      now,
    });
    await accounts.recordLogin(tx, user.id, now);
    await authRepository.insertLoginEvent(tx, { username, userId: user.id, ip: input.ip, outcome: 'success' });
  });
  return { token, actor: await loadActor(db, user.id) };
}

function lockedError(until: Date): AppError {
  return new AppError('ACCOUNT_LOCKED', `连续 5 次登录失败，账户已锁定，请于 ${formatBeijingTime(until)}（北京时间）后再试，或联系管理员解锁`);
}

export async function logout(db: Db, token: string): Promise<void> {
  await authRepository.deleteSession(db, hashToken(token));
}

/**
 * The caller behind a session token, or null when the session is unknown or expired. A session
 * looked up in the last seconds comes from the in-process cache (`session-cache.ts`), without a
 * query; the last-seen time is written at most once a minute.
 */
export async function resolveSession(db: Db, token: string): Promise<Actor | null> {
  const tokenHash = hashToken(token);
  const now = new Date();
  const cached = sessionCache.find(tokenHash, now.getTime());
  if (cached) {
    if (!isSessionExpired(cached, now)) {
      if (now.getTime() - cached.lastSeenAt > 60_000) {
        await authRepository.touchSession(db, tokenHash, now);
        cached.lastSeenAt = now.getTime();
      }
      return cached.actor;
    }
    sessionCache.forgetToken(tokenHash);
  }
  const session = await authRepository.findSession(db, tokenHash);
  if (!session) return null;
  const times = { expiresAt: session.expiresAt.getTime(), lastSeenAt: session.lastSeenAt.getTime() };
  if (isSessionExpired(times, now)) {
    await authRepository.deleteSession(db, tokenHash);
    return null;
  }
  const actor = await loadActor(db, session.userId);
  if (now.getTime() - times.lastSeenAt > 60_000) {
    await authRepository.touchSession(db, tokenHash, now);
    times.lastSeenAt = now.getTime();
  }
  sessionCache.remember(tokenHash, { actor, ...times }, now.getTime());
  return actor;
}

function isSessionExpired(session: { expiresAt: number; lastSeenAt: number }, now: Date): boolean {
  return session.expiresAt <= now.getTime() || session.lastSeenAt + SESSION_IDLE_MINUTES * 60_000 <= now.getTime();
}

export async function loadActor(db: Db, userId: string): Promise<Actor> {
  const user = await accounts.findById(db, userId);
  if (!user || user.isDisabled) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录');
  const roles = (await accounts.listRoles(db, [userId])).get(userId) ?? [];
  return { userId: user.id, username: user.username, displayName: user.displayName, mustChangePassword: user.mustChangePassword, roles };
}

export function contextFor(actor: Actor, ip: string, today: string): RequestContext {
  return { actor, access: new Access(actor.roles), ip, today };
}

/** The user changes their own password; other sessions of the user end. */
export async function changeOwnPassword(
  db: Db,
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string; token: string },
): Promise<void> {
  const user = await accounts.findById(db, ctx.actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录');
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError('VALIDATION_FAILED', '当前密码不正确');
  }
  const problem = passwordProblem(input.newPassword);
  if (problem) throw new AppError('VALIDATION_FAILED', problem);
  if (input.newPassword === input.currentPassword) throw new AppError('VALIDATION_FAILED', '新密码不能与当前密码相同');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (tx) => {
    await setOwnPassword(tx, user, passwordHash);
    await authRepository.deleteSessionsOfUser(tx, user.id, hashToken(input.token));
    await recordAuditEvent(tx, ctx, {
      action: 'user.changePassword',
      entityType: 'user',
      entityId: user.id,
      orgCode: user.orgCode,
      summary: `${user.username} 修改了自己的密码`,
    });
  });
}
