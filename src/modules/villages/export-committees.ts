import type { Db } from '../../db/database.ts';
import { formatYearMonth } from '../../domain/dates.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import type { Context } from '../../server/access.ts';
import { AppError, notFound } from '../../server/errors.ts';
import type { SensitiveCipher } from '../../server/sensitive-cipher.ts';
import { writeTableWorkbook, type TableExport } from '../../server/xlsx-table.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { loadEnabledItems } from '../dictionaries/dictionaries.service.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { COMMITTEE_SHEET_COLUMNS, COMMITTEE_SHEET_LABELS, postWord } from './committee-sheet-checker.ts';
import { villagesRepository } from './villages.repository.ts';

const WIDTHS: Record<string, number> = { 序号: 6, 乡镇: 12, '村(社区)': 14, 姓名: 10, 身份证号码: 22, 性别: 6, 出生年月: 10, 学历: 10, 政治面貌: 12, 入党时间: 10, 联系电话: 14, 组织: 16, 职务: 8, 届别: 8, 任职日期: 12 };

/**
 * The sitting members of the 两委 and 村务监督委员会 of a unit's villages as xlsx, in the columns
 * of the import template, so that the file can be edited and imported again. ID numbers and
 * phones are masked unless asked for in full by a role that may see them (refused otherwise);
 * the export is recorded in the audit log.
 */
export async function exportCommittees(db: Db, ctx: Context, cipher: SensitiveCipher, input: { orgCode: string; includeSensitive?: boolean | undefined }): Promise<TableExport> {
  ctx.access.require('person.read', [input.orgCode], { record: '组织单位', action: '导出“两委”名册' });
  const includeSensitive = input.includeSensitive === true;
  if (includeSensitive && !ctx.access.can('person.revealSensitive', input.orgCode)) {
    throw new AppError('FORBIDDEN', '您没有导出完整身份证号码和联系电话的权限，请取消「包含完整身份证号码和电话」后再导出');
  }
  const unit = await orgUnitLookup.findByCode(db, input.orgCode);
  if (!unit) throw notFound('组织单位');
  const items = await loadEnabledItems(db);
  const label = (dictionary: keyof typeof items, code: string) => items[dictionary].find((item) => item.code === code)?.label ?? code;
  const rows = await villagesRepository.listSittingForExport(db, [subtreePrefix(unit.code, unit.level)]);
  await db.transaction().execute((tx) => recordAuditEvent(tx, ctx, {
    action: 'committeeRoster.export', entityType: 'committeeRoster', entityId: unit.code, orgCode: unit.code,
    summary: `导出${unit.fullName}“两委”名册${includeSensitive ? '（含完整身份证号码和电话）' : ''}`,
    after: { orgCode: unit.code, includeSensitive, total: rows.length },
  }));

  async function* batches() {
    yield rows.map((row) => [
      row.township_name, row.village_name, row.name,
      includeSensitive ? cipher.decrypt(row.id_number_cipher) : row.id_number_masked,
      label('gender', row.gender), formatYearMonth(row.birth_date), label('education', row.education), label('politicalStatus', row.political_status),
      row.party_join_date ? formatYearMonth(row.party_join_date) : '',
      includeSensitive ? (row.phone_cipher ? cipher.decrypt(row.phone_cipher) : '') : row.phone_masked ?? '',
      COMMITTEE_SHEET_LABELS[row.committee], postWord(row.post), row.term_year, row.started_on,
    ]);
  }

  return {
    fileName: `${unit.name}村“两委”成员名册_${ctx.today}.xlsx`,
    write: (output) => writeTableWorkbook(output, {
      sheetName: '两委成员',
      title: `${unit.name}村（社区）“两委”及村务监督委员会成员名册`,
      subtitle: `单位：${unit.fullName}　　在任成员　　导出日期：${ctx.today}${includeSensitive ? '' : '　　身份证号码和电话已脱敏'}`,
      columns: COMMITTEE_SHEET_COLUMNS.map((header) => ({ header, width: WIDTHS[header] ?? 12 })),
      rows: batches(),
      isNumbered: true,
    }),
  };
}
