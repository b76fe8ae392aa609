import { futureDateProblem } from '../../domain/dates.ts';
import type { Db } from '../../db/database.ts';
import { updateAtVersion } from '../../db/optimistic-lock.ts';
import {
  campaignTemplate, deadlineProblem, isTownshipMilestoneDone, isVillageMilestoneDone, milestoneState, MILESTONE_RULE_LABELS, MILESTONE_SCOPE_LABELS,
  rollUp, type MilestoneStatus, type RollUp,
} from '../../domain/campaign.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import { targetProgress, type FigureKey, type Figures, type TargetDirection } from '../../domain/statistics.ts';
import { actorName, type Context } from '../../server/access.ts';
import { AppError, notFound, refuseProblem, versionConflict } from '../../server/errors.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { requireUnit } from '../dashboard/dashboard.service.ts';
import { readSnapshotOnOrBefore } from '../dashboard/snapshots.ts';
import { computeUnitStatistics } from '../dashboard/unit-statistics.ts';
import { orgUnitLookup, type OrgUnitRecord } from '../org-units/org-units.service.ts';
import { campaignRepository } from './campaign.repository.ts';

/**
 * The three-year campaign (行动方案, seed 000): created from the template with seed 000's
 * milestones, dates editable; each milestone done by the data or confirmed by hand with evidence,
 * shown done / due / overdue per village and township and rolled up; and the targets as baseline
 * (the snapshot at the campaign's start), now, and target.
 */

type CampaignRow = NonNullable<Awaited<ReturnType<typeof campaignRepository.findCampaign>>>;

function presentCampaign(row: CampaignRow) {
  return {
    id: row.id, orgCode: row.org_code, name: row.name, startYear: row.start_year, startedOn: row.started_on, matureReservesDeadline: row.mature_reserves_deadline,
    secretaryCollegeShare: row.secretary_college_share === null ? null : Number(row.secretary_college_share),
    secretaryAverageAge: row.secretary_average_age === null ? null : Number(row.secretary_average_age), version: row.version,
  };
}

export async function createCampaign(db: Db, ctx: Context, input: {
  orgCode: string; name: string; startYear: number; startedOn: string; matureReservesDeadline: string; secretaryCollegeShare: number | null; secretaryAverageAge: number | null;
}) {
  ctx.access.require('campaign.manage', [input.orgCode], { record: '组织单位', action: '制定行动方案' });
  const unit = await orgUnitLookup.findByCode(db, input.orgCode);
  if (!unit) throw notFound('组织单位');
  if (unit.level !== 'county' && unit.level !== 'township') throw new AppError('VALIDATION_FAILED', '行动方案由县（区）或乡镇（街道）制定，请选择县或乡镇');
  for (const [date, label] of [[input.startedOn, '开始日期'], [input.matureReservesDeadline, '储备成熟后备力量的期限']] as const) {
    const problem = deadlineProblem(date, input.startYear);
    if (problem) throw new AppError('VALIDATION_FAILED', `${label}：${problem}`);
  }
  return db.transaction().execute(async (tx) => {
    const row = await campaignRepository.insertCampaign(tx, input);
    await campaignRepository.insertMilestones(tx, row.id, campaignTemplate(input.startYear));
    await recordAuditEvent(tx, ctx, {
      action: 'campaign.create', entityType: 'campaign', entityId: row.id, orgCode: unit.code, summary: `${unit.fullName}制定行动方案「${input.name}」`, after: presentCampaign(row),
    });
    return presentCampaign(row);
  });
}

/** The campaigns the unit works under (made by it or above it) and those made below it. */
export async function listCampaigns(db: Db, ctx: Context, orgCode: string) {
  const unit = await requireUnit(db, ctx, orgCode, '查看行动方案');
  const ancestors = ancestorCodes(unit);
  const rows = await campaignRepository.listCampaigns(db, { prefixes: [subtreePrefix(unit.code, unit.level)], ancestors });
  return { orgCode: unit.code, campaigns: rows.map(presentCampaign) };
}

