import type { Executor } from '../../db/database.ts';
import { authRepository, type LoginEventSearch } from './auth.repository.ts';

/**
 * What user management needs of sessions and login throttling: ending a user's sessions (disabled,
 * password reset), lifting a lockout, and which accounts are locked now.
 */
export const sessions: Pick<typeof authRepository, 'deleteSessionsOfUser' | 'clearThrottle' | 'findLockedUsernames'> = authRepository;

/** Login events of the given usernames (null: everyone's) matching the filters, newest first. */
export function readLoginEvents(db: Executor, options: LoginEventSearch & { usernames: string[] | null; offset: number; limit: number }) {
  return authRepository.listLoginEvents(db, options);
}
