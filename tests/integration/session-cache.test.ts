import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { readConfig } from '../../src/server/config.ts';
import type { App } from '../../src/server/types.ts';
import { createTestWorld, TEST_PASSWORD, type TestWorld, testClock } from '../helpers/test-app.ts';

/** Counts the statements that read sessions, users or their roles. */
class SessionQueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const text = JSON.stringify(args.node);
    if (/"user_session"|"app_user"|"user_role"/.test(text)) this.count += 1;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

let world: TestWorld;
let app: App;
const counter = new SessionQueryCounter();
beforeAll(async () => {
  world = await createTestWorld();
  app = await buildApp({ config: { ...readConfig({}), dataDir: 'memory://' }, database: { ...world.database, db: world.database.db.withPlugin(counter) }, cipher: world.cipher, clock: testClock });
});
afterAll(async () => {
  await app.close();
  await world.close();
});

async function login(username: string, password = TEST_PASSWORD): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  expect(response.statusCode).toBe(200);
  return `houbei_session=${response.cookies.find((item) => item.name === 'houbei_session')!.value}`;
}

const me = (cookie: string) => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

describe('session lookups', () => {
  it('cost no query for a session looked up a moment ago', async () => {
    const cookie = await login('towna');
    expect((await me(cookie)).statusCode).toBe(200);
    counter.count = 0;
    for (let index = 0; index < 10; index += 1) expect((await me(cookie)).statusCode).toBe(200);
    expect(counter.count).toBe(0);
  });

  it('end at once on logout', async () => {
    const cookie = await login('towna');
    expect((await me(cookie)).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('of other sessions end at once when the user changes the password, and the own session sees the change', async () => {
    const other = await login('villagea');
    const own = await login('villagea');
    expect((await me(other)).statusCode).toBe(200);
    const change = await app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: own }, payload: { currentPassword: TEST_PASSWORD, newPassword: 'Changed12345' } });
    expect(change.statusCode).toBe(204);
    expect((await me(other)).statusCode).toBe(401);
    expect((await me(own)).statusCode).toBe(200);
  });

  it('end at once when an administrator disables the user or resets the password, and show role changes at once', async () => {
    const admin = await login('admin');
    const user = async () => (await app.inject({ method: 'GET', url: `/api/users/${world.users.townshipB.id}`, headers: { cookie: admin } })).json() as { version: number };
    const township = await login('townb');
    expect((await me(township)).json().roles).toHaveLength(1);
    const roles = [{ role: 'townshipCommittee', orgCode: world.townshipB.code, department: null }, { role: 'auditor', orgCode: world.townshipB.code, department: null }];
    expect((await app.inject({ method: 'PATCH', url: `/api/users/${world.users.townshipB.id}`, headers: { cookie: admin }, payload: { roles, version: (await user()).version } })).statusCode).toBe(200);
    expect((await me(township)).json().roles).toHaveLength(2);

    const reset = await app.inject({ method: 'POST', url: `/api/users/${world.users.townshipB.id}/reset-password`, headers: { cookie: admin }, payload: { version: (await user()).version } });
    expect(reset.statusCode).toBe(200);
    expect((await me(township)).statusCode).toBe(401);

    const again = await login('townb', reset.json().initialPassword);
    expect((await me(again)).statusCode).toBe(200);
    expect((await app.inject({ method: 'PATCH', url: `/api/users/${world.users.townshipB.id}`, headers: { cookie: admin }, payload: { isDisabled: true, version: (await user()).version } })).statusCode).toBe(200);
    expect((await me(again)).statusCode).toBe(401);
  });
});