/** The codes of the county and township above a unit (and the unit itself), by the division code's parts. */
function ancestorCodes(unit: OrgUnitRecord): string[] {
  const code = unit.code;
  return [...new Set([`${code.slice(0, 6)}000000`, `${code.slice(0, 9)}000`, code])];
}

interface UnitState { orgCode: string; status: MilestoneStatus; doneBy: 'data' | 'hand' | null; confirmation: { confirmedOn: string; evidence: string; actorName: string } | null }

/** Every milestone's state per unit of the subtree, rolled up per township and in total. */
async function evaluateMilestones(db: Db, ctx: Context, campaign: CampaignRow, unit: OrgUnitRecord) {
  const prefix = subtreePrefix(unit.code, unit.level);
  const [milestones, villages, townships] = await Promise.all([
    campaignRepository.listMilestones(db, campaign.id),
    campaignRepository.villageFacts(db, prefix, ctx.today),
    campaignRepository.townshipFacts(db, prefix),
  ]);
  const confirmations = await campaignRepository.listConfirmations(db, milestones.map((milestone) => milestone.id), prefix);
  const confirmed = new Map(confirmations.map((row) => [`${row.milestone_id}|${row.org_code}`, row]));
  const townshipNames = new Map(townships.map((township) => [township.code, township.name]));
  const villageNames = new Map((await orgUnitLookup.findByCodes(db, villages.map((village) => village.org_code))).map((entry) => [entry.code, entry.name]));
  return milestones.map((milestone) => {
    const stateOf = (orgCode: string, isDoneByData: boolean): UnitState => {
      const confirmation = confirmed.get(`${milestone.id}|${orgCode}`);
      const state = milestoneState({ deadline: milestone.deadline, isDoneByData, confirmedOn: confirmation?.confirmed_on ?? null }, ctx.today);
      return { orgCode, ...state, confirmation: confirmation ? { confirmedOn: confirmation.confirmed_on, evidence: confirmation.evidence, actorName: confirmation.actor_name } : null };
    };
    const perTownship = new Map<string, UnitState[]>();
    if (milestone.applies_to === 'village') {
      for (const village of villages) {
        const facts = { ledgerEntries: village.ledger_entries, nominationMeetings: village.nomination_meetings, reserves: village.reserves, shortlisted: village.shortlisted, mentored: village.mentored };
        const list = perTownship.get(village.township_code) ?? [];
        list.push(stateOf(village.org_code, isVillageMilestoneDone(milestone.rule, facts)));
        perTownship.set(village.township_code, list);
      }
    } else {
      for (const township of townships) perTownship.set(township.code, [stateOf(township.code, isTownshipMilestoneDone(milestone.rule, { filedYears: township.filed_years }, milestone.deadline))]);
    }
    const townshipRollUps = [...perTownship.entries()].map(([code, states]) => ({ code, name: townshipNames.get(code) ?? code, ...rollUp(states.map((state) => state.status)), states }));
    return {
      id: milestone.id, code: milestone.code, label: milestone.label, appliesTo: milestone.applies_to, appliesToLabel: MILESTONE_SCOPE_LABELS[milestone.applies_to],
      rule: milestone.rule, ruleLabel: MILESTONE_RULE_LABELS[milestone.rule], deadline: milestone.deadline, version: milestone.version,
      total: rollUp(townshipRollUps),
      townships: townshipRollUps.map(({ states, ...rest }) => ({
        ...rest,
        units: unit.level === 'township' || unit.level === 'village' || unit.level === 'community'
          ? states.map((state) => ({ ...state, name: villageNames.get(state.orgCode) ?? townshipNames.get(state.orgCode) ?? state.orgCode }))
          : [],
      })),
    };
  });
}

