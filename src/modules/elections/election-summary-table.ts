import type { Db } from '../../db/database.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import { ELECTION_STAGE_LABELS, average, type ElectionStage } from '../../domain/election-procedure.ts';
import { addElectionSummaryLines, electionSummaryVillage, type ElectionSummaryLine } from '../../domain/election-summary.ts';
import type { Context } from '../../server/access.ts';
import { AppError, notFound } from '../../server/errors.ts';
import { writeTableWorkbook, type TableCell, type TableExport } from '../../server/xlsx-table.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { electionsRepository } from './elections.repository.ts';

/**
 * The county's 换届情况汇总表 as xlsx: per township and village the stage, the seats, the people
 * elected, 一肩挑, women, those aged 35 or under, the secretary's age and education, reserves used
 * and new secretaries from the pool, with township subtotals and the total. Ages are counted on
 * the township's approval of the result (today before it), as at filing.
 */

export const SUMMARY_COLUMNS = [
  { header: '乡镇（街道）', width: 14 }, { header: '村（社区）', width: 14 }, { header: '换届阶段', width: 14 },
  { header: '村党组织委员会职数', width: 10 }, { header: '村民委员会职数', width: 10 }, { header: '当选“两委”成员（人）', width: 10 },
  { header: '书记、主任“一肩挑”', width: 10 }, { header: '女性成员（人）', width: 10 }, { header: '35 岁及以下成员（人）', width: 10 },
  { header: '书记年龄', width: 10 }, { header: '书记学历', width: 14 }, { header: '使用后备力量（人）', width: 10 }, { header: '新任书记来自后备力量', width: 12 },
] as const;

interface SummaryVillage { orgCode: string; name: string; stage: ElectionStage; secretaryAge: number | null; secretaryEducation: string | null; line: ElectionSummaryLine }

/** The table's lines: villages grouped by township with each township's subtotal, and the total. */
export async function buildElectionSummary(db: Db, ctx: Context, query: { orgCode: string; termYear?: number | undefined }) {
  ctx.access.requireAnywhere('election.read', '查看换届情况汇总表');
  ctx.access.require('election.read', [query.orgCode], { record: '组织单位', action: '查看换届情况汇总表' });
  const unit = await orgUnitLookup.findByCode(db, query.orgCode);
  if (!unit) throw notFound('组织单位');
  if (unit.level === 'village' || unit.level === 'community' || unit.level === 'villagerGroup') throw new AppError('VALIDATION_FAILED', '换届情况汇总表按县（区）或乡镇（街道）汇总，请选择县或乡镇');
  const prefix = subtreePrefix(unit.code, unit.level);
  const termYear = query.termYear ?? (await electionsRepository.findLatestTermYear(db, prefix));
  if (termYear === null) throw new AppError('CONFLICT', `${unit.name}还没有换届工作方案，没有可汇总的换届情况`);
  const townships = new Map<string, { code: string; name: string; villages: SummaryVillage[] }>();
  for (const row of await electionsRepository.listSummaryRows(db, prefix, termYear)) {
    const village = electionSummaryVillage({ elected: row.elected, on: row.approved_on ?? ctx.today, partySeats: row.party_seats, villagersSeats: row.villagers_seats, filed: row.composition });
    const entry = townships.get(row.township_code) ?? { code: row.township_code, name: row.township_name, villages: [] };
    entry.villages.push({ orgCode: row.org_code, name: row.village_name, stage: row.stage, ...village });
    townships.set(row.township_code, entry);
  }
  const grouped = [...townships.values()].map((township) => ({ ...township, total: addElectionSummaryLines(township.villages.map((village) => village.line)) }));
  return { unit, termYear, townships: grouped, total: addElectionSummaryLines(grouped.map((township) => township.total)) };
}

function villageCells(village: SummaryVillage): TableCell[] {
  const { line } = village;
  return [
    ELECTION_STAGE_LABELS[village.stage], line.partySeats || null, line.villagersSeats || null, line.elected, line.secretaryAndDirector ? '是' : '否', line.women, line.young,
    village.secretaryAge, village.secretaryEducation, line.filed ? line.reservesUsed : null, line.filed ? (line.newSecretariesFromReserves ? '是' : '否') : null,
  ];
}

function subtotalCells(line: ElectionSummaryLine): TableCell[] {
  return [
    `已备案 ${line.filed}／${line.villages}`, line.partySeats, line.villagersSeats, line.elected, line.secretaryAndDirector, line.women, line.young,
    average(line.secretaryAges) === null ? null : `平均 ${average(line.secretaryAges)}`, `大专及以上 ${line.secretariesWithCollege} 人`, line.reservesUsed, line.newSecretariesFromReserves,
  ];
}

/** The summary table as xlsx, recorded in the audit log. */
export async function exportElectionSummary(db: Db, ctx: Context, query: { orgCode: string; termYear?: number | undefined }): Promise<TableExport> {
  const table = await buildElectionSummary(db, ctx, query);
  const { unit, termYear } = table;
  await db.transaction().execute((tx) => recordAuditEvent(tx, ctx, {
    action: 'election.exportSummary', entityType: 'villageElection', entityId: unit.code, orgCode: unit.code, summary: `导出${unit.fullName}${termYear} 年村级换届情况汇总表`,
  }));
  async function* rows(): AsyncGenerator<TableCell[][]> {
    for (const township of table.townships) {
      yield township.villages.map((village) => [township.name, village.name, ...villageCells(village)]);
      if (unit.level !== 'township') yield [[township.name, '小计', ...subtotalCells(township.total)]];
    }
    yield [['合计', '', ...subtotalCells(table.total)]];
  }
  return {
    fileName: `${unit.name}${termYear}年村级换届情况汇总表_${ctx.today}.xlsx`,
    write: (output) => writeTableWorkbook(output, {
      sheetName: '换届情况汇总表',
      title: `${unit.name}${termYear}年村级“两委”换届情况汇总表`,
      subtitle: `填报单位：${unit.fullName}　　统计日期：${ctx.today}（年龄按乡镇党委审批选举结果之日计算，未审批的按统计日期；使用后备力量和新任书记来源按县委组织部备案结果）`,
      columns: SUMMARY_COLUMNS,
      rows: rows(),
    }),
  };
}
