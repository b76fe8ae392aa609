import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLedgerPerson, countAuditEvents, createTestWorld, makeIdNumber, type TestWorld } from '../helpers/test-app.ts';
import { findFields, readApiDocument, sampleValue, samplePathValue, setAt, urlOf, type ApiDocument, type JsonSchema, type SampleValues } from '../helpers/openapi.ts';

/**
 * Text fields refuse what cannot be stored or shown safely — NUL, lone surrogates, direction marks,
 * control characters, and line breaks in single-line fields — at the schema, with a Chinese message
 * naming the field; names are stored with their spaces normalised.
 */

let world: TestWorld;
let cookie: string;
let api: ApiDocument;
let samples: SampleValues;
beforeAll(async () => {
  world = await createTestWorld();
  cookie = await world.login('admin');
  api = await readApiDocument(world.app);
  samples = { orgCode: world.townshipA.villageCode };
});
afterAll(async () => world.close());

/** A string a person types freely: no enumeration, format or pattern decides it. */
const isFreeText = (schema: JsonSchema) => schema.type === 'string' && !schema.enum && !schema.format && !schema.pattern;

const BAD_TEXT = [
  { name: 'NUL', value: 'a\u0000b', query: 'a%00b', message: /空字符（NUL）/ },
  { name: 'lone surrogate', value: 'a\uD800b', query: undefined, message: /代理项/ },
  { name: 'right-to-left override', value: 'a\u202Eb', query: 'a%E2%80%AEb', message: /改变文字方向/, secretsAccept: true },
  { name: 'bell', value: 'a\u0007b', query: 'a%07b', message: /控制字符 U\+0007/, secretsAccept: true },
];

describe('every text field of every route', () => {
  it('refuses NUL, lone surrogates, direction marks and control characters with 400 naming the field', async () => {
    const auditBefore = await countAuditEvents(world.database);
    const failures: string[] = [];
    const fields = new Set<string>();
    for (const operation of api.operations) {
      const pathValue = (parameter: Parameters<typeof samplePathValue>[1]) => samplePathValue(api, parameter, samples);
      for (const parameter of operation.parameters.filter((item) => item.in === 'query' && isFreeText(api.resolve(item.schema)))) {
        fields.add(`${operation.method} ${operation.path} query.${parameter.name}`);
        for (const bad of BAD_TEXT.filter((item) => item.query !== undefined)) {
          const url = `${urlOf(operation, pathValue)}?${parameter.name}=${bad.query}`;
          const response = await world.app.inject({ method: operation.method, url, headers: { cookie } });
          const own = response.statusCode === 400 ? response.json<{ fieldErrors?: { path: string; message: string }[] }>().fieldErrors?.find((item) => item.path === `query.${parameter.name}`) : undefined;
          if (!own || !bad.message.test(own.message)) failures.push(`${operation.method} ${url} (${bad.name}) → ${response.statusCode} ${response.body.slice(0, 160)}`);
        }
      }
      if (!operation.body) continue;
      for (const field of findFields(api, operation.body, isFreeText)) {
        const where = ['body', ...field.path].join('.');
        fields.add(`${operation.method} ${operation.path} ${where}`);
        const isSecret = /password/i.test(String(field.path.at(-1)));
        for (const bad of BAD_TEXT.filter((item) => !(isSecret && item.secretsAccept))) {
          const payload = setAt(sampleValue(api, operation.body, samples) as Record<string, unknown>, field.path, bad.value);
          const response = await world.app.inject({ method: operation.method, url: urlOf(operation, pathValue), headers: { cookie }, payload });
          const own = response.statusCode === 400 ? response.json<{ fieldErrors?: { path: string; message: string }[] }>().fieldErrors?.find((item) => item.path === where) : undefined;
          if (!own || !bad.message.test(own.message)) failures.push(`${operation.method} ${operation.path} ${where} (${bad.name}) → ${response.statusCode} ${response.body.slice(0, 160)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(fields.size).toBeGreaterThan(100);
    expect(await countAuditEvents(world.database)).toBe(auditBefore);
  });

  it('answers a NUL in a search with 400, not 500', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/api/org-units/search?q=%00', headers: { cookie } });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/搜索内容含有空字符/);
  });
});

describe('line breaks', () => {
  it('are refused in a single-line field, saying so', async () => {
    const response = await world.app.inject({
      method: 'PATCH', url: `/api/org-units/${world.townshipA.villageCode}`, headers: { cookie }, payload: { name: '新\n村', version: 1 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fieldErrors).toEqual([{ path: 'body.name', message: '名称不能换行，请写在一行内' }]);
  });

  it('are kept in a multi-line field', async () => {
    const person = await addLedgerPerson(world, cookie, world.townshipA.villageCode);
    const response = await world.app.inject({
      method: 'PATCH', url: `/api/talent-ledger/${person.ledgerEntryId}`, headers: { cookie }, payload: { notes: '第一行\n第二行', version: 1 },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().notes).toBe('第一行\n第二行');
  });
});

describe('names', () => {
  it('are stored with the spaces inside removed, so the same person is found and not entered twice', async () => {
    const idNumber = makeIdNumber('511425', '19880512', 31);
    const person = await addLedgerPerson(world, cookie, world.townshipA.villageCode, { name: ' 王　小\u00A0明 ', idNumber });
    const stored = await world.database.db.selectFrom('person').select('name').where('id', '=', person.personId).executeTakeFirstOrThrow();
    expect(stored.name).toBe('王小明');
    const search = await world.app.inject({ method: 'GET', url: `/api/talent-ledger?search=${encodeURIComponent('王小明')}`, headers: { cookie } });
    expect(search.json().entries.map((entry: { person: { id: string } }) => entry.person.id)).toContain(person.personId);
  });

  it('fold the spaces of a user name and of a family member the same way', async () => {
    const user = await world.app.inject({
      method: 'POST', url: '/api/users', headers: { cookie }, payload: { username: 'spaced', displayName: '李　四', orgCode: world.countyCode, roles: [] },
    });
    expect(user.statusCode).toBe(201);
    expect(user.json().user.displayName).toBe('李四');
    const person = await addLedgerPerson(world, cookie, world.townshipA.villageCode);
    const read = await world.app.inject({ method: 'GET', url: `/api/people/${person.personId}`, headers: { cookie } });
    const patch = await world.app.inject({
      method: 'PATCH', url: `/api/people/${person.personId}`, headers: { cookie },
      payload: { name: `${person.name}`, politicalStatus: 'fullMember', education: 'juniorCollege', partyJoinDate: '2015.07', familyMembers: [{ relation: '父亲', name: '王　大明' }], version: read.json().version },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().familyMembers).toEqual([{ relation: '父亲', name: '王大明' }]);
  });

  it('refuse a name of spaces only', async () => {
    const response = await world.app.inject({
      method: 'POST', url: '/api/users', headers: { cookie }, payload: { username: 'blank', displayName: '　　', orgCode: world.countyCode, roles: [] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fieldErrors).toEqual([{ path: 'body.displayName', message: '请填写姓名' }]);
  });
});