async function requireCampaignUnit(db: Db, ctx: Context, id: string, orgCode: string | undefined) {
  const campaign = await campaignRepository.findCampaign(db, id);
  if (!campaign) throw notFound('行动方案');
  const campaignUnit = await orgUnitLookup.findByCode(db, campaign.org_code);
  const code = orgCode ?? campaign.org_code;
  if (!campaignUnit || !code.startsWith(subtreePrefix(campaignUnit.code, campaignUnit.level))) throw notFound('行动方案');
  const unit = await requireUnit(db, ctx, code, '查看行动方案');
  return { campaign, unit };
}

/** The targets of seed 000 for the unit: baseline (the snapshot at the campaign's start), now and target. */
function campaignTargets(campaign: CampaignRow, baseline: Partial<Figures> | null, now: Figures) {
  const villages = now.villages ?? 0;
  const items: { key: FigureKey; label: string; target: number; direction: TargetDirection; unit: string }[] = [
    { key: 'villagesWithTwoMature', label: `每村至少储备 2 名成熟的后备力量（${campaign.mature_reserves_deadline} 前）`, target: villages, direction: 'rise', unit: '个村' },
    { key: 'villagesWithYoungMember', label: '每个村“两委”班子至少有 1 名 35 岁以下成员', target: villages, direction: 'rise', unit: '个村' },
  ];
  if (campaign.secretary_college_share !== null) items.push({ key: 'secretaryCollegeShare', label: '村党组织书记大专以上学历占比提高', target: Number(campaign.secretary_college_share), direction: 'rise', unit: '%' });
  if (campaign.secretary_average_age !== null) items.push({ key: 'secretaryAverageAge', label: '村党组织书记平均年龄下降', target: Number(campaign.secretary_average_age), direction: 'fall', unit: '岁' });
  return items.map((item) => ({
    key: item.key, label: item.label, unit: item.unit,
    ...targetProgress({ baseline: baseline?.[item.key] ?? null, now: now[item.key], target: item.target, direction: item.direction }),
  }));
}

/** The campaign as seen from a unit of its subtree: milestones rolled up, and the targets. */
export async function getCampaign(db: Db, ctx: Context, id: string, orgCode: string | undefined) {
  const { campaign, unit } = await requireCampaignUnit(db, ctx, id, orgCode);
  const [milestones, statistics, baseline] = await Promise.all([
    evaluateMilestones(db, ctx, campaign, unit),
    computeUnitStatistics(db, ctx, unit),
    readSnapshotOnOrBefore(db, unit.code, campaign.started_on),
  ]);
  const progress = rollUp(milestones.map((milestone) => milestone.total));
  return {
    campaign: presentCampaign(campaign), orgCode: unit.code, unitName: unit.name, today: ctx.today, progress,
    baselineOn: baseline?.takenOn ?? null,
    targets: campaignTargets(campaign, baseline?.figures ?? null, statistics.figures),
    milestones,
    policies: { manage: ctx.access.prefixes('campaign.manage').some((prefix) => campaign.org_code.startsWith(prefix)) },
  };
}

/** The progress (share of unit milestones done) of the newest campaign the unit works under; null without one. */
export async function campaignProgressOf(db: Db, ctx: Context, unit: OrgUnitRecord): Promise<RollUp | null> {
  if (unit.level !== 'county' && unit.level !== 'township' && unit.level !== 'village' && unit.level !== 'community') return null;
  const [campaign] = await campaignRepository.listCampaigns(db, { prefixes: [], ancestors: ancestorCodes(unit) });
  if (!campaign) return null;
  return rollUp((await evaluateMilestones(db, ctx, campaign, unit)).map((milestone) => milestone.total));
}

