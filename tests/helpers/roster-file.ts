import ExcelJS from 'exceljs';
import { formatYearMonth } from '../../src/domain/dates.ts';
import { ROSTER_COLUMNS } from '../../src/domain/roster.ts';
import { makeIdNumber } from './test-app.ts';

export interface RosterRow { village: string; name: string; sex: '男' | '女'; birth: string; party: string; education: string; identity: string; id: string; phone: string; mentor: string; notes: string }

/** A roster file the way the template lays it out: title row, header row, then the rows. */
export async function rosterFile(townshipName: string, rows: readonly RosterRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  sheet.mergeCells(1, 1, 1, ROSTER_COLUMNS.length);
  sheet.getCell(1, 1).value = `${townshipName}村级后备干部名册`;
  sheet.addRow([...ROSTER_COLUMNS]);
  rows.forEach((row, index) => {
    sheet.addRow([index + 1, townshipName, row.village, row.name, row.sex, row.birth, row.party, '', row.education, row.identity, row.id, row.phone, row.mentor, row.notes]);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * `count` valid rows named `${namePrefix}${serial}` with distinct ID numbers (of `region`) and
 * phones, starting at serial `offset`, spread over `villageNames` (names unique in the township).
 */
export function makeRosterRows(count: number, offset: number, villageNames: readonly string[], options: { namePrefix?: string; region?: string } = {}): RosterRow[] {
  return Array.from({ length: count }, (_, index) => {
    const serial = offset + index;
    const day = new Date(Date.UTC(1970, 0, 1) + (serial % 9000) * 86_400_000).toISOString().slice(0, 10);
    const sequence = 100 + Math.floor(serial / 9000) * 2 + (serial % 2); // odd: a man
    return {
      village: villageNames[serial % villageNames.length]!,
      name: `${options.namePrefix ?? '测试'}${serial}`,
      sex: sequence % 2 === 1 ? '男' : '女',
      birth: formatYearMonth(day),
      party: serial % 3 === 0 ? '2015.07' : '',
      education: ['大专', '本科', '高中'][serial % 3]!,
      identity: ['村民小组长', '致富能手', '退役军人'][serial % 3]!,
      id: makeIdNumber(options.region ?? '511425', day.replaceAll('-', ''), sequence),
      phone: `139${String(serial).padStart(8, '0')}`,
      mentor: '王强 镇党委副书记',
      notes: '',
    };
  });
}
