import { describe, expect, it } from 'vitest';
import { afterFailure, formatBeijingTime, isLocked, LOCKOUT_MINUTES } from './lockout.ts';

const now = new Date('2026-11-22T06:00:00Z');

describe('login lockout', () => {
  it('locks on the fifth failure in a row, for 15 minutes', () => {
    let state = afterFailure(undefined, now);
    for (let failure = 2; failure <= 4; failure += 1) state = afterFailure(state, now);
    expect(state).toEqual({ failedCount: 4, lockedUntil: null });
    expect(isLocked(state, now)).toBe(false);
    state = afterFailure(state, now);
    expect(state.lockedUntil).toEqual(new Date(now.getTime() + LOCKOUT_MINUTES * 60_000));
    expect(isLocked(state, new Date(now.getTime() + 14 * 60_000))).toBe(true);
    expect(isLocked(state, new Date(now.getTime() + 15 * 60_000))).toBe(false);
  });

  it('starts counting afresh once a lock has run out', () => {
    const expired = { failedCount: 5, lockedUntil: new Date(now.getTime() - 1) };
    expect(afterFailure(expired, now)).toEqual({ failedCount: 1, lockedUntil: null });
  });

  it('tells the time in Beijing time', () => {
    expect(formatBeijingTime(new Date('2026-11-22T16:15:00Z'))).toBe('2026-11-23 00:15');
  });
});
