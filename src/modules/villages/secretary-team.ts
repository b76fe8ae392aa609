import { TRAINING_METHOD_LABELS } from '../../domain/cultivation-codes.ts';
import { futureDateProblem } from '../../domain/dates.ts';
import type { TrainingMethod } from '../../domain/training-rules.ts';
import type { Db } from '../../db/database.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import { actorName, type Context } from '../../server/access.ts';
import { AppError, notFound, refuseProblem } from '../../server/errors.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { presentMember } from './committee-roster.ts';
import { villagesRepository } from './villages.repository.ts';
import { holdingMarks } from '../../domain/committee.ts';

/**
 * The secretary team (书记队伍, seed 003): the sitting village Party secretaries with their
 * semiannual report-and-review (述职评议 / 双述双评), training and discipline. A secretary found 不胜任,
 * 不合格 or 不尽职 can be adjusted (调整撤换) through the roster, which opens a vacancy.
 */

export const REVIEW_RESULT_LABELS = { good: '好', fairlyGood: '较好', average: '一般', poor: '差' } as const;
export const REVIEW_FINDING_LABELS = { incompetent: '不胜任', unqualified: '不合格', notDiligent: '不尽职' } as const;


export async function listSecretaries(db: Db, ctx: Context, orgCode: string) {
  ctx.access.require('person.read', [orgCode], { record: '组织单位', action: '查看书记队伍' });
  const unit = await orgUnitLookup.findByCode(db, orgCode);
  if (!unit) throw notFound('组织单位');
  const rows = await villagesRepository.listMembers(db, { prefixes: [subtreePrefix(unit.code, unit.level)], sittingOnly: true });
  const secretaries = rows.filter((row) => row.committee === 'party' && row.post === 'secretary');
  const marks = holdingMarks(rows.map((row) => ({ personId: row.person_id, committee: row.committee, post: row.post })));
  const [reviews, discipline, training] = await Promise.all([villagesRepository.listReviews(db, secretaries), villagesRepository.listDiscipline(db, secretaries), villagesRepository.listTraining(db, secretaries)]);
  const villages = new Map((await orgUnitLookup.findByCodes(db, [...new Set(secretaries.map((row) => row.org_code))])).map((village) => [village.code, village.name]));
  return {
    secretaries: secretaries.map((row) => ({
      ...presentMember(row, marks, ctx.today),
      villageName: villages.get(row.org_code) ?? row.org_code,
      reviews: reviews.filter((review) => review.member_id === row.id).map((review) => ({
        id: review.id, period: review.period, reviewedOn: review.reviewed_on, reviewers: review.reviewers,
        counts: { good: review.good_count, fairlyGood: review.fairly_good_count, average: review.average_count, poor: review.poor_count },
        result: review.result, resultLabel: REVIEW_RESULT_LABELS[review.result], finding: review.finding, findingLabel: review.finding ? REVIEW_FINDING_LABELS[review.finding] : null,
        recordedBy: review.recorded_by,
      })),
      discipline: discipline.filter((record) => record.member_id === row.id).map((record) => ({ id: record.id, decidedOn: record.decided_on, kind: record.kind, description: record.description, recordedBy: record.recorded_by })),
      training: training.filter((record) => record.member_id === row.id).map((record) => ({
        id: record.id, startedOn: record.started_on, days: record.days, method: record.method, methodLabel: TRAINING_METHOD_LABELS[record.method],
        course: record.course, organiser: record.organiser, recordedBy: record.recorded_by,
      })),
      policies: { review: ctx.access.can('secretary.review', row.org_code), adjust: ctx.access.can('village.manage', row.org_code) },
    })),
  };
}

async function requireSittingSecretary(db: Db | Parameters<typeof villagesRepository.findMember>[0], ctx: Context, memberId: string) {
  const member = await villagesRepository.findMember(db, memberId);
  if (!member || !ctx.access.sees(member.org_code)) throw notFound('村党组织书记');
  ctx.access.require('secretary.review', [member.org_code], { record: '村党组织书记', action: '登记书记述职评议、培训和处分' });
  if (member.committee !== 'party' || member.post !== 'secretary') throw new AppError('VALIDATION_FAILED', `${member.name}不是村党组织书记`);
  return member;
}

export async function recordReview(db: Db, ctx: Context, memberId: string, input: {
  period: string; reviewedOn: string; reviewers: string; counts: { good: number; fairlyGood: number; average: number; poor: number };
  result: keyof typeof REVIEW_RESULT_LABELS; finding?: keyof typeof REVIEW_FINDING_LABELS | null | undefined;
}) {
  return db.transaction().execute(async (tx) => {
    const member = await requireSittingSecretary(tx, ctx, memberId);
    refuseProblem(futureDateProblem('评议日期', input.reviewedOn, ctx.today));
    const id = await villagesRepository.insertReview(tx, {
      memberId, orgCode: member.org_code, period: input.period, reviewedOn: input.reviewedOn, reviewers: input.reviewers, goodCount: input.counts.good,
      fairlyGoodCount: input.counts.fairlyGood, averageCount: input.counts.average, poorCount: input.counts.poor, result: input.result, finding: input.finding ?? null, recordedBy: actorName(ctx),
    });
    if (!id) throw new AppError('CONFLICT', `${member.name} ${input.period.replace('-H1', ' 年上半年').replace('-H2', ' 年下半年')}的述职评议已登记`);
    await recordAuditEvent(tx, ctx, {
      action: 'secretaryReview.create', entityType: 'secretaryReview', entityId: id, orgCode: member.org_code,
      summary: `登记书记 ${member.name} ${input.period} 述职评议：${REVIEW_RESULT_LABELS[input.result]}${input.finding ? `（${REVIEW_FINDING_LABELS[input.finding]}）` : ''}`, after: input,
    });
    return { id };
  });
}

export async function recordDiscipline(db: Db, ctx: Context, memberId: string, input: { decidedOn: string; kind: string; description: string }) {
  return db.transaction().execute(async (tx) => {
    const member = await requireSittingSecretary(tx, ctx, memberId);
    refuseProblem(futureDateProblem('处分日期', input.decidedOn, ctx.today));
    const id = await villagesRepository.insertDiscipline(tx, { memberId, orgCode: member.org_code, ...input, recordedBy: actorName(ctx) });
    await recordAuditEvent(tx, ctx, {
      action: 'secretaryDiscipline.create', entityType: 'secretaryDiscipline', entityId: id, orgCode: member.org_code,
      summary: `登记书记 ${member.name} 受${input.kind}（${input.decidedOn}）`, after: input,
    });
    return { id };
  });
}

/** A course a sitting secretary attended (教育培训, seed 003), recorded by the township or county. */
export async function recordTraining(db: Db, ctx: Context, memberId: string, input: { startedOn: string; days: number; method: TrainingMethod; course: string; organiser: string }) {
  return db.transaction().execute(async (tx) => {
    const member = await requireSittingSecretary(tx, ctx, memberId);
    refuseProblem(futureDateProblem('培训开始日期', input.startedOn, ctx.today));
    const id = await villagesRepository.insertTraining(tx, { memberId, orgCode: member.org_code, ...input, recordedBy: actorName(ctx) });
    await recordAuditEvent(tx, ctx, {
      action: 'secretaryTraining.create', entityType: 'secretaryTraining', entityId: id, orgCode: member.org_code,
      summary: `登记书记 ${member.name} 参加${TRAINING_METHOD_LABELS[input.method]}「${input.course}」（${input.startedOn} 起 ${input.days} 天）`, after: input,
    });
    return { id };
  });
}
