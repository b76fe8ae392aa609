import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/database.ts';
import { ageOn, formatYearMonth } from '../../domain/dates.ts';
import { maskIdNumber } from '../../domain/id-number.ts';
import { joinMentor, ROSTER_COLUMNS } from '../../domain/roster.ts';
import type { Context } from '../../server/access.ts';
import { AppError, notFound } from '../../server/errors.ts';
import type { SensitiveCipher } from '../../server/sensitive-cipher.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { loadEnabledItems } from '../dictionaries/dictionaries.service.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { peopleLists } from '../people/people.service.ts';
import { resolvePeopleQuery } from '../people/people.service.ts';
import type { TReserveFilter } from '../reserves/reserves.schemas.ts';

const COLUMN_WIDTHS = [6, 12, 14, 10, 6, 10, 10, 6, 10, 16, 22, 14, 22, 16];

export interface RosterExport {
  fileName: string;
  /** Writes the workbook to the stream; resolves with the number of rows written. */
  write(output: Writable): Promise<number>;
}

/**
 * The roster (名册) of seed 002 as xlsx, for the caller's scope narrowed by the filters: a title
 * row naming the unit and the date, then exactly the seed's columns. Rows are read in batches
 * and written by exceljs's streaming writer, so memory stays flat however many rows there are.
 * ID numbers and phones are masked unless asked for in full by a role that may see them; the
 * export itself is recorded in the audit log.
 */
export async function exportRoster(
  db: Db,
  ctx: Context,
  cipher: SensitiveCipher,
  filter: TReserveFilter & { includeSensitive?: boolean | undefined },
): Promise<RosterExport> {
  const query = await resolvePeopleQuery(db, ctx, cipher, { ...filter, status: filter.status ?? 'admitted' }, 'person.read');
  const includeSensitive = filter.includeSensitive === true;
  if (includeSensitive) {
    const revealable = ctx.access.prefixes('person.revealSensitive');
    const isAllowed = filter.orgCode
      ? ctx.access.can('person.revealSensitive', filter.orgCode)
      : query.prefixes.length > 0 && query.prefixes.every((prefix) => revealable.some((allowed) => prefix.startsWith(allowed)));
    if (!isAllowed) throw new AppError('FORBIDDEN', '您没有导出完整身份证号码和联系电话的权限，请取消「包含完整身份证号码和电话」后再导出');
  }
  const unit = filter.orgCode
    ? await orgUnitLookup.findByCode(db, filter.orgCode)
    : (await orgUnitLookup.findByCodes(db, ctx.actor ? ctx.actor.roles.map((role) => role.orgCode) : ['000000000000'])).sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code))[0];
  if (!unit) throw notFound('组织单位');
  const items = await loadEnabledItems(db);
  const label = (dictionary: keyof typeof items, code: string) => items[dictionary].find((item) => item.code === code)?.label ?? code;
  const today = ctx.today;

  await db.transaction().execute((tx) => recordAuditEvent(tx, ctx, {
    action: 'roster.export',
    entityType: 'roster',
    entityId: unit.code,
    orgCode: unit.code,
    summary: `导出${unit.fullName}后备干部名册${includeSensitive ? '（含完整身份证号码和电话）' : ''}`,
    // A search by ID number is recorded masked: the audit log holds no plaintext ID numbers.
    after: { filter: { ...filter, ...(filter.search && query.idNumberHash && { search: maskIdNumber(filter.search.toUpperCase()) }) }, includeSensitive },
  }));

  return {
    fileName: `${unit.name}村级后备干部名册_${today}.xlsx`,
    async write(output) {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
      const sheet = workbook.addWorksheet('名册', { views: [{ state: 'frozen', ySplit: 3 }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
      sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));
      sheet.mergeCells(1, 1, 1, ROSTER_COLUMNS.length);
      sheet.mergeCells(2, 1, 2, ROSTER_COLUMNS.length);
      const title = sheet.getRow(1);
      title.getCell(1).value = `${unit.name}村级后备干部名册`;
      title.getCell(1).font = { bold: true, size: 16 };
      title.getCell(1).alignment = { horizontal: 'center' };
      title.commit();
      const subtitle = sheet.getRow(2);
      subtitle.getCell(1).value = `单位：${unit.fullName}　　年龄计算日期：${query.referenceDate}　　导出日期：${today}`;
      subtitle.commit();
      const header = sheet.getRow(3);
      ROSTER_COLUMNS.forEach((column, index) => {
        const cell = header.getCell(index + 1);
        cell.value = column;
        cell.font = { bold: true };
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
      });
      header.commit();
      let count = 0;
      for await (const batch of peopleLists.streamReserves(db, query)) {
        for (const row of batch) {
          count += 1;
          sheet.addRow([
            count,
            row.township_name,
            row.village_name,
            row.name,
            row.gender === 'male' ? '男' : row.gender === 'female' ? '女' : row.gender,
            formatYearMonth(row.birth_date),
            row.party_join_date ? formatYearMonth(row.party_join_date) : '',
            ageOn(row.birth_date, query.referenceDate),
            label('education', row.education),
            label('sourceCategory', row.source_category),
            includeSensitive ? cipher.decrypt(row.id_number_cipher) : row.id_number_masked,
            includeSensitive ? (row.phone_cipher ? cipher.decrypt(row.phone_cipher) : '') : (row.phone_masked ?? ''),
            joinMentor(row.mentor_name, row.mentor_post),
            row.notes ?? '',
          ]).commit();
        }
      }
      sheet.commit();
      await workbook.commit();
      return count;
    },
  };
}

/** Runs an export into a stream that can be sent as a response body. */
export function streamRosterExport(rosterExport: RosterExport, onError: (error: unknown) => void): PassThrough {
  const output = new PassThrough();
  rosterExport.write(output).catch((error: unknown) => {
    onError(error);
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return output;
}
