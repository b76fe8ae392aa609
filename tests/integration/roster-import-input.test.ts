import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROSTER_COLUMNS } from '../../src/domain/roster.ts';
import { countAuditEvents, createTestWorld, makeIdNumber, type TestWorld } from '../helpers/test-app.ts';

/**
 * What officers type into roster cells: names with full-width spaces, and year-month numbers such
 * as 1986.1 that a spreadsheet keeps for both 1986.1 and 1986.10.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let world: TestWorld;
let cookie: string;
let villageName: string;
beforeAll(async () => {
  world = await createTestWorld();
  cookie = await world.login('admin');
  const village = await world.database.db.selectFrom('org_unit').select('name').where('code', '=', world.townshipA.villageCode).executeTakeFirstOrThrow();
  villageName = village.name;
});
afterAll(async () => world.close());

interface Row { name: string; birth: string | number; party: string | number; id: string }

/** A roster with the template's header; cells given as numbers stay numbers, as Excel keeps them. */
async function rosterFile(rows: readonly Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  sheet.addRow([...ROSTER_COLUMNS]);
  rows.forEach((row, index) => {
    sheet.addRow([index + 1, world.townshipA.name, villageName, row.name, '', row.birth, row.party, '', '大专', '致富能手', row.id, '', '', '']);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function importFile(file: Buffer) {
  return world.app.inject({ method: 'POST', url: `/api/roster/import?orgCode=${world.townshipA.code}`, headers: { cookie, 'content-type': XLSX }, payload: file });
}

describe('roster cells as officers type them', () => {
  it('stores a name typed with a full-width space without it', async () => {
    const id = makeIdNumber('511425', '19860315', 41);
    const response = await importFile(await rosterFile([{ name: '赵　六', birth: '1986.03', party: '', id }]));
    expect(response.statusCode).toBe(200);
    const stored = await world.database.db.selectFrom('person').select('name').where('id_number_masked', '=', `${id.slice(0, 6)}********${id.slice(-4)}`).executeTakeFirstOrThrow();
    expect(stored.name).toBe('赵六');
  });

  it('reads a birth cell 1986.1 by the month of the ID number: October or January', async () => {
    const october = makeIdNumber('511425', '19861012', 43);
    const january = makeIdNumber('511425', '19860112', 45);
    const response = await importFile(await rosterFile([
      { name: '十月生', birth: 1986.1, party: '', id: october },
      { name: '一月生', birth: 1986.1, party: '', id: january },
    ]));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ created: 2 });
  });

  it('refuses a party-join cell 2010.1, asking for text, and imports nothing', async () => {
    const people = await world.database.db.selectFrom('person').select('id').execute();
    const audit = await countAuditEvents(world.database);
    const response = await importFile(await rosterFile([{ name: '党员甲', birth: '1990.05', party: 2010.1, id: makeIdNumber('511425', '19900515', 47) }]));
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([{ row: 2, column: '入党时间', message: '入党时间「2010.1」是数字，分不清是 2010 年 1 月还是 10 月：请将该列设为「文本」格式，写作 2010.01 或 2010.10' }]);
    expect(await world.database.db.selectFrom('person').select('id').execute()).toEqual(people);
    expect(await countAuditEvents(world.database)).toBe(audit);
  });

  it('refuses a birth cell 1986.1 when the ID number is born in another month', async () => {
    const response = await importFile(await rosterFile([{ name: '三月生', birth: 1986.1, party: '', id: makeIdNumber('511425', '19860312', 49) }]));
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toContainEqual({ row: 2, column: '出生年月', message: expect.stringContaining('分不清是 1986 年 1 月还是 10 月') });
  });
});
