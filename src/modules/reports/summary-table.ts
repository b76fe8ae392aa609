import { futureDateProblem } from '../../domain/dates.ts';
import type { Db } from '../../db/database.ts';
import { updateAtVersion } from '../../db/optimistic-lock.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import { addSummaryLines, SUMMARY_COUNT_LABELS, SUMMARY_COUNTS, type SummaryLine } from '../../domain/statistics.ts';
import { actorName, type Context } from '../../server/access.ts';
import { AppError, refuseProblem, versionConflict } from '../../server/errors.ts';
import { writeTableWorkbook, type TableCell, type TableExport } from '../../server/xlsx-table.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { requireUnit } from '../dashboard/dashboard.service.ts';
import { loadEnabledItems } from '../dictionaries/dictionaries.service.ts';
import { orgUnitLookup, type OrgUnitRecord } from '../org-units/org-units.service.ts';
import { summaryTableRepository, type SummaryVillageRow } from './summary-table.repository.ts';

/**
 * The 汇总表 (seed 000: 镇填报后备力量名单汇总表 … 报备案): per village of a township or county the
 * reserves, women, the three age bands, 大专+, Party members, the source categories, mentors and
 * training this year, with township subtotals and the total; and its filing with the higher
 * organisation department (a record with the totals as filed, audited).
 */

function lineOf(row: SummaryVillageRow): SummaryLine {
  return {
    counts: {
      reserves: row.reserves, women: row.women, upTo35: row.up_to35, from36To45: row.from36_to45, over45: row.over45, college: row.college,
      partyMembers: row.party_members, withMentor: row.with_mentor, trainedThisYear: row.trained_this_year,
    },
    bySource: row.by_source ?? {},
  };
}

function requireFilingUnit(unit: OrgUnitRecord): void {
  if (unit.level !== 'township' && unit.level !== 'county') throw new AppError('VALIDATION_FAILED', '汇总表按乡镇（街道）或县（区）填报，请选择乡镇或县');
}

/** The table's lines: villages grouped by township with each township's subtotal, and the total. */
export async function buildSummaryTable(db: Db, ctx: Context, orgCode: string) {
  const unit = await requireUnit(db, ctx, orgCode, '查看汇总表');
  requireFilingUnit(unit);
  const rows = await summaryTableRepository.countVillages(db, subtreePrefix(unit.code, unit.level), ctx.today);
  const townships = new Map<string, { code: string; name: string; villages: { orgCode: string; name: string; line: SummaryLine }[] }>();
  for (const row of rows) {
    const entry = townships.get(row.township_code) ?? { code: row.township_code, name: row.township_name, villages: [] };
    entry.villages.push({ orgCode: row.org_code, name: row.name, line: lineOf(row) });
    townships.set(row.township_code, entry);
  }
  const grouped = [...townships.values()].map((township) => ({ ...township, total: addSummaryLines(township.villages.map((village) => village.line)) }));
  return { unit, townships: grouped, total: addSummaryLines(grouped.map((township) => township.total)) };
}

/** The 汇总表 as xlsx, recorded in the audit log. */
export async function exportSummaryTable(db: Db, ctx: Context, orgCode: string): Promise<TableExport> {
  const table = await buildSummaryTable(db, ctx, orgCode);
  const { unit } = table;
  const sources = (await loadEnabledItems(db)).sourceCategory;
  const known = new Set(sources.map((item) => item.code));
  const others = Object.keys(table.total.bySource).filter((code) => !known.has(code));
  const sourceColumns = [...sources, ...others.map((code) => ({ code, label: code }))];
  await db.transaction().execute((tx) => recordAuditEvent(tx, ctx, {
    action: 'summaryTable.export', entityType: 'summaryTable', entityId: unit.code, orgCode: unit.code, summary: `导出${unit.fullName}后备力量名单汇总表`,
  }));
  const cells = (line: SummaryLine): TableCell[] => [...SUMMARY_COUNTS.map((key) => line.counts[key]), ...sourceColumns.map((source) => line.bySource[source.code] ?? 0)];
  const isCounty = unit.level === 'county';
  async function* rows(): AsyncGenerator<TableCell[][]> {
    for (const township of table.townships) {
      yield township.villages.map((village) => [township.name, village.name, ...cells(village.line)]);
      if (isCounty) yield [[township.name, '小计', ...cells(township.total)]];
    }
    yield [['合计', '', ...cells(table.total)]];
  }
  return {
    fileName: `${unit.name}后备力量名单汇总表_${ctx.today}.xlsx`,
    write: (output) => writeTableWorkbook(output, {
      sheetName: '汇总表',
      title: `${unit.name}村级党组织书记后备力量名单汇总表`,
      subtitle: `填报单位：${unit.fullName}　　统计日期：${ctx.today}（年龄按统计日期计算，培训为 ${ctx.today.slice(0, 4)} 年度）`,
      columns: [
        { header: '乡镇（街道）', width: 14 }, { header: '村（社区）', width: 14 },
        ...SUMMARY_COUNTS.map((key) => ({ header: SUMMARY_COUNT_LABELS[key], width: 10 })),
        ...sourceColumns.map((source) => ({ header: `来源：${source.label}`, width: 12 })),
      ],
      rows: rows(),
    }),
  };
}

