import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAuditEvents, createTestWorld, type TestWorld } from '../helpers/test-app.ts';

/**
 * User management may touch a user only when the caller's scope covers every unit the user's roles
 * are bound to, and never a user (or a grant) above the caller's own role.
 */
let world: TestWorld;
let county: string;
let township: string;
/** Homed in township A, but holding the county's 组织部 role: beyond the township officer. */
let countyUserInTown: { id: string; version: number };
/** An administrator bound to the county: beyond the county's 组织部. */
let countyAdministrator: { id: string; version: number };
let countyUserPassword: string;

beforeAll(async () => {
  world = await createTestWorld();
  county = await world.login('county');
  township = await world.login('towna');
  const admin = await world.login('admin');
  const created = await world.app.inject({
    method: 'POST', url: '/api/users', headers: { cookie: county },
    payload: { username: 'countyintown', displayName: '县组织部干事', orgCode: world.townshipA.code, roles: [{ role: 'orgDepartment', orgCode: world.countyCode }] },
  });
  expect(created.statusCode).toBe(201);
  countyUserInTown = { id: created.json().user.id, version: created.json().user.version };
  countyUserPassword = created.json().initialPassword;
  const administrator = await world.app.inject({
    method: 'POST', url: '/api/users', headers: { cookie: admin },
    payload: { username: 'countyadmin', displayName: '县管理员', orgCode: world.countyCode, roles: [{ role: 'administrator', orgCode: world.countyCode }] },
  });
  expect(administrator.statusCode).toBe(201);
  countyAdministrator = { id: administrator.json().user.id, version: administrator.json().user.version };
});
afterAll(async () => world.close());

describe('user management beyond the caller', () => {
  const routes = (target: () => { id: string; version: number }) => [
    { name: 'read', method: 'GET' as const, url: () => `/api/users/${target().id}` },
    { name: 'edit', method: 'PATCH' as const, url: () => `/api/users/${target().id}`, payload: () => ({ displayName: '改名', version: target().version }) },
    { name: 'disable', method: 'PATCH' as const, url: () => `/api/users/${target().id}`, payload: () => ({ isDisabled: true, version: target().version }) },
    { name: 'change roles', method: 'PATCH' as const, url: () => `/api/users/${target().id}`, payload: () => ({ roles: [{ role: 'villageClerk', orgCode: world.townshipA.villageCode }], version: target().version }) },
    { name: 'reset password', method: 'POST' as const, url: () => `/api/users/${target().id}/reset-password`, payload: () => ({ version: target().version }) },
  ];

  for (const route of routes(() => countyUserInTown)) {
    it(`refuses a township officer to ${route.name} a user homed in the township who holds a county role`, async () => {
      const events = await countAuditEvents(world.database);
      const response = await world.app.inject({ method: route.method, url: route.url(), headers: { cookie: township }, ...(route.payload && { payload: route.payload() }) });
      expect(response.statusCode).toBe(404);
      expect(response.json().message).toBe('用户不存在或不在您的管理范围内');
      expect(await countAuditEvents(world.database)).toBe(events);
    });
  }

  for (const route of routes(() => countyAdministrator).filter((item) => item.method !== 'GET')) {
    it(`refuses the county's 组织部 to ${route.name} an administrator of the county`, async () => {
      const events = await countAuditEvents(world.database);
      const response = await world.app.inject({ method: route.method, url: route.url(), headers: { cookie: county }, ...(route.payload && { payload: route.payload() }) });
      expect(response.statusCode).toBe(403);
      expect(response.json().message).toBe('该用户拥有高于您的角色，只能由上级组织部或系统管理员管理');
      expect(await countAuditEvents(world.database)).toBe(events);
    });
  }

  it('leaves such users out of the township officer\'s user list, and shows them to the county without the right to manage an administrator', async () => {
    const list = await world.app.inject({ method: 'GET', url: '/api/users?pageSize=200', headers: { cookie: township } });
    expect(list.statusCode).toBe(200);
    const usernames = list.json().users.map((user: { username: string }) => user.username);
    expect(usernames).toContain('towna');
    expect(usernames).not.toContain('countyintown');
    const countyList = await world.app.inject({ method: 'GET', url: '/api/users?pageSize=200', headers: { cookie: county } });
    const byName = new Map(countyList.json().users.map((user: { username: string; policies: unknown }) => [user.username, user.policies]));
    expect(byName.get('countyintown')).toEqual({ update: true, resetPassword: true });
    expect(byName.get('countyadmin')).toEqual({ update: false, resetPassword: false });
  });

  it('keeps the takeover path closed: the township cannot reset the county user\'s password and log in as it', async () => {
    const reset = await world.app.inject({ method: 'POST', url: `/api/users/${countyUserInTown.id}/reset-password`, headers: { cookie: township }, payload: { version: countyUserInTown.version } });
    expect(reset.statusCode).toBe(404);
    expect((await world.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'countyintown', password: countyUserPassword } })).statusCode).toBe(200);
  });

  it('never lets a caller grant a role above its own', async () => {
    const asCounty = await world.app.inject({
      method: 'POST', url: '/api/users', headers: { cookie: county },
      payload: { username: 'newadmin', displayName: '新管理员', orgCode: world.countyCode, roles: [{ role: 'administrator', orgCode: world.countyCode }] },
    });
    expect(asCounty.statusCode).toBe(403);
    const clerk = await world.app.inject({
      method: 'POST', url: '/api/users', headers: { cookie: township },
      payload: { username: 'newclerk', displayName: '村文书', orgCode: world.townshipA.villageCode, roles: [{ role: 'villageClerk', orgCode: world.townshipA.villageCode }] },
    });
    expect(clerk.statusCode).toBe(201);
    const upgrade = await world.app.inject({
      method: 'PATCH', url: `/api/users/${clerk.json().user.id}`, headers: { cookie: township },
      payload: { roles: [{ role: 'orgDepartment', orgCode: world.countyCode }], version: clerk.json().user.version },
    });
    expect(upgrade.statusCode).toBe(404);
    expect(upgrade.json().message).toBe('角色所属单位不存在或不在您的管理范围内');
  });
});
