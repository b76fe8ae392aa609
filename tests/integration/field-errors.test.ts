import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, makeIdNumber, type TestWorld } from '../helpers/test-app.ts';

/**
 * Every validation failure lists its fields: `fieldErrors` of `{ path, message }` beside the joined
 * `message` clients have always read.
 */

let world: TestWorld;
let cookie: string;
beforeAll(async () => {
  world = await createTestWorld();
  cookie = await world.login('admin');
});
afterAll(async () => world.close());

const CHINESE = /[\u4e00-\u9fa5]/;

interface ErrorBody {
  code: string;
  message: string;
  fieldErrors?: { path: string; message: string }[];
}

describe('field errors', () => {
  it('lists each field of the body, the unknown fields among them, and keeps the joined message', async () => {
    const response = await world.app.inject({
      method: 'PATCH', url: `/api/org-units/${world.townshipA.villageCode}`, headers: { cookie },
      payload: { name: 123, version: 'x', level: 'county' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<ErrorBody>();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toMatch(/^请求内容有误——/);
    expect(body.message).toMatch(/name：/);
    expect(body.message).toMatch(/不允许的字段：level/);
    const paths = body.fieldErrors!.map((fieldError) => fieldError.path).sort();
    expect(paths).toEqual(['body.level', 'body.name', 'body.version']);
    for (const fieldError of body.fieldErrors!) expect(fieldError.message).toMatch(CHINESE);
  });

  it('names query and path parameters as query.* and params.*', async () => {
    const query = await world.app.inject({ method: 'GET', url: '/api/users?pageSize=100000', headers: { cookie } });
    expect(query.statusCode).toBe(400);
    expect(query.json<ErrorBody>().fieldErrors).toEqual([{ path: 'query.pageSize', message: expect.stringMatching(CHINESE) }]);

    const params = await world.app.inject({ method: 'GET', url: '/api/users/not-a-uuid', headers: { cookie } });
    expect(params.statusCode).toBe(400);
    expect(params.json<ErrorBody>().fieldErrors).toEqual([{ path: 'params.id', message: '编号格式不正确' }]);
  });

  it('gives nested fields their full path', async () => {
    const response = await world.app.inject({
      method: 'POST', url: '/api/talent-ledger', headers: { cookie },
      payload: { orgCode: world.townshipA.villageCode, sourceCategory: 'graduate', person: { name: '', idNumber: 'x', politicalStatus: 'masses', education: 'juniorCollege', familyMembers: [{ relation: '父亲', name: 7 }] } },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json<ErrorBody>().fieldErrors!.map((fieldError) => fieldError.path);
    expect(paths).toContain('body.person.name');
    expect(paths).toContain('body.person.familyMembers.0.name');
  });

  it('lists the problems the person rules find, under the field where the person sits', async () => {
    const idNumber = makeIdNumber('511425', '19900315', 11);
    const response = await world.app.inject({
      method: 'POST', url: '/api/talent-ledger', headers: { cookie },
      payload: { orgCode: world.townshipA.villageCode, sourceCategory: 'graduate', person: { name: '李四', idNumber, gender: 'female', phone: '123', politicalStatus: 'masses', education: 'juniorCollege' } },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<ErrorBody>();
    expect(body.message).toMatch(/性别：/);
    expect(body.fieldErrors!.map((fieldError) => fieldError.path).sort()).toEqual(['body.person.gender', 'body.person.phone']);
  });

  it('declares fieldErrors in the OpenAPI error schema', async () => {
    const document = (await world.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> } };
    const error = document.components.schemas.Error!;
    expect(Object.keys(error.properties).sort()).toEqual(['code', 'fieldErrors', 'message']);
    expect(error.required).not.toContain('fieldErrors');
  });
});
