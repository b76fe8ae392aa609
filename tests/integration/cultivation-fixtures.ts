import { createUser } from '../../src/modules/users/users.service.ts';
import { systemContext } from '../../src/server/access.ts';
import { TEST_PASSWORD, type TestWorld, testToday } from '../helpers/test-app.ts';

/** Shared set-up of the cultivation tests: mentor users and admission dates in the past. */

/** A user with the mentor role bound to a unit (county, township or village). */
export async function addMentor(world: TestWorld, username: string, orgCode: string): Promise<{ id: string; username: string }> {
  const { user } = await createUser(world.database.db, systemContext(testToday()), {
    username, displayName: `${username}导师`, orgCode, roles: [{ role: 'mentor', orgCode, department: null }], password: TEST_PASSWORD, mustChangePassword: false,
  });
  return { id: user.id, username };
}

/** The pool module admits a directly entered reserve today; the tests need reserves admitted years ago. */
export async function setAdmittedOn(world: TestWorld, reserveId: string, admittedOn: string): Promise<void> {
  await world.database.db.updateTable('reserve').set({ admitted_on: admittedOn }).where('id', '=', reserveId).execute();
}

/** Last year on the tests' clock (a full year of records that lie in the past). */
export function lastYear(): number {
  return Number(testToday().slice(0, 4)) - 1;
}

export function pad(value: number): string {
  return String(value).padStart(2, '0');
}
