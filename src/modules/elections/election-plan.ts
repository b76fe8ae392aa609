import type { Db } from '../../db/database.ts';
import type { Responsibility } from '../../db/schema-elections.ts';
import { ageOn } from '../../domain/dates.ts';
import { needsCountyApproval, villagersSeatsProblem, youngSecretaryShare } from '../../domain/election-arithmetic.ts';
import { ELECTION_STAGES, ELECTION_STAGE_LABELS, type ElectionStage, type SecretaryMode } from '../../domain/election-procedure.ts';
import { actorName, type Context } from '../../server/access.ts';
import { AppError, notFound, versionConflict } from '../../server/errors.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { resolveEffectivePolicy } from '../selection/policy.service.ts';
import { electionsRepository } from './elections.repository.ts';
import { loadElection, presentAfter, recordElectionStep, requireNotAfterToday, requireStep } from './village-election.ts';

/** A township's 换届 plan and, per village, its arrangements and seats (职数). */

export async function createElectionPlan(db: Db, ctx: Context, input: {
  orgCode: string; termYear: number; startsOn: string; endsOn: string; leadingGroup: string; standardPartySeats: number; standardVillagersSeats: number;
}) {
  ctx.access.require('election.manage', [input.orgCode], { record: '乡镇（街道）', action: '制定换届工作方案' });
  const township = await orgUnitLookup.findByCode(db, input.orgCode);
  if (!township) throw notFound('乡镇（街道）');
  if (township.level !== 'township') throw new AppError('VALIDATION_FAILED', `换届工作方案由乡镇（街道）党委制定，「${township.name}」不是乡镇（街道）`);
  if (input.endsOn < input.startsOn) throw new AppError('VALIDATION_FAILED', `结束日期（${input.endsOn}）不能早于开始日期（${input.startsOn}）`);
  const seatsProblem = villagersSeatsProblem(input.standardVillagersSeats);
  if (seatsProblem) throw new AppError('VALIDATION_FAILED', seatsProblem);
  const villages = (await orgUnitLookup.listChildren(db, township.code)).filter((unit) => unit.level === 'village' || unit.level === 'community');
  if (villages.length === 0) throw new AppError('VALIDATION_FAILED', `「${township.name}」下没有村（社区）`);
  const id = await db.transaction().execute(async (tx) => {
    const planId = await electionsRepository.insertPlan(tx, { ...input, createdBy: actorName(ctx) });
    await electionsRepository.insertVillageElections(tx, planId, input.termYear, villages.map((village) => village.code));
    await recordAuditEvent(tx, ctx, {
      action: 'election.createPlan', entityType: 'electionPlan', entityId: planId, orgCode: township.code,
      summary: `制定「${township.name}」${input.termYear} 年村级换届工作方案（${villages.length} 个村、社区）`, after: input,
    });
    return planId;
  });
  return getElectionPlan(db, ctx, id);
}

/** The township's 换届 board: its villages by stage, and the share of young secretary candidates. */
export async function getElectionPlan(db: Db, ctx: Context, id: string) {
  const plan = await electionsRepository.findPlan(db, id);
  if (!plan || !ctx.access.sees(plan.org_code)) throw notFound('换届工作方案');
  ctx.access.require('election.read', [plan.org_code], { record: '换届工作方案', action: '查看村级换届' });
  const [villages, birthDates, policy] = await Promise.all([
    electionsRepository.listOfPlan(db, plan.id), electionsRepository.listSecretaryCandidateBirthDates(db, plan.id), resolveEffectivePolicy(db, plan.org_code),
  ]);
  const rules = policy.rules.secretary;
  const visible = villages.filter((village) => ctx.access.sees(village.org_code));
  return {
    id: plan.id, orgCode: plan.org_code, townshipName: plan.township_name, termYear: plan.term_year, startsOn: plan.starts_on, endsOn: plan.ends_on,
    leadingGroup: plan.leading_group, standardSeats: { party: plan.standard_party_seats, villagers: plan.standard_villagers_seats },
    youngSecretaryCandidates: youngSecretaryShare(birthDates.map((birthDate) => ageOn(birthDate, plan.ends_on)), { share: rules.youngShare, maximumAge: rules.youngMaximumAge }),
    stages: ELECTION_STAGES.map((stage) => ({ stage, label: ELECTION_STAGE_LABELS[stage], villages: visible.filter((village) => village.stage === stage).length })),
    villages: visible.map((village) => ({
      id: village.id, orgCode: village.org_code, villageName: village.village_name, stage: village.stage, stageLabel: ELECTION_STAGE_LABELS[village.stage],
      guidanceOfficer: village.guidance_officer, partySeats: village.party_seats, villagersSeats: village.villagers_seats,
    })),
    version: plan.version,
    policies: { manage: ctx.access.can('election.manage', plan.org_code) },
  };
}

export async function listElectionPlans(db: Db, ctx: Context) {
  const rows = await electionsRepository.listPlans(db, ctx.access.prefixes('election.read'));
  return { plans: rows.map((row) => ({ id: row.id, orgCode: row.org_code, townshipName: row.township_name, termYear: row.term_year, startsOn: row.starts_on, endsOn: row.ends_on })) };
}

