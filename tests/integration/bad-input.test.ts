import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAuditEvents, createTestWorld, type TestWorld } from '../helpers/test-app.ts';

let world: TestWorld;
let cookie: string;
beforeAll(async () => {
  world = await createTestWorld();
  cookie = await world.login('admin');
});
afterAll(async () => world.close());

const CHINESE = /[\u4e00-\u9fa5]/;

describe('bad input is refused in Chinese and changes nothing', () => {
  const cases: { name: string; method: 'POST' | 'PATCH' | 'GET'; url: (w: TestWorld) => string; payload?: string | object; contentType?: string; status: number; message: RegExp }[] = [
    { name: 'malformed JSON', method: 'POST', url: () => '/api/users', payload: '{"username": "x", ', contentType: 'application/json', status: 400, message: /不是有效的 JSON/ },
    { name: 'empty JSON body', method: 'PATCH', url: (w) => `/api/org-units/${w.townshipA.villageCode}`, payload: '', contentType: 'application/json', status: 400, message: /请求内容/ },
    { name: 'wrong type', method: 'PATCH', url: (w) => `/api/org-units/${w.townshipA.villageCode}`, payload: { name: 123, version: 1 }, status: 400, message: /name/ },
    { name: 'version as text', method: 'PATCH', url: (w) => `/api/org-units/${w.townshipA.villageCode}`, payload: { name: '新村', version: '1' }, status: 400, message: /version/ },
    { name: 'unknown field', method: 'PATCH', url: (w) => `/api/org-units/${w.townshipA.villageCode}`, payload: { name: '新村', version: 1, level: 'county' }, status: 400, message: /不允许的字段：level/ },
    { name: 'oversize string', method: 'PATCH', url: (w) => `/api/org-units/${w.townshipA.villageCode}`, payload: { name: '长'.repeat(51), version: 1 }, status: 400, message: /名称不能超过 50 个字符/ },
    { name: 'empty name', method: 'PATCH', url: (w) => `/api/org-units/${w.townshipA.villageCode}`, payload: { name: '   ', version: 1 }, status: 400, message: /名称不能为空/ },
    { name: 'bad org code in path', method: 'GET', url: () => '/api/org-units/12345', status: 400, message: /12 位统计用区划代码/ },
    { name: 'bad uuid in path', method: 'GET', url: () => '/api/users/not-a-uuid', status: 400, message: /编号格式不正确/ },
    { name: 'bad username', method: 'POST', url: (w) => '/api/users', payload: { username: '张三', displayName: '张三', orgCode: '511425000000', roles: [] }, status: 400, message: /用户名应为/ },
    { name: 'unknown role', method: 'POST', url: () => '/api/users', payload: { username: 'zhangsan', displayName: '张三', orgCode: '511425000000', roles: [{ role: 'king', orgCode: '511425000000' }] }, status: 400, message: /角色不正确/ },
    { name: 'role at the wrong level', method: 'POST', url: (w) => '/api/users', payload: { username: 'zhangsan', displayName: '张三', orgCode: '511425000000', roles: [{ role: 'villageClerk', orgCode: '511425000000' }] }, status: 400, message: /「村党组织」角色不能绑定到青神县/ },
    { name: 'unknown county', method: 'POST', url: () => '/api/org-units/import', payload: { countyCode: '119999' }, status: 404, message: /没有代码为 119999 的县/ },
    { name: 'bad query number', method: 'GET', url: () => '/api/users?pageSize=100000', status: 400, message: /pageSize/ },
    { name: 'bad date', method: 'GET', url: () => '/api/audit-events?from=2026-13', status: 400, message: /日期格式应为 YYYY-MM-DD/ },
    { name: 'text instead of JSON', method: 'POST', url: () => '/api/users', payload: 'username=x', contentType: 'text/plain', status: 415, message: /application\/json/ },
    { name: 'form body instead of JSON', method: 'POST', url: () => '/api/users', payload: 'username=x', contentType: 'application/x-www-form-urlencoded', status: 415, message: /application\/json/ },
    { name: 'body over 1 MB', method: 'POST', url: () => '/api/users', payload: JSON.stringify({ username: 'x'.repeat(1_100_000) }), contentType: 'application/json', status: 413, message: /请求内容过大/ },
  ];

  for (const testCase of cases) {
    it(`${testCase.name}: ${testCase.status}`, async () => {
      const auditBefore = await countAuditEvents(world.database);
      const usersBefore = await world.database.db.selectFrom('app_user').select('id').execute();
      const unitBefore = await world.database.db.selectFrom('org_unit').selectAll().where('code', '=', world.townshipA.villageCode).executeTakeFirstOrThrow();
      const headers: Record<string, string> = { cookie };
      if (testCase.contentType) headers['content-type'] = testCase.contentType;
      const response = await world.app.inject({
        method: testCase.method,
        url: testCase.url(world),
        headers,
        ...(testCase.payload !== undefined && { payload: testCase.payload }),
      });
      expect(response.statusCode).toBe(testCase.status);
      const body = response.json();
      expect(Object.keys(body).filter((key) => key !== 'fieldErrors').sort()).toEqual(['code', 'message']);
      expect(body.message).toMatch(CHINESE);
      expect(body.message).toMatch(testCase.message);
      expect(await countAuditEvents(world.database)).toBe(auditBefore);
      expect(await world.database.db.selectFrom('app_user').select('id').execute()).toEqual(usersBefore);
      expect(await world.database.db.selectFrom('org_unit').selectAll().where('code', '=', world.townshipA.villageCode).executeTakeFirstOrThrow()).toEqual(unitBefore);
    });
  }

  it('answers an unknown API path with a Chinese 404', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/api/no-such-thing', headers: { cookie } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: 'NOT_FOUND', message: '接口 GET /api/no-such-thing 不存在' });
  });
});
