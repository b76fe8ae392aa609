import type { Db } from '../../db/database.ts';
import { ageOn, formatYearMonth } from '../../domain/dates.ts';
import { maskIdNumber } from '../../domain/id-number.ts';
import { joinMentor, ROSTER_COLUMNS } from '../../domain/roster.ts';
import type { Context } from '../../server/access.ts';
import { AppError, notFound } from '../../server/errors.ts';
import type { SensitiveCipher } from '../../server/sensitive-cipher.ts';
import { writeTableWorkbook, type TableExport } from '../../server/xlsx-table.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { loadEnabledItems } from '../dictionaries/dictionaries.service.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { peopleLists } from '../people/people.service.ts';
import { resolvePeopleQuery } from '../people/people.service.ts';
import type { TReserveFilter } from '../reserves/reserves.schemas.ts';

const COLUMN_WIDTHS = [6, 12, 14, 10, 6, 10, 10, 6, 10, 16, 22, 14, 22, 16];

export type RosterExport = TableExport;

type ExportFilter = TReserveFilter & { includeSensitive?: boolean | undefined };

/**
 * The unit an export is titled after and recorded against: the one asked for, else the broadest
 * unit of the caller's roles. The caller's access to `orgCode` is checked by the export's own query.
 */
export async function findExportUnit(db: Db, ctx: Context, orgCode: string | undefined) {
  const unit = orgCode
    ? await orgUnitLookup.findByCode(db, orgCode)
    : (await orgUnitLookup.findByCodes(db, ctx.actor ? ctx.actor.roles.map((role) => role.orgCode) : ['000000000000'])).sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code))[0];
  if (!unit) throw notFound('组织单位');
  return unit;
}

/**
 * What every export of people (名册, 台账) settles before writing: the query in the caller's
 * scope, whether full ID numbers and phones may be written (refused when asked for by a role that
 * may not see them), the unit named in the title, and the dictionary labels.
 */
export async function preparePeopleExport(db: Db, ctx: Context, cipher: SensitiveCipher, filter: ExportFilter, status: string | undefined) {
  const query = await resolvePeopleQuery(db, ctx, cipher, { ...filter, status }, 'person.read');
  const includeSensitive = filter.includeSensitive === true;
  if (includeSensitive) {
    const revealable = ctx.access.prefixes('person.revealSensitive');
    const isAllowed = filter.orgCode
      ? ctx.access.can('person.revealSensitive', filter.orgCode)
      : query.prefixes.length > 0 && query.prefixes.every((prefix) => revealable.some((allowed) => prefix.startsWith(allowed)));
    if (!isAllowed) throw new AppError('FORBIDDEN', '您没有导出完整身份证号码和联系电话的权限，请取消「包含完整身份证号码和电话」后再导出');
  }
  const unit = await findExportUnit(db, ctx, filter.orgCode);
  const items = await loadEnabledItems(db);
  const label = (dictionary: keyof typeof items, code: string) => items[dictionary].find((item) => item.code === code)?.label ?? code;
  /** ID number and phone as the export writes them: in full only when asked for and allowed. */
  const sensitive = (row: { id_number_cipher: string; id_number_masked: string; phone_cipher: string | null; phone_masked: string | null }) => (includeSensitive
    ? [cipher.decrypt(row.id_number_cipher), row.phone_cipher ? cipher.decrypt(row.phone_cipher) : '']
    : [row.id_number_masked, row.phone_masked ?? '']);
  // A search by ID number is recorded masked: the audit log holds no plaintext ID numbers.
  const auditedFilter = { ...filter, ...(filter.search && query.idNumberHash && { search: maskIdNumber(filter.search.toUpperCase()) }) };
  return { query, includeSensitive, unit, label, sensitive, auditedFilter };
}

/** The columns of seed 002's roster with their widths. */
export const ROSTER_TABLE_COLUMNS = ROSTER_COLUMNS.map((header, index) => ({ header, width: COLUMN_WIDTHS[index] ?? 12 }));

/**
 * The roster (名册) of seed 002 as xlsx, for the caller's scope narrowed by the filters: a title
 * row naming the unit and the date, then exactly the seed's columns. Rows are read in batches
 * and written by exceljs's streaming writer, so memory stays flat however many rows there are.
 * ID numbers and phones are masked unless asked for in full by a role that may see them; the
 * export itself is recorded in the audit log.
 */
export async function exportRoster(db: Db, ctx: Context, cipher: SensitiveCipher, filter: ExportFilter): Promise<RosterExport> {
  const { query, includeSensitive, unit, label, sensitive, auditedFilter } = await preparePeopleExport(db, ctx, cipher, filter, filter.status ?? 'admitted');
  const today = ctx.today;

  await db.transaction().execute((tx) => recordAuditEvent(tx, ctx, {
    action: 'roster.export',
    entityType: 'roster',
    entityId: unit.code,
    orgCode: unit.code,
    summary: `导出${unit.fullName}后备干部名册${includeSensitive ? '（含完整身份证号码和电话）' : ''}`,
    after: { filter: auditedFilter, includeSensitive },
  }));

  async function* rows() {
    for await (const batch of peopleLists.streamReserves(db, query)) {
      yield batch.map((row) => [
        row.township_name,
        row.village_name,
        row.name,
        row.gender === 'male' ? '男' : row.gender === 'female' ? '女' : row.gender,
        formatYearMonth(row.birth_date),
        row.party_join_date ? formatYearMonth(row.party_join_date) : '',
        ageOn(row.birth_date, query.referenceDate),
        label('education', row.education),
        label('sourceCategory', row.source_category),
        ...sensitive(row),
        joinMentor(row.mentor_name, row.mentor_post),
        row.notes ?? '',
      ]);
    }
  }

  return {
    fileName: `${unit.name}村级后备干部名册_${today}.xlsx`,
    write: (output) => writeTableWorkbook(output, {
      sheetName: '名册',
      title: `${unit.name}村级后备干部名册`,
      subtitle: `单位：${unit.fullName}　　年龄计算日期：${query.referenceDate}　　导出日期：${today}`,
      columns: ROSTER_TABLE_COLUMNS,
      rows: rows(),
      isNumbered: true,
    }),
  };
}
