/**
 * The bulk paths of the roster import against a real database (in-memory PGlite, or PostgreSQL
 * with TEST_DATABASE_URL): new people written in chunks while later rows are checked, a late bad
 * row rolling back chunks already written, and re-imports that update changed people and reserves.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { subtreePrefix } from '../../src/domain/org-code.ts';
import { systemContext } from '../../src/server/access.ts';
import { makeRosterRows, rosterFile as rosterFileOf, type RosterRow } from '../helpers/roster-file.ts';
import { countAuditEvents, createTestWorld, type TestWorld, testToday } from '../helpers/test-app.ts';
import { orgUnitLookup } from '../../src/modules/org-units/org-units.service.ts';
import { ledgerBulk } from '../../src/modules/people/people.service.ts';
import { importRoster } from '../../src/modules/roster/import-roster.ts';

let world: TestWorld;
let townshipName: string;
let villageNames: string[];

const rosterFile = (rows: readonly RosterRow[]): Promise<Buffer> => rosterFileOf(townshipName, rows);
const makeRows = (count: number, offset: number): RosterRow[] => makeRosterRows(count, offset, villageNames);

async function count(table: 'person' | 'reserve' | 'talent_ledger_entry' | 'reserve_status_change'): Promise<number> {
  const row = await world.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  world = await createTestWorld();
  townshipName = world.townshipA.name;
  const villages = await orgUnitLookup.listVillagesWithin(world.database.db, subtreePrefix(world.townshipA.code, 'township'));
  const counts = new Map<string, number>();
  for (const village of villages) counts.set(village.name, (counts.get(village.name) ?? 0) + 1);
  villageNames = villages.filter((village) => counts.get(village.name) === 1).map((village) => village.name).sort();
  expect(villageNames.length).toBeGreaterThan(1);
}, 120_000);
afterAll(async () => world.close());

describe('roster import in chunks', () => {
  it('rolls back the chunks already written when a later row is bad, and reports that row', async () => {
    const rows = makeRows(1600, 0);
    rows[1500] = { ...rows[1500]!, education: '幼儿园' };
    const before = { people: await count('person'), reserves: await count('reserve'), ledger: await count('talent_ledger_entry'), audit: await countAuditEvents(world.database) };
    const writes = vi.spyOn(ledgerBulk, 'insertPeopleWithLedgerEntries');
    const attempt = importRoster(world.database.db, systemContext(testToday()), world.cipher, { orgCode: world.townshipA.code, file: await rosterFile(rows) });
    await expect(attempt).rejects.toMatchObject({ code: 'IMPORT_REJECTED', details: [{ row: 1503, column: '学历', message: expect.stringContaining('学历「幼儿园」不在字典中') }] });
    // Rows before the bad one were sent to the database inside the transaction, then rolled back.
    expect(writes).toHaveBeenCalled();
    expect(writes.mock.calls.reduce((sum, call) => sum + call[1].length, 0)).toBeGreaterThanOrEqual(250);
    writes.mockRestore();
    expect({ people: await count('person'), reserves: await count('reserve'), ledger: await count('talent_ledger_entry'), audit: await countAuditEvents(world.database) }).toEqual(before);
  }, 120_000);

  it('rolls back everything when the database refuses a chunk, and says why', async () => {
    const rows = makeRows(1600, 0);
    const before = { people: await count('person'), reserves: await count('reserve'), ledger: await count('talent_ledger_entry'), audit: await countAuditEvents(world.database) };
    const insert = ledgerBulk.insertPeopleWithLedgerEntries.bind(ledgerBulk);
    let calls = 0;
    const writes = vi.spyOn(ledgerBulk, 'insertPeopleWithLedgerEntries').mockImplementation(async (db, chunk, surveyedOn) => {
      calls += 1;
      if (calls === 2) throw new Error('chunk refused');
      return insert(db, chunk, surveyedOn);
    });
    await expect(importRoster(world.database.db, systemContext(testToday()), world.cipher, { orgCode: world.townshipA.code, file: await rosterFile(rows) })).rejects.toThrow('chunk refused');
    writes.mockRestore();
    expect(calls).toBeGreaterThanOrEqual(2);
    expect({ people: await count('person'), reserves: await count('reserve'), ledger: await count('talent_ledger_entry'), audit: await countAuditEvents(world.database) }).toEqual(before);
  }, 120_000);

  it('creates every row of a large file once, with ledger entry, reserve and first status change', async () => {
    const rows = makeRows(1600, 0);
    const before = { people: await count('person'), reserves: await count('reserve'), ledger: await count('talent_ledger_entry'), changes: await count('reserve_status_change') };
    const file = await rosterFile(rows);
    const result = await importRoster(world.database.db, systemContext(testToday()), world.cipher, { orgCode: world.townshipA.code, file });
    expect(result).toEqual({ total: 1600, created: 1600, updated: 0, unchanged: 0, updatedPeople: [], isDryRun: false });
    expect({ people: await count('person'), reserves: await count('reserve'), ledger: await count('talent_ledger_entry'), changes: await count('reserve_status_change') })
      .toEqual({ people: before.people + 1600, reserves: before.reserves + 1600, ledger: before.ledger + 1600, changes: before.changes + 1600 });
    const sample = await world.database.db.selectFrom('person').innerJoin('reserve', 'reserve.person_id', 'person.id')
      .select(['person.id as person_id', 'reserve.id as reserve_id', 'person.name', 'person.phone_cipher', 'person.education', 'reserve.mentor_name', 'reserve.mentor_post', 'reserve.status']).where('person.name', '=', '测试1234').executeTakeFirstOrThrow();
    expect(sample).toMatchObject({ education: ['juniorCollege', 'bachelor', 'seniorHigh'][1234 % 3], mentor_name: '王强', mentor_post: '镇党委副书记', status: 'admitted' });
    expect(world.cipher.decrypt(sample.phone_cipher!)).toBe(rows[1234]!.phone);
    const audit = await world.database.db.selectFrom('audit_event').select(['action', 'after']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit.action).toBe('roster.import');
    expect((audit.after as { newPeople: string[]; createdReserves: string[] }).newPeople).toHaveLength(1600);
    expect((audit.after as { newPeople: string[]; createdReserves: string[] }).createdReserves).toHaveLength(1600);
    expect((audit.after as { newPeople: string[] }).newPeople).toContain(sample.person_id);
    expect((audit.after as { createdReserves: string[] }).createdReserves).toContain(sample.reserve_id);

    expect(await importRoster(world.database.db, systemContext(testToday()), world.cipher, { orgCode: world.townshipA.code, file })).toEqual({ total: 1600, created: 0, updated: 0, unchanged: 1600, updatedPeople: [], isDryRun: false });
  }, 120_000);

  it('updates the people and reserves whose rows changed, and creates the new rows', async () => {
    const rows = makeRows(1600, 0);
    const changed = [
      { ...rows[10]!, phone: '13700000010' },
      { ...rows[11]!, education: '研究生' },
      { ...rows[12]!, mentor: '赵敏 包村干部' },
      ...rows.slice(13, 1600),
      ...makeRows(2, 5000),
    ];
    const versionOf = async (name: string) => (await world.database.db.selectFrom('person').select('version').where('name', '=', name).executeTakeFirstOrThrow()).version;
    const versionBefore = await versionOf('测试10');
    const result = await importRoster(world.database.db, systemContext(testToday()), world.cipher, { orgCode: world.townshipA.code, file: await rosterFile(changed) });
    expect(result).toEqual({
      total: 1592, created: 2, updated: 3, unchanged: 1587, isDryRun: false,
      updatedPeople: [
        { row: 3, name: '测试10', changes: [{ field: '联系电话', before: '139****0010', after: '137****0010' }] },
        { row: 4, name: '测试11', changes: [{ field: '学历', before: '高中·中专', after: '研究生' }] },
        { row: 5, name: '测试12', changes: [{ field: '结对干部姓名', before: '王强', after: '赵敏' }, { field: '结对干部职务', before: '镇党委副书记', after: '包村干部' }] },
      ],
    });
    const phone = await world.database.db.selectFrom('person').select(['phone_cipher', 'phone_masked']).where('name', '=', '测试10').executeTakeFirstOrThrow();
    expect(world.cipher.decrypt(phone.phone_cipher!)).toBe('13700000010');
    expect(phone.phone_masked).toBe('137****0010');
    expect(await versionOf('测试10')).toBe(versionBefore + 1);
    expect((await world.database.db.selectFrom('person').select('education').where('name', '=', '测试11').executeTakeFirstOrThrow()).education).toBe('postgraduate');
    const mentor = await world.database.db.selectFrom('reserve').innerJoin('person', 'person.id', 'reserve.person_id').select(['reserve.mentor_name', 'reserve.mentor_post', 'reserve.version'])
      .where('person.name', '=', '测试12').executeTakeFirstOrThrow();
    expect(mentor).toEqual({ mentor_name: '赵敏', mentor_post: '包村干部', version: 2 });
  }, 120_000);

  it('gives people first imported into the ledger their reserves when the roster follows', async () => {
    const rows = makeRows(300, 7000);
    const file = await rosterFile(rows);
    expect(await importRoster(world.database.db, systemContext(testToday()), world.cipher, { orgCode: world.townshipA.code, file, kind: 'ledger' })).toEqual({ total: 300, created: 300, updated: 0, unchanged: 0, updatedPeople: [], isDryRun: false });
    const before = { people: await count('person'), reserves: await count('reserve'), changes: await count('reserve_status_change') };
    expect(await importRoster(world.database.db, systemContext(testToday()), world.cipher, { orgCode: world.townshipA.code, file })).toEqual({ total: 300, created: 300, updated: 0, unchanged: 0, updatedPeople: [], isDryRun: false });
    expect({ people: await count('person'), reserves: await count('reserve'), changes: await count('reserve_status_change') })
      .toEqual({ people: before.people, reserves: before.reserves + 300, changes: before.changes + 300 });
    const change = await world.database.db.selectFrom('reserve_status_change').innerJoin('reserve', 'reserve.id', 'reserve_status_change.reserve_id').innerJoin('person', 'person.id', 'reserve.person_id')
      .select(['reserve_status_change.to_status', 'reserve_status_change.reason', 'reserve_status_change.actor_name']).where('person.name', '=', '测试7100').executeTakeFirstOrThrow();
    expect(change).toEqual({ to_status: 'admitted', reason: '名册导入', actor_name: 'system' });
  }, 120_000);
});

describe('what an import changes on people already stored', () => {
  it('lists a known ID number under another name as a change of 姓名, and a preview keeps nothing', async () => {
    const rows = makeRows(3, 9000);
    await importRoster(world.database.db, systemContext(testToday()), world.cipher, { orgCode: world.townshipA.code, file: await rosterFile(rows) });
    const renamed = [{ ...rows[0]!, name: '改名甲' }, rows[1]!, rows[2]!];
    const before = { people: await count('person'), audit: await countAuditEvents(world.database) };
    const preview = await importRoster(world.database.db, systemContext(testToday()), world.cipher, { orgCode: world.townshipA.code, file: await rosterFile(renamed), dryRun: true });
    expect(preview).toEqual({
      total: 3, created: 0, updated: 1, unchanged: 2, isDryRun: true,
      updatedPeople: [{ row: 3, name: '改名甲', changes: [{ field: '姓名', before: '测试9000', after: '改名甲' }] }],
    });
    expect((await world.database.db.selectFrom('person').select('name').where('name', '=', '测试9000').execute())).toHaveLength(1);
    expect({ people: await count('person'), audit: await countAuditEvents(world.database) }).toEqual(before);
    const confirmed = await importRoster(world.database.db, systemContext(testToday()), world.cipher, { orgCode: world.townshipA.code, file: await rosterFile(renamed) });
    expect(confirmed).toEqual({ ...preview, isDryRun: false });
    expect((await world.database.db.selectFrom('person').select('name').where('name', '=', '改名甲').execute())).toHaveLength(1);
  }, 120_000);

  it('refuses the whole file, and counts nothing as updated, when a person changed while the file was imported', async () => {
    const rows = makeRows(2, 9100);
    await importRoster(world.database.db, systemContext(testToday()), world.cipher, { orgCode: world.townshipA.code, file: await rosterFile(rows) });
    const changed = [{ ...rows[0]!, phone: '13600009100' }, rows[1]!];
    const before = { people: await count('person'), audit: await countAuditEvents(world.database) };
    // Someone saves the person after the import has read it, before it writes.
    const pairs = ledgerBulk.findLedgerPairs.bind(ledgerBulk);
    const spy = vi.spyOn(ledgerBulk, 'findLedgerPairs').mockImplementation(async (db, personIds) => {
      await db.updateTable('person').set((eb) => ({ version: eb('version', '+', 1) })).where('name', '=', '测试9100').execute();
      return pairs(db, personIds);
    });
    await expect(importRoster(world.database.db, systemContext(testToday()), world.cipher, { orgCode: world.townshipA.code, file: await rosterFile(changed) }))
      .rejects.toMatchObject({ code: 'VERSION_CONFLICT', message: '人员「测试9100」已被他人修改，请刷新后重新编辑（您的修改未保存）' });
    spy.mockRestore();
    expect({ people: await count('person'), audit: await countAuditEvents(world.database) }).toEqual(before);
    const phone = await world.database.db.selectFrom('person').select('phone_masked').where('name', '=', '测试9100').executeTakeFirstOrThrow();
    expect(phone.phone_masked).toBe('139****9100');
  }, 120_000);
});
