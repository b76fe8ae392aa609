import type { Executor } from '../../db/database.ts';
import { versionConflict } from '../../server/errors.ts';
import { usersRepository, type UserRecord } from './users.repository.ts';

export type { UserRecord } from './users.repository.ts';

/** Reads of user accounts for signing in and for the login log (the auth module). */
export const accounts: Pick<typeof usersRepository, 'findByUsername' | 'findById' | 'listRoles' | 'listUsernamesWithin' | 'recordLogin'> = usersRepository;

/** Sets a user's own new password; throws the 409 when the account changed since it was read. */
export async function setOwnPassword(db: Executor, user: UserRecord, passwordHash: string): Promise<void> {
  if (!(await usersRepository.update(db, user.id, user.version, { passwordHash, mustChangePassword: false }))) throw versionConflict('用户');
}
