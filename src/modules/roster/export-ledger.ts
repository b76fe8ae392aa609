import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { ageOn, formatYearMonth } from '../../domain/dates.ts';
import type { Context } from '../../server/access.ts';
import type { SensitiveCipher } from '../../server/sensitive-cipher.ts';
import { writeTableWorkbook, type TableExport } from '../../server/xlsx-table.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { ZPeopleFilter, type TPeopleFilter } from '../people/people.schemas.ts';
import { peopleLists } from '../people/people.service.ts';
import { preparePeopleExport } from './roster-export.service.ts';

export const ZLedgerExportQuery = ZPeopleFilter.extend({
  includeSensitive: z.enum(['true', 'false']).transform((value) => value === 'true').optional().describe('导出完整身份证号码和电话（须有权限）'),
}).strict();

/** The columns of the roster import template that a ledger import reads, so that an exported ledger can be edited and imported again. */
const LEDGER_COLUMNS = [
  { header: '序号', width: 6 }, { header: '乡镇', width: 12 }, { header: '村(社区)', width: 14 }, { header: '姓名', width: 10 },
  { header: '性别', width: 6 }, { header: '出生年月', width: 10 }, { header: '入党时间', width: 10 }, { header: '年龄', width: 6 },
  { header: '学历', width: 10 }, { header: '政治面貌', width: 12 }, { header: '身份', width: 16 }, { header: '身份证号码', width: 22 },
  { header: '联系电话', width: 14 }, { header: '是否在外', width: 8 }, { header: '摸排日期', width: 12 }, { header: '备注', width: 20 },
] as const;

/**
 * The talent ledger (人才台账, 一村一册) of the caller's scope narrowed by the filters, as xlsx in
 * the columns of the import template. Masked unless full numbers are asked for by a role that may
 * see them; the export is recorded in the audit log.
 */
export async function exportLedger(
  db: Db,
  ctx: Context,
  cipher: SensitiveCipher,
  filter: TPeopleFilter & { includeSensitive?: boolean | undefined },
): Promise<TableExport> {
  const { query, includeSensitive, unit, label, sensitive, auditedFilter } = await preparePeopleExport(db, ctx, cipher, filter, undefined);
  await db.transaction().execute((tx) => recordAuditEvent(tx, ctx, {
    action: 'talentLedger.export',
    entityType: 'talentLedgerEntry',
    entityId: unit.code,
    orgCode: unit.code,
    summary: `导出${unit.fullName}人才台账${includeSensitive ? '（含完整身份证号码和电话）' : ''}`,
    after: { filter: auditedFilter, includeSensitive },
  }));

  async function* rows() {
    for await (const batch of peopleLists.streamLedger(db, query)) {
      yield batch.map((row) => [
        row.township_name,
        row.village_name,
        row.name,
        label('gender', row.gender),
        formatYearMonth(row.birth_date),
        row.party_join_date ? formatYearMonth(row.party_join_date) : '',
        ageOn(row.birth_date, query.referenceDate),
        label('education', row.education),
        label('politicalStatus', row.political_status),
        label('sourceCategory', row.source_category),
        ...sensitive(row),
        row.is_away ? '是' : '否',
        row.surveyed_on,
        row.notes ?? '',
      ]);
    }
  }

  return {
    fileName: `${unit.name}人才资源台账_${ctx.today}.xlsx`,
    write: (output) => writeTableWorkbook(output, {
      sheetName: '人才台账',
      title: `${unit.name}人才资源台账`,
      subtitle: `单位：${unit.fullName}　　年龄计算日期：${query.referenceDate}　　导出日期：${ctx.today}${includeSensitive ? '' : '　　身份证号码和电话已脱敏'}`,
      columns: LEDGER_COLUMNS,
      rows: rows(),
      isNumbered: true,
    }),
  };
}