function presentFiling(row: { id: string; org_code: string; year: number; filed_on: string; actor_name: string; totals: Record<string, number>; version: number }) {
  return { id: row.id, orgCode: row.org_code, year: row.year, filedOn: row.filed_on, filedBy: row.actor_name, totals: row.totals, version: row.version };
}

/**
 * Files the unit's 汇总表 of the year with the totals of today's table. Filing again the same year
 * replaces the totals (at the filing's version). Audited in the same transaction.
 */
export async function fileSummaryTable(db: Db, ctx: Context, orgCode: string, input: { year: number; filedOn: string; version: number | null }) {
  ctx.access.require('report.file', [orgCode], { record: '组织单位', action: '报备汇总表' });
  const table = await buildSummaryTable(db, ctx, orgCode);
  const { unit } = table;
  refuseProblem(futureDateProblem('报备日期', input.filedOn, ctx.today));
  const totals = { ...table.total.counts, villages: table.townships.reduce((sum, township) => sum + township.villages.length, 0) };
  return db.transaction().execute(async (tx) => {
    const existing = await summaryTableRepository.findFiling(tx, unit.code, input.year);
    let saved;
    if (existing) {
      if (input.version === null) throw new AppError('CONFLICT', `${unit.name}${input.year} 年度汇总表已于 ${existing.filed_on} 报备，如需重新报备请刷新后再提交`);
      const changes = { filed_on: input.filedOn, actor_name: actorName(ctx), totals: JSON.stringify(totals), updated_at: new Date() };
      if (!(await updateAtVersion(tx, 'summary_table_filing', { id: existing.id }, input.version, changes))) throw versionConflict('汇总表报备');
      saved = (await summaryTableRepository.findFiling(tx, unit.code, input.year))!;
    } else {
      saved = await summaryTableRepository.insertFiling(tx, { orgCode: unit.code, year: input.year, filedOn: input.filedOn, actorName: actorName(ctx), totals });
    }
    await recordAuditEvent(tx, ctx, {
      action: 'summaryTable.file', entityType: 'summaryTable', entityId: saved.id, orgCode: unit.code,
      summary: `${unit.fullName}${input.year} 年度后备力量名单汇总表${existing ? '重新' : ''}报备（后备力量 ${totals.reserves} 名）`,
      before: existing ? presentFiling(existing) : undefined, after: presentFiling(saved),
    });
    return presentFiling(saved);
  });
}

/** Which townships (and the county) of the unit have filed the year's 汇总表. */
export async function listSummaryFilings(db: Db, ctx: Context, orgCode: string, year: number) {
  const unit = await requireUnit(db, ctx, orgCode, '查看汇总表报备情况');
  const filings = await summaryTableRepository.listFilings(db, subtreePrefix(unit.code, unit.level), year);
  const byUnit = new Map(filings.map((filing) => [filing.org_code, filing]));
  const units = unit.level === 'county' ? [unit, ...(await orgUnitLookup.listChildren(db, unit.code)).filter((child) => child.level === 'township')] : [unit];
  return {
    orgCode: unit.code, year,
    units: units.map((entry) => {
      const filing = byUnit.get(entry.code);
      return { orgCode: entry.code, name: entry.name, level: entry.level, filing: filing ? presentFiling(filing) : null };
    }),
  };
}