/** The newest campaign the unit works under (made by it or above it), as seen from the unit; null without one. */
export async function getCurrentCampaign(db: Db, ctx: Context, unit: OrgUnitRecord) {
  if (unit.level !== 'county' && unit.level !== 'township' && unit.level !== 'village' && unit.level !== 'community') return null;
  const [campaign] = await campaignRepository.listCampaigns(db, { prefixes: [], ancestors: ancestorCodes(unit) });
  return campaign ? getCampaign(db, ctx, campaign.id, unit.code) : null;
}

/** Moves a milestone's deadline (within the three years), at its version. */
export async function updateMilestone(db: Db, ctx: Context, id: string, input: { deadline: string; version: number }) {
  const milestone = await campaignRepository.findMilestone(db, id);
  const campaign = milestone ? await campaignRepository.findCampaign(db, milestone.campaign_id) : undefined;
  if (!milestone || !campaign) throw notFound('进度安排');
  ctx.access.require('campaign.manage', [campaign.org_code], { record: '行动方案', action: '修改进度安排' });
  const problem = deadlineProblem(input.deadline, campaign.start_year);
  if (problem) throw new AppError('VALIDATION_FAILED', problem);
  return db.transaction().execute(async (tx) => {
    if (!(await updateAtVersion(tx, 'campaign_milestone', { id }, input.version, { deadline: input.deadline }))) throw versionConflict('进度安排');
    await recordAuditEvent(tx, ctx, {
      action: 'milestone.update', entityType: 'campaignMilestone', entityId: id, orgCode: campaign.org_code,
      summary: `「${milestone.label}」完成时限由 ${milestone.deadline} 改为 ${input.deadline}`, before: { deadline: milestone.deadline }, after: { deadline: input.deadline },
    });
    return { id, deadline: input.deadline, version: input.version + 1 };
  });
}

/** Confirms by hand, with evidence, that a unit has done a milestone the data does not show. */
export async function confirmMilestone(db: Db, ctx: Context, id: string, input: { orgCode: string; confirmedOn: string; evidence: string }) {
  const milestone = await campaignRepository.findMilestone(db, id);
  const campaign = milestone ? await campaignRepository.findCampaign(db, milestone.campaign_id) : undefined;
  if (!milestone || !campaign) throw notFound('进度安排');
  ctx.access.require('campaign.manage', [input.orgCode], { record: '组织单位', action: '确认进度安排完成' });
  const [unit, campaignUnit] = await Promise.all([orgUnitLookup.findByCode(db, input.orgCode), orgUnitLookup.findByCode(db, campaign.org_code)]);
  if (!unit || !campaignUnit || !unit.code.startsWith(subtreePrefix(campaignUnit.code, campaignUnit.level))) throw notFound('组织单位');
  const expected = milestone.applies_to === 'village' ? ['village', 'community'] : ['township'];
  if (!expected.includes(unit.level)) throw new AppError('VALIDATION_FAILED', `「${milestone.label}」由${MILESTONE_SCOPE_LABELS[milestone.applies_to]}完成，请选择${milestone.applies_to === 'village' ? '村（社区）' : '乡镇（街道）'}`);
  refuseProblem(futureDateProblem('完成日期', input.confirmedOn, ctx.today));
  return db.transaction().execute(async (tx) => {
    if (await campaignRepository.findConfirmation(tx, id, unit.code)) throw new AppError('CONFLICT', `${unit.name}的「${milestone.label}」已确认完成`);
    const row = await campaignRepository.insertConfirmation(tx, { milestoneId: id, orgCode: unit.code, confirmedOn: input.confirmedOn, evidence: input.evidence, actorName: actorName(ctx) });
    await recordAuditEvent(tx, ctx, {
      action: 'milestone.confirm', entityType: 'campaignMilestone', entityId: id, orgCode: unit.code,
      summary: `确认${unit.fullName}已完成「${milestone.label}」`, after: { confirmedOn: input.confirmedOn, evidence: input.evidence },
    });
    return { milestoneId: id, orgCode: row.org_code, confirmedOn: row.confirmed_on, evidence: row.evidence, actorName: row.actor_name };
  });
}
