import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { readConfig } from '../../src/server/config.ts';
import type { App } from '../../src/server/types.ts';
import { addReserve, createTestWorld, TEST_PASSWORD, type TestWorld, testClock } from '../helpers/test-app.ts';

let world: TestWorld;
let cookie: string;
let personId: string;
let httpsApp: App;
beforeAll(async () => {
  world = await createTestWorld();
  cookie = await world.login('towna');
  personId = (await addReserve(world, cookie, world.townshipA.villageCode)).personId;
  httpsApp = await buildApp({ config: { ...readConfig({}), dataDir: 'memory://', secureCookies: true }, database: world.database, cipher: world.cipher, clock: testClock });
});
afterAll(async () => {
  await httpsApp.close();
  await world.close();
});

describe('security headers', () => {
  it('send a Content-Security-Policy limited to the own origin, and HSTS only over HTTPS', async () => {
    const plain = await world.app.inject({ method: 'GET', url: '/api/health' });
    const policy = String(plain.headers['content-security-policy']);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('upgrade-insecure-requests');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(plain.headers['x-content-type-options']).toBe('nosniff');
    expect(plain.headers['cache-control']).toBe('no-store');

    const secure = await httpsApp.inject({ method: 'GET', url: '/api/health' });
    expect(secure.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});

describe('cross-site requests', () => {
  it('refuse a login or a change whose Origin is another site, and accept the own origin', async () => {
    const login = await world.app.inject({
      method: 'POST', url: '/api/auth/login', headers: { origin: 'https://evil.example', host: 'houbei.example' }, payload: { username: 'towna', password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(403);
    expect(login.json().message).toBe('请求来源 https://evil.example 不是本系统（http://houbei.example），已拒绝。请在本系统的页面中操作');
    expect(login.cookies).toHaveLength(0);

    const code = world.townshipA.villageCode;
    const unit = (await world.app.inject({ method: 'GET', url: `/api/org-units/${code}`, headers: { cookie } })).json();
    const crossSite = await world.app.inject({ method: 'PATCH', url: `/api/org-units/${code}`, headers: { cookie, 'sec-fetch-site': 'cross-site' }, payload: { name: '跨站改名', version: unit.version } });
    expect(crossSite.statusCode).toBe(403);
    const sameOrigin = await world.app.inject({
      method: 'PATCH', url: `/api/org-units/${code}`, headers: { cookie, host: 'houbei.example', origin: 'http://houbei.example', 'sec-fetch-site': 'same-origin' }, payload: { name: '本站改名', version: unit.version },
    });
    expect(sameOrigin.statusCode).toBe(200);
    expect(sameOrigin.json().name).toBe('本站改名');
  });

  it('refuse a body of another type than JSON on reveal and logout, which take none', async () => {
    for (const [url, type, payload] of [
      [`/api/people/${personId}/reveal`, 'text/plain', 'a=1'],
      [`/api/people/${personId}/reveal`, 'application/x-www-form-urlencoded', 'a=1'],
      [`/api/people/${personId}/reveal`, 'image/png', 'a=1'],
      ['/api/auth/logout', 'text/plain', 'a=1'],
    ] as const) {
      const response = await world.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': type }, payload });
      expect(response.statusCode, `${url} ${type}`).toBe(415);
      expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    const reveal = await world.app.inject({ method: 'POST', url: `/api/people/${personId}/reveal`, headers: { cookie } });
    expect(reveal.statusCode).toBe(200);
    const revealAsTheClientSendsIt = await world.app.inject({ method: 'POST', url: `/api/people/${personId}/reveal`, headers: { cookie }, payload: {} });
    expect(revealAsTheClientSendsIt.statusCode).toBe(200);
    const me = await world.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
  });
});
