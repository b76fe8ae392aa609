import type { Db } from '../../db/database.ts';
import { percentage } from '../../domain/coverage.ts';
import type { Context } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import type { TableCell, TableExport } from '../../server/xlsx-table.ts';
import { writeTableWorkbook } from '../../server/xlsx-table.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { requireUnit, structureOn } from '../dashboard/dashboard.service.ts';

/**
 * Structure statistics (SPEC section 6) as xlsx: the groupings of the dashboard's charts — age
 * bands, education, gender, source category, Party status, readiness — of the admitted reserves,
 * beside the sitting secretaries, for any unit. Without a date, or with today's, they are counted
 * now; an earlier date reads the unit's latest snapshot on or before it (snapshots are kept down
 * to the townships), and the sheet names the snapshot's date.
 */
export async function exportStructureStatistics(db: Db, ctx: Context, orgCode: string, onDate: string | undefined): Promise<TableExport> {
  const unit = await requireUnit(db, ctx, orgCode, '导出结构统计');
  const date = onDate ?? ctx.today;
  if (date > ctx.today) throw new AppError('VALIDATION_FAILED', `统计日期 ${date} 晚于今天（${ctx.today}），请选择今天或以前的日期`);
  const structure = await structureOn(db, ctx, unit, date);
  if (!structure) {
    throw new AppError('NOT_FOUND', `${unit.name}在 ${date} 及以前没有保存结构统计的统计快照（快照每月 1 日生成，保存到乡镇一级）；请选择更晚的日期，或不填日期导出今天的统计`);
  }
  await db.transaction().execute((tx) => recordAuditEvent(tx, ctx, {
    action: 'statistics.export', entityType: 'structureStatistics', entityId: `${unit.code}@${structure.takenOn}`, orgCode: unit.code,
    summary: `导出${unit.fullName}${structure.takenOn}的结构统计`,
  }));
  const secretaries = new Map(structure.secretaries.map((breakdown) => [breakdown.breakdown, breakdown]));
  async function* rows(): AsyncGenerator<TableCell[][]> {
    for (const breakdown of structure!.reserves) {
      const sitting = secretaries.get(breakdown.breakdown);
      const reserveTotal = breakdown.items.reduce((sum, item) => sum + item.count, 0);
      const secretaryTotal = sitting ? sitting.items.reduce((sum, item) => sum + item.count, 0) : null;
      const lines: TableCell[][] = breakdown.items.map((item) => {
        const secretaryCount = sitting ? (sitting.items.find((entry) => entry.code === item.code)?.count ?? 0) : null;
        return [breakdown.label, item.label, item.count, percentage(item.count, reserveTotal), secretaryCount, secretaryCount === null || secretaryTotal === null ? null : percentage(secretaryCount, secretaryTotal)];
      });
      lines.push([breakdown.label, '合计', reserveTotal, reserveTotal === 0 ? null : 100, secretaryTotal, secretaryTotal ? 100 : null]);
      yield lines;
    }
  }
  const source = structure.isLive ? `统计日期：${structure.takenOn}（当日实时统计）` : `统计日期：${date}（取自 ${structure.takenOn} 的统计快照）`;
  return {
    fileName: `${unit.name}后备力量结构统计_${structure.takenOn}.xlsx`,
    write: (output) => writeTableWorkbook(output, {
      sheetName: '结构统计',
      title: `${unit.name}村级后备力量与村党组织书记结构统计`,
      subtitle: `单位：${unit.fullName}　　${source}；年龄按统计日期计算；后备力量为在库人员，书记为在任村党组织书记；来源和成熟度只统计后备力量`,
      columns: [
        { header: '分组', width: 12 }, { header: '项目', width: 26 },
        { header: '后备力量（人）', width: 14 }, { header: '占后备力量（%）', width: 14 },
        { header: '在任书记（人）', width: 14 }, { header: '占在任书记（%）', width: 14 },
      ],
      rows: rows(),
    }),
  };
}
