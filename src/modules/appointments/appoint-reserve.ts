import { futureDateProblem } from '../../domain/dates.ts';
import type { Db, Executor, Tx } from '../../db/database.ts';
import type { AppointmentNotice } from '../../db/schema-management.ts';
import {
  APPOINTMENT_ACTION_RULES, APPOINTMENT_STAGE_LABELS, byElectionProblem, checkAppointmentAction, requiredNoticeVillages,
  type AppointmentAction, type AppointmentOutcome,
} from '../../domain/appointment-procedure.ts';
import { isFilledByElection, postLabel, postProblem, type Committee, type Post } from '../../domain/committee.ts';
import { actorName, type Context } from '../../server/access.ts';
import { AppError, notFound, refuseProblem, versionConflict } from '../../server/errors.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { changeReserveStatus, findReserve } from '../reserves/reserves.service.ts';
import { noticeEndsOn } from '../selection/calendar.service.ts';
import { resolveEffectivePolicy } from '../selection/policy.service.ts';
import { closeVacancy, findVacancy, seatMember } from '../villages/committee-roster.ts';
import { requireVillage } from '../villages/village-profile.ts';
import { appointmentsRepository, type AppointmentRow } from './appointments.repository.ts';

/**
 * Appointment of a reserve to a post (择优使用, seed 002): recommendation by the reserve's village
 * Party organisation, the township's approval, the county's filing, the notice of at least 5
 * working days in the reserve's village and the receiving one, objections, and the day it takes
 * effect — the roster, the vacancy and the reserve's status change in one transaction.
 */

/** Seed 002: the notice of a use runs at least 5 working days. */
const MINIMUM_NOTICE_DAYS = 5;


async function loadAppointment(db: Executor, ctx: Context, id: string): Promise<AppointmentRow> {
  const row = await appointmentsRepository.find(db, id);
  if (!row || !(ctx.access.sees(row.org_code) || ctx.access.sees(row.home_org_code))) throw notFound('任用事项');
  return row;
}

function requireDate(ctx: Context, date: string, label: string): void {
  refuseProblem(futureDateProblem(label, date, ctx.today));
}

async function requireNotBeforeLastStep(db: Executor, appointmentId: string, date: string): Promise<void> {
  const last = (await appointmentsRepository.listSteps(db, appointmentId)).at(-1);
  if (last && date < last.occurred_on) throw new AppError('VALIDATION_FAILED', `日期（${date}）不能早于上一步骤的日期 ${last.occurred_on}`);
}

export async function presentAppointment(db: Executor, ctx: Context, row: AppointmentRow) {
  const [steps, objections] = await Promise.all([appointmentsRepository.listSteps(db, row.id), appointmentsRepository.listObjections(db, row.id)]);
  const state = { stage: row.stage, outcome: row.outcome, committee: row.committee, homeOrgCode: row.home_org_code, orgCode: row.org_code };
  const next = (['approve', 'file', 'startNotice', 'takeEffect'] as const).find((action) => APPOINTMENT_ACTION_RULES[action].from === row.stage);
  return {
    id: row.id, vacancyId: row.vacancy_id, orgCode: row.org_code, villageName: row.village_name, homeOrgCode: row.home_org_code, homeVillageName: row.home_village_name,
    isCrossVillage: row.org_code !== row.home_org_code, committee: row.committee, post: row.post, postLabel: postLabel(row.committee, row.post),
    isElectedPost: isFilledByElection(row.committee), reserveId: row.reserve_id, personName: row.person_name, termYear: row.term_year,
    stage: row.stage, stageLabel: APPOINTMENT_STAGE_LABELS[row.stage], outcome: row.outcome,
    notices: row.notices, requiredNoticeVillages: requiredNoticeVillages(state), byElection: row.by_election, effectiveOn: row.effective_on, memberId: row.member_id,
    steps: steps.map((step) => ({ action: step.action, occurredOn: step.occurred_on, actorName: step.actor_name, details: step.details })),
    objections: objections.map((objection) => ({
      id: objection.id, receivedOn: objection.received_on, content: objection.content, handling: objection.handling, isSubstantiated: objection.is_substantiated,
      handledOn: objection.handled_on, handledBy: objection.handled_by,
    })),
    version: row.version,
    policies: {
      next: next && row.outcome === 'inProgress' && ctx.access.can(APPOINTMENT_ACTION_RULES[next].permission, row.org_code) ? next : null,
      refuse: row.outcome === 'inProgress' && row.stage === 'approval' && ctx.access.can('appointment.approve', row.org_code),
      withdraw: row.outcome === 'inProgress' && ctx.access.can('appointment.approve', row.org_code),
      objections: row.outcome === 'inProgress' && row.stage === 'decision' && ctx.access.can('appointment.approve', row.org_code),
      byElection: row.outcome === 'inProgress' && row.stage === 'decision' && isFilledByElection(row.committee) && ctx.access.can('appointment.approve', row.org_code),
    },
  };
}

