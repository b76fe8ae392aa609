import type { Db } from '../../db/database.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import { figuresOf, monthlySnapshotDate, type Figures } from '../../domain/statistics.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { campaignProgressOf } from '../campaigns/campaign.service.ts';
import { systemContext, type Context } from '../../server/access.ts';
import { notFound } from '../../server/errors.ts';
import { orgUnitLookup, type OrgUnitRecord } from '../org-units/org-units.service.ts';
import { addUpCounties, countUnit, readsCountyStatistics, saveCountyStatistics } from './county-statistics.ts';
import { statisticsRepository, type StoredStructure } from './statistics.repository.ts';

/**
 * Snapshots (统计快照): the figures of every unit from the province down to the townships of a
 * subtree, stored as of today (a second snapshot the same day replaces the first). The server takes
 * them on the first of every month; `houbei snapshot` and the dashboard's button take them on demand.
 */
export async function takeSnapshots(db: Db, ctx: Context, rootCode: string): Promise<{ units: number; takenOn: string }> {
  const root = await orgUnitLookup.findByCode(db, rootCode);
  if (!root) throw notFound('组织单位');
  ctx.access.require('report.file', [root.code], { record: '组织单位', action: '生成统计快照' });
  const units = await orgUnitLookup.findByCodes(db, (await statisticsRepository.listSnapshotUnits(db, subtreePrefix(root.code, root.level))).map((unit) => unit.code));
  const taken: { unit: OrgUnitRecord; figures: Figures; structure: StoredStructure }[] = [];
  // Counties and townships are counted live (a county's counts stored as well); the units above
  // them then add up their counties' counts, all of today's.
  for (const unit of units.filter((candidate) => !readsCountyStatistics(candidate.level))) {
    const counted = await countUnit(db, ctx, unit);
    if (unit.level === 'county') await saveCountyStatistics(db, unit.code, ctx.today, counted);
    taken.push({ unit, figures: figuresOf(counted.totals), structure: counted.structure });
  }
  for (const unit of units.filter((candidate) => readsCountyStatistics(candidate.level))) {
    const added = await addUpCounties(db, unit, ctx.today);
    taken.push({ unit, figures: figuresOf(added.totals), structure: added.structure });
  }
  for (const entry of taken) entry.figures.campaignProgress = (await campaignProgressOf(db, ctx, entry.unit))?.progress ?? null;
  await db.transaction().execute(async (tx) => {
    for (const { unit, figures, structure } of taken) await statisticsRepository.saveSnapshot(tx, unit.code, ctx.today, figures, structure);
    await recordAuditEvent(tx, ctx, {
      action: 'snapshot.take', entityType: 'statisticsSnapshot', entityId: `${root.code}@${ctx.today}`, orgCode: root.code,
      summary: `生成${root.name}及下级 ${taken.length} 个单位 ${ctx.today} 的统计快照`, after: { onDate: ctx.today, total: taken.length },
    });
  });
  return { units: taken.length, takenOn: ctx.today };
}

/** The monthly job: when this month's snapshot of the whole tree is missing, takes it. Answers whether it did. */
export async function takeMonthlySnapshotsIfDue(db: Db, today: string): Promise<boolean> {
  const firstOfMonth = monthlySnapshotDate(today);
  const roots = await orgUnitLookup.listChildren(db, '000000000000');
  let taken = false;
  for (const root of roots) {
    if (await statisticsRepository.snapshotOnOrBefore(db, root.code, today).then((row) => row !== undefined && row.taken_on >= firstOfMonth)) continue;
    await takeSnapshots(db, systemContext(today), root.code);
    taken = true;
  }
  return taken;
}
