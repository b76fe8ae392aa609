import type { Db } from '../../db/database.ts';
import type { Context } from '../../server/access.ts';
import type { SensitiveCipher } from '../../server/sensitive-cipher.ts';
import { openRoster } from './open-roster.ts';
import { noDataRows, REQUIRED_COLUMNS, type ImportKind, type ImportProblem } from './roster-sheet-checker.ts';
import { findHeader, loadWorkbook } from './spreadsheet.ts';

/** Every problem of a roster workbook, with its Excel row number and column (nothing is written). */
async function findRosterProblems(db: Db, ctx: Context, cipher: SensitiveCipher, orgCode: string, file: Buffer, kind: ImportKind): Promise<ImportProblem[]> {
  const sheet = await openRoster(db, ctx, (idNumber) => cipher.blindIndex(idNumber), orgCode, file, kind);
  const problems: ImportProblem[] = [];
  let rowCount = 0;
  for (const row of sheet.dataRows) {
    const checked = sheet.checkRow(row);
    if (!checked) continue;
    problems.push(...checked.problems);
    if (checked.parsed) rowCount += 1;
  }
  if (rowCount === 0 && problems.length === 0) problems.push(noDataRows(sheet.headerRow));
  return problems;
}

/** The uploaded workbook with each bad cell filled red and noted, and a column that lists the row's problems. */
export async function annotateRosterErrors(db: Db, ctx: Context, cipher: SensitiveCipher, input: { orgCode: string; file: Buffer; kind?: ImportKind }): Promise<Buffer> {
  const problems = await findRosterProblems(db, ctx, cipher, input.orgCode, input.file, input.kind ?? 'roster');
  return markProblemsInWorkbook(input.file, problems, REQUIRED_COLUMNS);
}

/**
 * An uploaded workbook with its problems marked: each bad cell filled red with the message as its
 * note, and a last column 错误说明 listing each row's problems. `requiredColumns` find the header.
 */
export async function markProblemsInWorkbook(file: Buffer, problems: readonly ImportProblem[], requiredColumns: readonly string[]): Promise<Buffer> {
  const workbook = await loadWorkbook(file);
  const { sheet, headerRow, columns } = findHeader(workbook, requiredColumns);
  const messageColumn = Math.max(sheet.columnCount, ...columns.values()) + 1;
  sheet.getCell(headerRow, messageColumn).value = '错误说明';
  sheet.getCell(headerRow, messageColumn).font = { bold: true, color: { argb: 'FFC00000' } };
  sheet.getColumn(messageColumn).width = 60;
  const byRow = new Map<number, ImportProblem[]>();
  for (const item of problems) byRow.set(item.row, [...(byRow.get(item.row) ?? []), item]);
  for (const [rowNumber, rowProblems] of byRow) {
    for (const item of rowProblems) {
      const column = columns.get(item.column);
      if (!column) continue;
      const cell = sheet.getCell(rowNumber, column);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
      cell.note = item.message;
    }
    const message = sheet.getCell(rowNumber, messageColumn);
    message.value = rowProblems.map((item) => `${item.column}：${item.message}`).join('；');
    message.font = { color: { argb: 'FFC00000' } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