/**
 * The village Party organisation's recommendation (recorded by its clerk, or by the township for
 * it): a reserve of the county for a vacancy, or for a post planned before an election.
 */
export async function recommendReserve(db: Db, ctx: Context, input: {
  vacancyId?: string | null | undefined; orgCode?: string | undefined; committee?: Committee | undefined; post?: Post | undefined;
  reserveId: string; termYear: number; recommendedOn: string; basis: string;
}) {
  return db.transaction().execute(async (tx) => {
    const vacancy = input.vacancyId ? await findVacancy(tx, ctx, input.vacancyId) : null;
    if (vacancy?.closed_on) throw new AppError('CONFLICT', `该空缺已于 ${vacancy.closed_on} 补齐`);
    const target = vacancy
      ? { orgCode: vacancy.org_code, committee: vacancy.committee, post: vacancy.post }
      : { orgCode: input.orgCode ?? '', committee: input.committee ?? 'party', post: input.post ?? 'member' };
    if (!vacancy && (!input.orgCode || !input.committee || !input.post)) throw new AppError('VALIDATION_FAILED', '请选择空缺职务，或填写拟任职的村（社区）、组织和职务');
    const problem = postProblem(target.committee, target.post);
    if (problem) throw new AppError('VALIDATION_FAILED', problem);
    const unit = await requireVillage(tx, ctx, target.orgCode);
    const reserve = await findReserve(tx, input.reserveId);
    if (!reserve || !ctx.access.sees(reserve.org_code)) throw notFound('后备力量');
    if (!ctx.access.can('appointment.recommend', reserve.org_code)) {
      throw new AppError('FORBIDDEN', '任用推荐由后备力量所在村（社区）党组织提出（或乡镇党委代为登记），您的角色不能办理这一步');
    }
    if (reserve.status !== 'admitted') throw new AppError('CONFLICT', `${reserve.name}不在后备力量库中，不能推荐任用`);
    if (await appointmentsRepository.findOpenOfReserve(tx, reserve.id)) throw new AppError('CONFLICT', `${reserve.name}已有进行中的任用程序`);
    requireDate(ctx, input.recommendedOn, '推荐日期');
    const id = await appointmentsRepository.insert(tx, {
      vacancyId: vacancy?.id ?? null, ...target, reserveId: reserve.id, personId: reserve.person_id, homeOrgCode: reserve.org_code, termYear: input.termYear,
    });
    await appointmentsRepository.insertStep(tx, { appointmentId: id, action: 'recommend', occurredOn: input.recommendedOn, actorName: actorName(ctx), details: { basis: input.basis } });
    await recordAuditEvent(tx, ctx, {
      action: 'appointment.recommend', entityType: 'appointment', entityId: id, orgCode: unit.code,
      summary: `推荐 ${reserve.name}（${reserve.village_name}）任「${unit.name}」${postLabel(target.committee, target.post)}`, after: { ...input, ...target },
    });
    return presentAppointment(tx, ctx, (await appointmentsRepository.find(tx, id))!);
  });
}

/** The day an appointment takes effect: the roster gets the member, the vacancy closes, the reserve is used. */
async function takeEffect(tx: Tx, ctx: Context, row: AppointmentRow, effectiveOn: string): Promise<string> {
  const memberId = await seatMember(tx, ctx, { orgCode: row.org_code, personId: row.person_id, committee: row.committee, post: row.post, termYear: row.term_year, startedOn: effectiveOn });
  if (row.vacancy_id) await closeVacancy(tx, await findVacancy(tx, ctx, row.vacancy_id), effectiveOn);
  const reserve = await findReserve(tx, row.reserve_id);
  if (!reserve || reserve.status !== 'admitted') throw new AppError('CONFLICT', `${row.person_name}已不在后备力量库中，不能任职`);
  const label = `「${row.village_name}」${postLabel(row.committee, row.post)}`;
  await changeReserveStatus(tx, ctx, {
    reserveId: row.reserve_id, version: reserve.version, toStatus: 'appointed', action: 'reserve.appoint',
    reason: `已选用：任${label}（${effectiveOn} 起）`, summary: `${row.person_name}任${label}，后备力量状态改为已选用`,
  });
  return memberId;
}

