/** Login lockout rule: 5 failures in a row lock the name for 15 minutes. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export interface ThrottleState {
  failedCount: number;
  lockedUntil: Date | null;
}

export function isLocked(state: ThrottleState | undefined, now: Date): boolean {
  return state?.lockedUntil != null && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more failed attempt; the fifth failure sets the lock. */
export function afterFailure(state: ThrottleState | undefined, now: Date): ThrottleState {
  const expired = state?.lockedUntil != null && state.lockedUntil.getTime() <= now.getTime();
  const failedCount = (expired || !state ? 0 : state.failedCount) + 1;
  if (failedCount >= MAX_FAILED_LOGINS) {
    return { failedCount, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) };
  }
  return { failedCount, lockedUntil: null };
}

/** "2026-11-22 20:15" in China Standard Time, for the lockout message ("2026-11-22 20:15:07" with seconds, for logs). */
export function formatBeijingTime(date: Date, withSeconds = false): string {
  const shifted = new Date(date.getTime() + 8 * 3600_000);
  return shifted.toISOString().slice(0, withSeconds ? 19 : 16).replace('T', ' ');
}
