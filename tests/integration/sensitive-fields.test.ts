import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readableText } from '../helpers/readable-text.ts';
import { addReserve, createTestWorld, type TestWorld } from '../helpers/test-app.ts';
import { cultivationPaths } from './sensitive-paths/cultivation.ts';
import { selectionPaths } from './sensitive-paths/selection.ts';
import { managementPaths } from './sensitive-paths/management.ts';
import { electionPaths } from './sensitive-paths/elections.ts';
import { reportsPaths } from './sensitive-paths/reports.ts';

/**
 * ID numbers and phones: never in plaintext in the database, never unmasked in any response to a
 * role that may not see them, and every reveal in the audit log.
 */
let world: TestWorld;
let seeded: Awaited<ReturnType<typeof addReserve>>[];
let plaintexts: string[];
let modulePaths: Record<string, string> = {};

beforeAll(async () => {
  // The seeded selection records are dated August to October 2026: the app runs on a day after them.
  world = await createTestWorld({ today: '2026-11-20' });
  const admin = await world.login('admin');
  seeded = [
    await addReserve(world, admin, world.townshipA.villageCode, { name: '敏感甲', phone: '13711112222' }),
    await addReserve(world, admin, world.townshipA.villageCode, { name: '敏感乙', phone: '02838865432', sex: 'female' }),
  ];
  for (const filler of [selectionPaths, cultivationPaths, managementPaths, reportsPaths, electionPaths]) modulePaths = { ...modulePaths, ...(await filler(world, admin, seeded)) };
  plaintexts = seeded.flatMap((person) => [person.idNumber, person.phone.replace(/^(0\d{2})(\d{8})$/, '$1-$2'), person.phone]);
});
afterAll(async () => world.close());


describe('sensitive fields', () => {
  for (const username of ['villagea', 'auditor']) {
    it(`never reach ${username} unmasked, from any route of the API document`, async () => {
      const cookie = await world.login(username);
      const document = (await world.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
      const ids: Record<string, string> = {
        '/api/org-units/{code}': world.townshipA.villageCode,
        '/api/users/{id}': world.users.villageA.id,
        '/api/people/{id}': seeded[0]!.personId,
        '/api/reserves/{id}': seeded[0]!.reserveId,
        '/api/talent-ledger/{id}': seeded[0]!.ledgerEntryId,
        '/api/dictionary-items/{id}': '00000000-0000-4000-8000-000000000000',
        '/api/dictionaries/{dictionary}': 'sourceCategory',
        ...modulePaths,
      };
      const unfillable: string[] = [];
      const responses: { url: string; text: string }[] = [];
      for (const [path, methods] of Object.entries(document.paths)) {
        if (!('get' in methods)) continue;
        let url = path;
        for (const [prefix, value] of Object.entries(ids)) {
          const param = /\{(\w+)\}(?!.*\{)/.exec(prefix)![1]!;
          if (url.startsWith(prefix.slice(0, prefix.indexOf('{')))) url = url.replace(`{${param}}`, value);
        }
        if (url.includes('{')) {
          unfillable.push(path);
          continue;
        }
        for (const query of ['', '?pageSize=200', `?search=${seeded[0]!.idNumber}`, '?includeSensitive=true']) {
          const response = await world.app.inject({ method: 'GET', url: `${url}${query}`, headers: { cookie } });
          responses.push({ url: `${url}${query} → ${response.statusCode}`, text: await readableText(response) });
        }
      }
      expect(unfillable, 'GET routes this test cannot fill in: add their ids above').toEqual([]);
      const reveal = await world.app.inject({ method: 'POST', url: `/api/people/${seeded[0]!.personId}/reveal`, headers: { cookie } });
      expect(reveal.statusCode).toBe(403);
      responses.push({ url: 'reveal', text: reveal.body });
      expect(responses.filter((response) => response.url.includes('/api/reserves?pageSize=200 → 200')).length).toBe(1);
      const leaks = responses.filter((response) => plaintexts.some((plaintext) => response.text.includes(plaintext))).map((response) => `${response.url}: ${plaintexts.filter((plaintext) => response.text.includes(plaintext)).map((plaintext) => response.text.slice(Math.max(0, response.text.indexOf(plaintext) - 120), response.text.indexOf(plaintext) + 30)).join(' / ')}`);
      expect(leaks).toEqual([]);
    });
  }

  it('answers changes with masked values too', async () => {
    const clerk = await world.login('villagea');
    const person = (await world.app.inject({ method: 'GET', url: `/api/people/${seeded[0]!.personId}`, headers: { cookie: clerk } })).json();
    const updated = await world.app.inject({
      method: 'PATCH', url: `/api/people/${seeded[0]!.personId}`, headers: { cookie: clerk },
      payload: { name: person.name, politicalStatus: person.politicalStatus, education: 'bachelor', phone: '13711112222', version: person.version },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.body).not.toContain('13711112222');
    expect(updated.body).not.toContain(seeded[0]!.idNumber);
    expect(updated.json()).toMatchObject({ education: 'bachelor', phoneMasked: '137****2222', idNumberMasked: expect.stringContaining('********') });
    // Leaving the phone out keeps it; the form never has more than the masked number.
    const kept = await world.app.inject({
      method: 'PATCH', url: `/api/people/${seeded[0]!.personId}`, headers: { cookie: clerk },
      payload: { name: person.name, politicalStatus: person.politicalStatus, education: 'juniorCollege', version: updated.json().version },
    });
    expect(kept.json()).toMatchObject({ education: 'juniorCollege', phoneMasked: '137****2222' });
  });

  it('show in full to a role that may see them, and each reveal writes an audit event', async () => {
    const township = await world.login('towna');
    const count = async () => (await world.database.db.selectFrom('audit_event').select('id').where('action', '=', 'person.reveal').execute()).length;
    const before = await count();
    const revealed = await world.app.inject({ method: 'POST', url: `/api/people/${seeded[1]!.personId}/reveal`, headers: { cookie: township } });
    expect(revealed.json()).toEqual({ idNumber: seeded[1]!.idNumber, phone: '028-38865432' });
    expect(await count()).toBe(before + 1);
    const event = await world.database.db.selectFrom('audit_event').select(['actor_name', 'entity_id', 'summary']).where('action', '=', 'person.reveal').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(event).toEqual({ actor_name: 'towna', entity_id: seeded[1]!.personId, summary: '查看了 敏感乙 的完整身份证号码和联系电话' });
  });
  it('are stored nowhere in plaintext, after all the above: every column of every table is read raw', async () => {
    const tables = await sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(world.database.db);
    expect(tables.rows.map((row) => row.table_name)).toEqual(expect.arrayContaining(['person', 'audit_event', 'reserve', 'talent_ledger_entry']));
    for (const { table_name: table } of tables.rows) {
      const rows = await sql<{ row: string }>`SELECT t::text AS row FROM ${sql.table(table)} t`.execute(world.database.db);
      const dump = rows.rows.map((row) => row.row).join('\n');
      for (const plaintext of plaintexts) expect(dump.includes(plaintext), `${plaintext} in ${table}`).toBe(false);
    }
    const person = await world.database.db.selectFrom('person').select(['id_number_cipher', 'id_number_masked', 'phone_masked']).where('id', '=', seeded[0]!.personId).executeTakeFirstOrThrow();
    expect(person.id_number_cipher).toMatch(/^v1\./);
    expect(person.id_number_masked).toBe(`${seeded[0]!.idNumber.slice(0, 6)}********${seeded[0]!.idNumber.slice(-4)}`);
    expect(person.phone_masked).toBe('137****2222');
  });

});
