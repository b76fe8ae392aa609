import type { Db } from '../../db/database.ts';
import { NATION_CODE } from '../../domain/org-code.ts';
import { systemContext } from '../../server/access.ts';
import type { Clock } from '../../server/clock.ts';
import { usersRepository } from './users.repository.ts';
import { createUser } from './users.service.ts';

/**
 * On the first start (no users at all) creates `admin`, a system administrator over the whole
 * tree, with the password from HOUBEI_ADMIN_PASSWORD or a random one that is returned to be
 * printed once. A random password must be changed at first login. There is no fixed default.
 */
export async function ensureAdministrator(db: Db, clock: Clock, adminPassword: string | undefined): Promise<{ created: boolean; password?: string }> {
  if ((await usersRepository.countAll(db)) > 0) return { created: false };
  const { initialPassword } = await createUser(db, systemContext(clock.today()), {
    username: 'admin',
    displayName: '系统管理员',
    orgCode: NATION_CODE,
    roles: [{ role: 'administrator', orgCode: NATION_CODE }],
    password: adminPassword,
    mustChangePassword: adminPassword === undefined,
  });
  return { created: true, password: adminPassword === undefined ? initialPassword : undefined };
}
