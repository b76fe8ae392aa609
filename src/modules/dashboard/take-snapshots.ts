import type { Db } from '../../db/database.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import { monthlySnapshotDate, type Figures } from '../../domain/statistics.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { campaignProgressOf } from '../campaigns/campaign.service.ts';
import { systemContext, type Context } from '../../server/access.ts';
import { notFound } from '../../server/errors.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { statisticsRepository, storeBreakdowns, type StoredStructure } from './statistics.repository.ts';
import { computeUnitStatistics } from './unit-statistics.ts';

/**
 * Snapshots (统计快照): the figures of every unit from the province down to the townships of a
 * subtree, stored as of today (a second snapshot the same day replaces the first). The server takes
 * them on the first of every month; `houbei snapshot` and the dashboard's button take them on demand.
 */
export async function takeSnapshots(db: Db, ctx: Context, rootCode: string): Promise<{ units: number; takenOn: string }> {
  const root = await orgUnitLookup.findByCode(db, rootCode);
  if (!root) throw notFound('组织单位');
  ctx.access.require('report.file', [root.code], { record: '组织单位', action: '生成统计快照' });
  const units = await statisticsRepository.listSnapshotUnits(db, subtreePrefix(root.code, root.level));
  const taken: { code: string; figures: Figures; structure: StoredStructure }[] = [];
  for (const { code } of units) {
    const unit = await orgUnitLookup.findByCode(db, code);
    if (!unit) continue;
    const prefix = subtreePrefix(unit.code, unit.level);
    const [{ figures }, reserves, secretaries] = await Promise.all([
      computeUnitStatistics(db, ctx, unit),
      statisticsRepository.reserveBreakdowns(db, prefix, ctx.today),
      statisticsRepository.secretaryBreakdowns(db, prefix, ctx.today),
    ]);
    figures.campaignProgress = (await campaignProgressOf(db, ctx, unit))?.progress ?? null;
    taken.push({ code, figures, structure: { reserves: storeBreakdowns(reserves), secretaries: storeBreakdowns(secretaries) } });
  }
  await db.transaction().execute(async (tx) => {
    for (const { code, figures, structure } of taken) await statisticsRepository.saveSnapshot(tx, code, ctx.today, figures, structure);
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
