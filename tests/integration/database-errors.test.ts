import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromDatabaseError } from '../../src/server/errors.ts';
import { createTestWorld, type TestWorld } from '../helpers/test-app.ts';

/**
 * PostgreSQL's refusals become the application's errors (on PGlite and on a server alike): bad
 * dates, values out of range and bad characters 400, duplicates 409, a missing reference 400 and a
 * reference still in use 409 — each with a Chinese message, never a 500.
 */

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
  await sql`CREATE TABLE probe_parent (id int PRIMARY KEY, amount int CHECK (amount > 0), label varchar(3) NOT NULL DEFAULT 'a')`.execute(world.database.db);
  await sql`CREATE TABLE probe_child (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES probe_parent (id))`.execute(world.database.db);
  await sql`INSERT INTO probe_parent (id, amount) VALUES (1, 1)`.execute(world.database.db);
  await sql`INSERT INTO probe_child (id, parent_id) VALUES (1, 1)`.execute(world.database.db);
});
afterAll(async () => world.close());

const CHINESE = /[\u4e00-\u9fa5]/;

async function refusalOf(query: RawBuilder<unknown>): Promise<unknown> {
  try {
    await query.execute(world.database.db);
  } catch (error) {
    return error;
  }
  throw new Error('the database accepted the statement');
}

describe('database errors answer with the error table', () => {
  const cases: { name: string; query: () => RawBuilder<unknown>; status: number; message: RegExp }[] = [
    { name: 'an impossible date', query: () => sql`SELECT ${'2026-02-30'}::date`, status: 400, message: /日期不存在/ },
    { name: 'a date in the wrong form', query: () => sql`SELECT ${'15/03/2026'}::date`, status: 400, message: /日期/ },
    { name: 'an impossible time stamp', query: () => sql`SELECT ${'2026-02-30 10:00'}::timestamptz`, status: 400, message: /日期/ },
    { name: 'a malformed UUID', query: () => sql`SELECT ${'not-a-uuid'}::uuid`, status: 400, message: /格式不正确/ },
    { name: 'a number out of range', query: () => sql`SELECT ${'99999999999'}::int`, status: 400, message: /数值超出/ },
    { name: 'a string too long', query: () => sql`INSERT INTO probe_parent (id, amount, label) VALUES (2, 1, ${'长长长长'})`, status: 400, message: /过长/ },
    { name: 'a unique violation', query: () => sql`INSERT INTO probe_parent (id, amount) VALUES (1, 1)`, status: 409, message: /已存在/ },
    { name: 'a check violation', query: () => sql`INSERT INTO probe_parent (id, amount) VALUES (3, -1)`, status: 400, message: /不符合规则/ },
    { name: 'a not-null violation', query: () => sql`INSERT INTO probe_child (id, parent_id) VALUES (5, NULL)`, status: 400, message: /必填/ },
    { name: 'a reference to a missing record', query: () => sql`INSERT INTO probe_child (id, parent_id) VALUES (2, 99)`, status: 400, message: /所引用的记录不存在/ },
    { name: 'the removal of a record still referenced', query: () => sql`DELETE FROM probe_parent WHERE id = 1`, status: 409, message: /仍被其他记录引用/ },
    { name: 'a lone surrogate in JSON', query: () => sql`SELECT ${'{"a": "\\ud800"}'}::jsonb`, status: 400, message: /字符|格式/ },
  ];
  for (const testCase of cases) {
    it(`${testCase.name}: ${testCase.status}`, async () => {
      const mapped = fromDatabaseError(await refusalOf(testCase.query()));
      expect(mapped).not.toBeNull();
      expect(mapped!.status).toBe(testCase.status);
      expect(mapped!.message).toMatch(CHINESE);
      expect(mapped!.message).toMatch(testCase.message);
    });
  }

  it('leaves a defect in a query a 500', async () => {
    expect(fromDatabaseError(await refusalOf(sql`SELECT no_such_column FROM probe_parent`))).toBeNull();
    expect(fromDatabaseError(new Error('not from the database'))).toBeNull();
  });

  it('answers concurrent creations of one username with one 201 and 409s, never a 500', async () => {
    const cookie = await world.login('admin');
    const responses = await Promise.all(Array.from({ length: 8 }, () => world.app.inject({
      method: 'POST', url: '/api/users', headers: { cookie },
      payload: { username: 'twin', displayName: '同名', orgCode: world.countyCode, roles: [] },
    })));
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const response of responses.filter((item) => item.statusCode === 409)) expect(response.json().message).toMatch(CHINESE);
  });
});
