import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, TEST_PASSWORD, type TestWorld } from '../helpers/test-app.ts';

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(async () => world.close());

const login = (username: string, password: string) => world.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('login', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and answers with the caller and their permissions', async () => {
    const response = await login('towna', TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((item) => item.name === 'houbei_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(response.json()).toMatchObject({ username: 'towna', permissions: expect.arrayContaining(['orgUnit.read', 'user.manage']) });
    expect(response.json().permissions).not.toContain('dictionary.manage');
  });

  it('refuses every API call without a session, in Chinese', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/api/org-units/roots' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ code: 'UNAUTHENTICATED', message: '未登录或登录已过期，请重新登录' });
  });

  it('ends the session on logout', async () => {
    const cookie = await world.login('towna');
    expect((await world.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await world.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await world.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('locks the account after 5 wrong passwords, says until when, and refuses the right password then', async () => {
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const response = await login('townb', 'wrong-password-1');
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ code: 'LOGIN_FAILED', message: '用户名或密码错误' });
    }
    const fifth = await login('townb', 'wrong-password-1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().message).toMatch(/^连续 5 次登录失败，账户已锁定，请于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）后再试/);

    const sixth = await login('townb', TEST_PASSWORD);
    expect(sixth.statusCode).toBe(423);
    expect(sixth.json()).toEqual(fifth.json());
    const events = await world.database.db.selectFrom('login_event').select('outcome').where('username', '=', 'townb').orderBy('id').execute();
    expect(events.map((event) => event.outcome)).toEqual(['wrongPassword', 'wrongPassword', 'wrongPassword', 'wrongPassword', 'wrongPassword', 'locked']);
  });

  it('answers an unknown user exactly as a known one: same failure, then the same lock', async () => {
    const known = await login('auditor', 'not-the-password1');
    const unknown = await login('nobody-here', 'not-the-password1');
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.json()).toEqual(known.json());
    for (let attempt = 2; attempt <= 5; attempt += 1) await login('nobody-here', 'not-the-password1');
    const locked = await login('nobody-here', 'anything1');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().message).toContain('账户已锁定');
  });

  it('forces a password change before anything else when the account requires it', async () => {
    const admin = await world.login('admin');
    const created = await world.app.inject({
      method: 'POST', url: '/api/users', headers: { cookie: admin },
      payload: { username: 'newclerk', displayName: '新用户', orgCode: world.townshipA.villageCodes[1], roles: [{ role: 'villageClerk', orgCode: world.townshipA.villageCodes[1] }] },
    });
    expect(created.statusCode).toBe(201);
    const initialPassword: string = created.json().initialPassword;
    expect(initialPassword).toMatch(/^[A-Za-z0-9]{16}$/);

    const cookie = await world.login('newclerk', initialPassword);
    const blocked = await world.app.inject({ method: 'GET', url: '/api/org-units/roots', headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');

    const weak = await world.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: initialPassword, newPassword: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toBe('密码至少 8 位');

    const changed = await world.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: initialPassword, newPassword: 'NewPass2026' } });
    expect(changed.statusCode).toBe(204);
    const allowed = await world.app.inject({ method: 'GET', url: '/api/org-units/roots', headers: { cookie } });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json().map((unit: { code: string }) => unit.code)).toEqual([world.townshipA.villageCodes[1]]);
  });

  it('lets an administrator reset a password, which lifts the lock', async () => {
    const admin = await world.login('admin');
    const user = await world.app.inject({ method: 'GET', url: `/api/users/${world.users.townshipB.id}`, headers: { cookie: admin } });
    expect(user.json().isLocked).toBe(true);
    const reset = await world.app.inject({
      method: 'POST', url: `/api/users/${world.users.townshipB.id}/reset-password`, headers: { cookie: admin }, payload: { version: user.json().version },
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().user.isLocked).toBe(false);
    expect((await login('townb', reset.json().initialPassword)).statusCode).toBe(200);
  });

  it('lets only an administrator grant the administrator role', async () => {
    const county = await world.login('county');
    const response = await world.app.inject({
      method: 'POST', url: '/api/users', headers: { cookie: county },
      payload: { username: 'wouldbeadmin', displayName: '越权', orgCode: world.countyCode, roles: [{ role: 'administrator', orgCode: world.countyCode }] },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toBe('只有系统管理员可以授予系统管理员角色');
    expect(await world.database.db.selectFrom('app_user').select('id').where('username', '=', 'wouldbeadmin').execute()).toEqual([]);
  });
});
