import type { Db } from '../../db/database.ts';
import { RISK_KIND_LABELS, VIOLATION_KIND_LABELS, type RiskKind, type ViolationKind } from '../../domain/election-procedure.ts';
import { actorName, type Context } from '../../server/access.ts';
import { AppError, notFound } from '../../server/errors.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { electionsRepository } from './elections.repository.ts';
import { loadElection, presentAfter, recordElectionStep, requireNotAfterToday, requireStep } from './village-election.ts';

/**
 * Discipline of the 换届 (seed 004): the risk-point list, citizen reporters (民情直报员, at least one
 * per villager group), and reports of violations — a substantiated one against a candidate
 * disqualifies him.
 */

export async function addRiskPoint(db: Db, ctx: Context, id: string, input: { kind: RiskKind; description: string; measures: string; owner: string }) {
  return db.transaction().execute(async (tx) => {
    const row = await loadElection(tx, ctx, id);
    requireStep(ctx, row, 'discipline');
    const riskId = await electionsRepository.insertRiskPoint(tx, { village_election_id: row.id, org_code: row.org_code, ...input });
    await recordElectionStep(tx, ctx, row, {
      action: 'riskPoint', occurredOn: ctx.today, entity: { type: 'electionRiskPoint', id: riskId },
      summary: `风险点（${RISK_KIND_LABELS[input.kind]}）：${input.description}；责任人 ${input.owner}`, details: input,
    });
    return presentAfter(tx, ctx, row.id);
  });
}

export async function addCitizenReporter(db: Db, ctx: Context, id: string, input: { groupCode: string; name: string }) {
  return db.transaction().execute(async (tx) => {
    const row = await loadElection(tx, ctx, id);
    requireStep(ctx, row, 'discipline');
    const group = await orgUnitLookup.findByCode(tx, input.groupCode);
    if (!group || group.parentCode !== row.org_code || group.level !== 'villagerGroup') throw new AppError('VALIDATION_FAILED', `请选择「${row.village_name}」的村民小组`);
    const reporterId = await electionsRepository.insertReporter(tx, { village_election_id: row.id, org_code: row.org_code, group_code: group.code, name: input.name });
    await recordElectionStep(tx, ctx, row, {
      action: 'citizenReporter', occurredOn: ctx.today, entity: { type: 'electionCitizenReporter', id: reporterId }, summary: `民情直报员：${group.name} ${input.name}`, details: input,
    });
    return presentAfter(tx, ctx, row.id);
  });
}

export async function reportViolation(db: Db, ctx: Context, id: string, input: { candidateId: string | null; kind: ViolationKind; receivedOn: string; content: string }) {
  return db.transaction().execute(async (tx) => {
    const row = await loadElection(tx, ctx, id);
    requireStep(ctx, row, 'discipline');
    requireNotAfterToday(ctx, input.receivedOn, '收到日期');
    const candidate = input.candidateId ? await electionsRepository.findCandidate(tx, input.candidateId) : null;
    if (input.candidateId && (!candidate || candidate.village_election_id !== row.id)) throw new AppError('VALIDATION_FAILED', `请选择「${row.village_name}」的候选人`);
    const reportId = await electionsRepository.insertViolation(tx, {
      village_election_id: row.id, org_code: row.org_code, candidate_id: input.candidateId, kind: input.kind, received_on: input.receivedOn, content: input.content,
    });
    await recordElectionStep(tx, ctx, row, {
      action: 'violationReport', occurredOn: input.receivedOn, entity: { type: 'electionViolationReport', id: reportId },
      summary: `收到违反换届纪律的举报（${VIOLATION_KIND_LABELS[input.kind]}）${candidate ? `，涉及候选人 ${candidate.name}` : ''}`, details: { reportId, ...input },
    });
    return presentAfter(tx, ctx, row.id);
  });
}

/** The township's verification; a substantiated report against a candidate not yet elected disqualifies him (刚性). */
export async function handleViolation(db: Db, ctx: Context, reportId: string, input: { verification: string; isSubstantiated: boolean; handledOn: string }) {
  return db.transaction().execute(async (tx) => {
    const report = await electionsRepository.findViolation(tx, reportId);
    if (!report || !ctx.access.sees(report.org_code)) throw notFound('举报');
    const row = await loadElection(tx, ctx, report.village_election_id);
    requireStep(ctx, row, 'handleViolation');
    requireNotAfterToday(ctx, input.handledOn, '核查日期');
    if (input.handledOn < report.received_on) throw new AppError('VALIDATION_FAILED', `核查日期（${input.handledOn}）不能早于收到日期（${report.received_on}）`);
    const candidate = report.candidate_id ? await electionsRepository.findCandidate(tx, report.candidate_id) : undefined;
    if (input.isSubstantiated && candidate && (candidate.status === 'elected' || candidate.status === 'notElected')) {
      throw new AppError('CONFLICT', `${candidate.name}已有选举结果，属实的举报应按程序另行处理（如罢免、取消当选资格），不能在此取消候选人资格`);
    }
    if (!(await electionsRepository.handleViolation(tx, report.id, { ...input, handledBy: actorName(ctx) }))) throw new AppError('CONFLICT', '该举报已核查办结');
    const disqualifies = input.isSubstantiated && candidate !== undefined && candidate.status !== 'disqualified';
    if (disqualifies) await electionsRepository.setCandidateStatus(tx, [candidate.id], 'disqualified');
    await recordElectionStep(tx, ctx, row, {
      action: 'handleViolation', occurredOn: input.handledOn, entity: { type: 'electionViolationReport', id: report.id },
      summary: `核查举报（${VIOLATION_KIND_LABELS[report.kind]}）：${input.isSubstantiated ? '属实' : '不属实'}${disqualifies ? `，取消 ${candidate.name} 的候选人资格` : ''}`,
      details: { reportId: report.id, ...input, disqualifiedCandidateId: disqualifies ? candidate.id : null },
    });
    return presentAfter(tx, ctx, row.id);
  });
}