export async function takeAppointmentStep(db: Db, ctx: Context, id: string, input: {
  action: AppointmentAction; occurredOn: string; version: number; note?: string | null | undefined; noticeStarts?: { orgCode: string; startsOn: string }[] | undefined;
}) {
  return db.transaction().execute(async (tx) => {
    const row = await loadAppointment(tx, ctx, id);
    const rule = APPOINTMENT_ACTION_RULES[input.action];
    if (!ctx.access.can(rule.permission, row.org_code)) throw new AppError('FORBIDDEN', `「${rule.label}」由${rule.owner}办理，您的角色不能办理这一步`);
    if (row.version !== input.version) throw versionConflict(`${row.person_name}的任用事项`);
    requireDate(ctx, input.occurredOn, '日期');
    const objections = await appointmentsRepository.listObjections(tx, row.id);
    const verdict = checkAppointmentAction(
      { stage: row.stage, outcome: row.outcome, committee: row.committee, homeOrgCode: row.home_org_code, orgCode: row.org_code },
      input.action,
      {
        occurredOn: input.occurredOn, notices: row.notices, openObjections: objections.filter((objection) => objection.handling === null).length,
        hasByElection: row.by_election !== null, noticeVillages: (input.noticeStarts ?? []).map((notice) => notice.orgCode),
      },
    );
    if (!verdict.allowed) throw new AppError('CONFLICT', verdict.message);
    await requireNotBeforeLastStep(tx, row.id, input.occurredOn);
    const changes: Parameters<typeof appointmentsRepository.update>[3] = {};
    if (verdict.to !== null) changes.stage = verdict.to;
    if (input.action === 'refuse') changes.outcome = 'refused';
    if (input.action === 'withdraw') changes.outcome = 'withdrawn';
    if (input.action === 'startNotice') {
      const policy = (await resolveEffectivePolicy(tx, row.org_code)).rules.publicNotice;
      const workingDays = Math.max(MINIMUM_NOTICE_DAYS, policy.workingDays);
      const notices: AppointmentNotice[] = [];
      for (const orgCode of requiredNoticeVillages({ homeOrgCode: row.home_org_code, orgCode: row.org_code })) {
        const startsOn = input.noticeStarts!.find((notice) => notice.orgCode === orgCode)!.startsOn;
        if (startsOn < input.occurredOn) throw new AppError('VALIDATION_FAILED', `公示开始日期（${startsOn}）不能早于发布日期（${input.occurredOn}）`);
        notices.push({ orgCode, startsOn, endsOn: await noticeEndsOn(tx, startsOn, workingDays, policy.postingDayCounts), workingDays });
      }
      changes.notices = notices;
    }
    if (input.action === 'takeEffect') {
      changes.outcome = 'effective';
      changes.effectiveOn = input.occurredOn;
      changes.memberId = await takeEffect(tx, ctx, row, input.occurredOn);
    }
    if (!(await appointmentsRepository.update(tx, row.id, { version: row.version, stage: row.stage }, changes))) throw versionConflict(`${row.person_name}的任用事项`);
    const details = { note: input.note ?? null, ...(changes.notices && { notices: changes.notices }) };
    await appointmentsRepository.insertStep(tx, { appointmentId: row.id, action: input.action, occurredOn: input.occurredOn, actorName: actorName(ctx), details });
    await recordAuditEvent(tx, ctx, {
      action: `appointment.${input.action}`, entityType: 'appointment', entityId: row.id, orgCode: row.org_code,
      summary: `${row.person_name}任「${row.village_name}」${postLabel(row.committee, row.post)}：${rule.label}（${input.occurredOn}）`,
      before: { stage: row.stage, outcome: row.outcome }, after: { ...changes, ...details },
    });
    return presentAppointment(tx, ctx, (await appointmentsRepository.find(tx, row.id))!);
  });
}

function requireNoticeRunning(row: AppointmentRow, ctx: Context, what: string): void {
  if (!ctx.access.can('appointment.approve', row.org_code)) throw new AppError('FORBIDDEN', `${what}由乡镇党委登记，您的角色不能办理这一步`);
  if (row.outcome !== 'inProgress' || row.stage !== 'decision') throw new AppError('CONFLICT', `${what}在公示开始后、任职决定前登记`);
}