/** The county's board: per township, how many villages stand at each stage. */
export async function getElectionBoard(db: Db, ctx: Context, query: { termYear?: number | undefined }) {
  ctx.access.requireAnywhere('election.read', '查看村级换届');
  const rows = await electionsRepository.countStages(db, ctx.access.prefixes('election.read'), query.termYear ?? null);
  const townships = new Map<string, { code: string; name: string; villages: number; stages: Record<ElectionStage, number> }>();
  for (const row of rows) {
    const township = townships.get(row.township_code)
      ?? { code: row.township_code, name: row.township_name, villages: 0, stages: Object.fromEntries(ELECTION_STAGES.map((stage) => [stage, 0])) as Record<ElectionStage, number> };
    township.villages += row.villages;
    township.stages[row.stage] += row.villages;
    townships.set(row.township_code, township);
  }
  const list = [...townships.values()];
  return {
    stages: ELECTION_STAGES.map((stage) => ({ stage, label: ELECTION_STAGE_LABELS[stage] })),
    townships: list,
    total: { villages: list.reduce((sum, township) => sum + township.villages, 0), filed: list.reduce((sum, township) => sum + township.stages.filed, 0) },
  };
}

export async function editVillagePlan(db: Db, ctx: Context, id: string, input: {
  guidanceOfficer: string | null; responsibilities: Responsibility[]; secretaryMode: SecretaryMode; version: number;
}) {
  return db.transaction().execute(async (tx) => {
    const row = await loadElection(tx, ctx, id);
    requireStep(ctx, row, 'editPlan');
    if (input.secretaryMode !== row.secretary_mode && row.candidates_approved_on !== null) {
      throw new AppError('CONFLICT', '正式候选人已批准，不能再改变书记的产生方式');
    }
    if (!(await electionsRepository.update(tx, row.id, { version: input.version }, {
      guidance_officer: input.guidanceOfficer, responsibilities: JSON.stringify(input.responsibilities), secretary_mode: input.secretaryMode,
    }))) throw versionConflict(`「${row.village_name}」的换届工作安排`);
    await recordElectionStep(tx, ctx, row, {
      action: 'editPlan', occurredOn: ctx.today, summary: `换届工作安排：指导员 ${input.guidanceOfficer ?? '未定'}，责任清单 ${input.responsibilities.length} 项`,
      before: { guidanceOfficer: row.guidance_officer, responsibilities: row.responsibilities, secretaryMode: row.secretary_mode }, details: input,
    });
    return presentAfter(tx, ctx, row.id);
  });
}

/**
 * The township sets the seats (职数) of both committees (seed 004: by population, area and tasks).
 * More than the plan's standard number waits for the county's approval; the villagers committee has 3–7.
 */
export async function setSeats(db: Db, ctx: Context, id: string, input: { partySeats: number; villagersSeats: number; basis: string; version: number }) {
  return db.transaction().execute(async (tx) => {
    const row = await loadElection(tx, ctx, id);
    requireStep(ctx, row, 'setSeats');
    if (row.candidates_approved_on !== null) throw new AppError('CONFLICT', '正式候选人已批准，不能再改变职数');
    const problem = villagersSeatsProblem(input.villagersSeats);
    if (problem) throw new AppError('VALIDATION_FAILED', problem);
    const plan = (await electionsRepository.findPlan(tx, row.plan_id))!;
    const isOverStandard = needsCountyApproval(input.partySeats, plan.standard_party_seats) || needsCountyApproval(input.villagersSeats, plan.standard_villagers_seats);
    const stage: ElectionStage = isOverStandard ? 'preparing' : 'partyNomination';
    if (!(await electionsRepository.update(tx, row.id, { version: input.version }, {
      party_seats: input.partySeats, villagers_seats: input.villagersSeats, seats_basis: input.basis, seats_approval: JSON.stringify(null), stage,
    }))) throw versionConflict(`「${row.village_name}」的职数`);
    await recordElectionStep(tx, ctx, row, {
      action: 'setSeats', occurredOn: ctx.today,
      summary: `设定职数：村党组织委员会 ${input.partySeats} 名、村民委员会 ${input.villagersSeats} 名${isOverStandard ? `，超出标准职数（${plan.standard_party_seats}、${plan.standard_villagers_seats} 名），报县委组织部审批` : ''}`,
      before: { partySeats: row.party_seats, villagersSeats: row.villagers_seats }, details: { ...input, isOverStandard },
    });
    return presentAfter(tx, ctx, row.id);
  });
}

/** The county organisation department approves seats beyond the standard number. */
export async function approveSeats(db: Db, ctx: Context, id: string, input: { approvedOn: string; version: number }) {
  return db.transaction().execute(async (tx) => {
    const row = await loadElection(tx, ctx, id);
    requireStep(ctx, row, 'approveSeats');
    if (row.party_seats === null || row.villagers_seats === null) throw new AppError('CONFLICT', '乡镇党委尚未设定职数');
    requireNotAfterToday(ctx, input.approvedOn, '审批日期');
    const approval = { approvedOn: input.approvedOn, approvedBy: actorName(ctx) };
    if (!(await electionsRepository.update(tx, row.id, { version: input.version, stage: 'preparing' }, { seats_approval: JSON.stringify(approval), stage: 'partyNomination' }))) {
      throw versionConflict(`「${row.village_name}」的职数`);
    }
    await recordElectionStep(tx, ctx, row, {
      action: 'approveSeats', occurredOn: input.approvedOn, summary: `县委组织部同意职数：村党组织委员会 ${row.party_seats} 名、村民委员会 ${row.villagers_seats} 名`, details: approval,
    });
    return presentAfter(tx, ctx, row.id);
  });
}
