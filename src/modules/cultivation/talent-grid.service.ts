import type { Db } from '../../db/database.ts';
import { computeGridPosition, type Readiness } from '../../domain/cultivation-grid.ts';
import { ageOn } from '../../domain/dates.ts';
import type { Context } from '../../server/access.ts';
import { AppError, forbidden, versionConflict } from '../../server/errors.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { presentBrief, requireReserve } from './cultivation-access.ts';
import { plainEntry } from './record-entry.ts';
import { talentGridRepository } from './talent-grid.repository.ts';
import { prefixOf } from './training.service.ts';

const READINESS_LABELS: Record<Readiness, string> = { readyNow: '成熟可用', withinTwoYears: '1–2 年内可用', longer: '需长期培养' };
const MAX_ENTRIES = 5000;

/** The 3×3 performance × potential grid of a township or county for a year, with each reserve's readiness. */
export async function getTalentGrid(db: Db, ctx: Context, query: { orgCode?: string | undefined; year?: number | undefined }) {
  const prefixes = ctx.access.prefixes('cultivation.read').sort((a, b) => a.length - b.length);
  if (prefixes.length === 0) throw forbidden('查看潜力评定');
  const orgCode = query.orgCode ?? prefixes[0]!.padEnd(12, '0');
  ctx.access.require('cultivation.read', [orgCode], { record: '组织单位', action: '查看该单位的潜力评定' });
  const today = ctx.today;
  const year = query.year ?? Number(today.slice(0, 4));
  const referenceDate = `${year}-12-31` < today ? `${year}-12-31` : today;
  const prefix = prefixOf(orgCode);
  const [reserves, grades, overrides] = await Promise.all([
    talentGridRepository.listReserves(db, prefix), talentGridRepository.listGrades(db, prefix, year), talentGridRepository.listOverrides(db, prefix),
  ]);
  const gradesOf = new Map<string, typeof grades>();
  for (const grade of grades) gradesOf.set(grade.reserve_id, [...(gradesOf.get(grade.reserve_id) ?? []), grade]);
  const overrideOf = new Map(overrides.map((row) => [row.reserve_id, row]));
  const cells = new Map<string, number>();
  const entries = reserves.map((reserve) => {
    const own = gradesOf.get(reserve.id) ?? [];
    const computed = computeGridPosition({
      annualGrades: own.filter((grade) => grade.kind === 'annual').map((grade) => grade.grade!),
      quarterlyGrades: own.filter((grade) => grade.kind === 'quarterly').map((grade) => grade.grade!),
      preElectionGrade: own.find((grade) => grade.kind === 'preElection' && grade.year === year)?.grade ?? null,
      age: ageOn(reserve.birth_date, referenceDate),
      education: reserve.education,
    });
    const override = overrideOf.get(reserve.id);
    const performance = override?.performance ?? computed.performance;
    const potential = override?.potential ?? computed.potential;
    cells.set(`${performance}|${potential}`, (cells.get(`${performance}|${potential}`) ?? 0) + 1);
    return {
      reserve: presentBrief({ ...reserve, township_name: reserve.township_name ?? '' }),
      performance, potential, readiness: (override?.readiness ?? computed.readiness) as Readiness, computed,
      override: override ? { reason: override.reason, ratedBy: override.rated_by, version: override.version } : null,
      policies: { update: ctx.access.can('cultivation.assess', reserve.org_code) },
    };
  });
  const grid = [3, 2, 1].flatMap((performance) => [1, 2, 3].map((potential) => ({ performance, potential, count: cells.get(`${performance}|${potential}`) ?? 0 })));
  return { orgCode, year, cells: grid, entries: entries.slice(0, MAX_ENTRIES) };
}

/** A township's edit of one reserve's place in the grid, with the reason. */
export async function rateTalent(db: Db, ctx: Context, reserveId: string, input: { performance: number; potential: number; readiness: Readiness; reason: string; version?: number | undefined }) {
  await db.transaction().execute(async (tx) => {
    const reserve = await requireReserve(tx, ctx, reserveId, 'cultivation.assess', 'none', '调整潜力评定');
    const { recordedBy, recordedByUserId } = plainEntry(ctx);
    const values = { ...input, ratedBy: recordedBy, ratedByUserId: recordedByUserId };
    const before = await talentGridRepository.findOverride(tx, reserveId);
    const saved = input.version === undefined
      ? await talentGridRepository.insertOverride(tx, { ...values, reserveId, orgCode: reserve.org_code })
      : await talentGridRepository.updateOverride(tx, reserveId, input.version, values);
    if (!saved) throw input.version === undefined ? new AppError('CONFLICT', `${reserve.name} 已有调整记录，请带上其版本号修改`) : versionConflict('该潜力评定');
    await recordAuditEvent(tx, ctx, {
      action: 'assessment.grid', entityType: 'reserve', entityId: reserveId, orgCode: reserve.org_code,
      summary: `调整 ${reserve.name} 的潜力评定：业绩 ${input.performance}、潜力 ${input.potential}、${READINESS_LABELS[input.readiness]}（理由：${input.reason}）`, before: before ?? null, after: input,
    });
  });
  const year = Number(ctx.today.slice(0, 4));
  const reserve = await requireReserve(db, ctx, reserveId, 'cultivation.assess', 'none', '调整潜力评定');
  const grid = await getTalentGrid(db, ctx, { orgCode: reserve.org_code, year });
  return grid.entries.find((entry) => entry.reserve.id === reserveId)!;
}