export async function recordAppointmentObjection(db: Db, ctx: Context, id: string, input: { receivedOn: string; content: string }) {
  return db.transaction().execute(async (tx) => {
    const row = await loadAppointment(tx, ctx, id);
    requireNoticeRunning(row, ctx, '公示期间反映的问题');
    requireDate(ctx, input.receivedOn, '收到日期');
    const objectionId = await appointmentsRepository.insertObjection(tx, { appointmentId: row.id, ...input });
    await recordAuditEvent(tx, ctx, {
      action: 'appointment.objection', entityType: 'appointment', entityId: row.id, orgCode: row.org_code,
      summary: `登记 ${row.person_name}任职公示期间反映的问题`, after: { objectionId, ...input },
    });
    return presentAppointment(tx, ctx, row);
  });
}

export async function handleAppointmentObjection(db: Db, ctx: Context, objectionId: string, input: { handling: string; isSubstantiated: boolean; handledOn: string }) {
  return db.transaction().execute(async (tx) => {
    const objection = await appointmentsRepository.findObjection(tx, objectionId);
    if (!objection) throw notFound('反映的问题');
    const row = await loadAppointment(tx, ctx, objection.appointment_id);
    requireNoticeRunning(row, ctx, '问题的办理结果');
    requireDate(ctx, input.handledOn, '办结日期');
    if (input.handledOn < objection.received_on) throw new AppError('VALIDATION_FAILED', `办结日期（${input.handledOn}）不能早于收到日期（${objection.received_on}）`);
    if (!(await appointmentsRepository.handleObjection(tx, objectionId, { ...input, handledBy: actorName(ctx) }))) throw new AppError('CONFLICT', '该问题已办结');
    await recordAuditEvent(tx, ctx, {
      action: 'appointment.handleObjection', entityType: 'appointment', entityId: row.id, orgCode: row.org_code,
      summary: `办结 ${row.person_name}任职公示期间反映的问题（${input.isSubstantiated ? '属实' : '不属实'}）`, after: { objectionId, ...input },
    });
    return presentAppointment(tx, ctx, row);
  });
}

/** Posts the law fills by election end in a by-election (补选) record instead of a direct appointment. */
export async function recordByElection(db: Db, ctx: Context, id: string, input: { heldOn: string; eligibleVoters: number; votesCast: number; votesFor: number; version: number }) {
  return db.transaction().execute(async (tx) => {
    const row = await loadAppointment(tx, ctx, id);
    requireNoticeRunning(row, ctx, '补选结果');
    if (!isFilledByElection(row.committee)) throw new AppError('VALIDATION_FAILED', '村党组织委员会成员不经村民选举补选');
    requireDate(ctx, input.heldOn, '补选日期');
    const { version, ...election } = input;
    const problem = byElectionProblem(election);
    if (problem) throw new AppError('VALIDATION_FAILED', problem);
    if (!(await appointmentsRepository.update(tx, row.id, { version, stage: row.stage }, { byElection: election }))) throw versionConflict(`${row.person_name}的任用事项`);
    await appointmentsRepository.insertStep(tx, { appointmentId: row.id, action: 'byElection', occurredOn: input.heldOn, actorName: actorName(ctx), details: election });
    await recordAuditEvent(tx, ctx, {
      action: 'appointment.byElection', entityType: 'appointment', entityId: row.id, orgCode: row.org_code,
      summary: `登记 ${row.person_name}补选结果：得票 ${input.votesFor}／投票 ${input.votesCast}`, after: election,
    });
    return presentAppointment(tx, ctx, (await appointmentsRepository.find(tx, row.id))!);
  });
}

export async function getAppointment(db: Db, ctx: Context, id: string) {
  return presentAppointment(db, ctx, await loadAppointment(db, ctx, id));
}

export async function listAppointments(db: Db, ctx: Context, query: { outcome?: AppointmentOutcome | undefined }) {
  const rows = await appointmentsRepository.list(db, { prefixes: ctx.access.prefixes('person.read'), outcome: query.outcome });
  const names = new Map((await orgUnitLookup.findByCodes(db, [...new Set(rows.map((row) => row.org_code))])).map((unit) => [unit.code, unit.name]));
  return {
    appointments: rows.map((row) => ({
      id: row.id, personName: row.person_name, villageName: names.get(row.org_code) ?? row.village_name, homeVillageName: row.home_village_name,
      postLabel: postLabel(row.committee, row.post), stage: row.stage, stageLabel: APPOINTMENT_STAGE_LABELS[row.stage], outcome: row.outcome, effectiveOn: row.effective_on,
    })),
  };
}
