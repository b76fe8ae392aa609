import type { Db, Executor } from '../../db/database.ts';
import { EDUCATION_LABELS, POLITICAL_LABELS, type EducationLevel } from '../../domain/eligibility.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import { composePublicNoticeText } from '../../domain/public-notice.ts';
import type { Context } from '../../server/access.ts';
import { AppError, notFound } from '../../server/errors.ts';
import { loadEnabledItems } from '../dictionaries/dictionaries.service.ts';
import { noticeEndsOn } from './calendar.service.ts';
import { resolveEffectivePolicy } from './policy.service.ts';
import { selectionRepository, type CandidateRow } from './selection.repository.ts';
import { actorName, loadCandidate, recordSideStep, requireDateNotFuture, requireNotBeforeSideSteps, takeStep } from './candidate-steps.ts';
import { presentObjection } from './candidate-presenter.ts';
import { requireTownship } from './shortlist-candidates.ts';

/** Public notice (公示) of a township's candidates on the official calendar, objections and their handling. */

/** The notice's text: the candidates' codes turned into labels, then the domain's wording. */
async function composeNoticeText(db: Executor, township: { name: string }, candidates: readonly CandidateRow[], period: { startsOn: string; endsOn: string; workingDays: number }, contact: string): Promise<string> {
  const dictionaries = await loadEnabledItems(db);
  const label = (items: { code: string; label: string }[], code: string) => items.find((item) => item.code === code)?.label ?? code;
  return composePublicNoticeText({
    townshipName: township.name,
    candidates: candidates.map((candidate) => ({
      name: candidate.name,
      gender: candidate.gender,
      birthDate: candidate.birth_date,
      educationLabel: EDUCATION_LABELS[candidate.education as EducationLevel] ?? label(dictionaries.education, candidate.education),
      politicalLabel: POLITICAL_LABELS[candidate.political_status] ?? label(dictionaries.politicalStatus, candidate.political_status),
      villageName: candidate.village_name,
      targetPostLabel: label(dictionaries.targetPost, candidate.target_post),
    })),
    period,
    contact,
  });
}

export async function startPublicNotice(db: Db, ctx: Context, input: { orgCode: string; startsOn: string; candidateIds: string[]; objectionContact: string }) {
  ctx.access.require('selection.read', [input.orgCode], { record: '组织单位', action: '查看该乡镇的选拔工作' });
  const noticeId = await db.transaction().execute(async (tx) => {
    const township = await requireTownship(tx, input.orgCode);
    const prefix = subtreePrefix(township.code, township.level);
    const policy = (await resolveEffectivePolicy(tx, township.code)).rules.publicNotice;
    const endsOn = await noticeEndsOn(tx, input.startsOn, policy.workingDays, policy.postingDayCounts);
    const candidates: CandidateRow[] = [];
    for (const candidateId of new Set(input.candidateIds)) {
      const candidate = await loadCandidate(tx, ctx, candidateId);
      if (!candidate.org_code.startsWith(prefix)) throw new AppError('VALIDATION_FAILED', `${candidate.name}不是「${township.name}」的人选`);
      await requireNotBeforeSideSteps(tx, candidate.id, input.startsOn, `${candidate.name}的公示开始日期`, ['sendJointReview', 'answerJointReview', 'resolveConcern']);
      candidates.push(candidate);
    }
    const period = { startsOn: input.startsOn, endsOn, workingDays: policy.workingDays };
    const id = await selectionRepository.insertNotice(tx, {
      orgCode: township.code, ...period, postingDayCounts: policy.postingDayCounts, objectionContact: input.objectionContact,
      noticeText: await composeNoticeText(tx, township, candidates, period, input.objectionContact), createdBy: actorName(ctx),
    });
    for (const candidate of candidates) {
      await takeStep(tx, ctx, candidate, {
        action: 'startPublicNotice', isBatch: true, version: candidate.version, occurredOn: input.startsOn, changes: { publicNoticeId: id },
        details: { publicNoticeId: id, startsOn: input.startsOn, endsOn, workingDays: policy.workingDays, postingDayCounts: policy.postingDayCounts },
        summary: `公示 ${input.startsOn} 至 ${endsOn}（${policy.workingDays} 个工作日）`,
      });
    }
    return id;
  });
  return getPublicNotice(db, ctx, noticeId);
}

export async function getPublicNotice(db: Db | Executor, ctx: Context, id: string) {
  const notice = await selectionRepository.findNotice(db, id);
  if (!notice || !ctx.access.sees(notice.org_code)) throw notFound('公示');
  ctx.access.require('selection.read', [notice.org_code], { record: '公示', action: '查看该公示' });
  const prefix = notice.org_code.slice(0, 9);
  const candidates = (await selectionRepository.listCandidates(db, { prefixes: [prefix] }, { offset: 0, limit: 5000 })).rows.filter((row) => row.public_notice_id === id);
  const objections = await selectionRepository.listObjections(db, { publicNoticeId: id });
  return {
    id: notice.id, orgCode: notice.org_code, townshipName: notice.township_name, startsOn: notice.starts_on, endsOn: notice.ends_on, workingDays: notice.working_days,
    postingDayCounts: notice.posting_day_counts, objectionContact: notice.objection_contact, noticeText: notice.notice_text,
    candidates: candidates.map((row) => ({ id: row.id, name: row.name, villageName: row.village_name, stage: row.stage, outcome: row.outcome })),
    objections: objections.map(presentObjection),
  };
}

export async function recordObjection(db: Db, ctx: Context, noticeId: string, input: { candidateId: string; receivedOn: string; content: string }) {
  await db.transaction().execute(async (tx) => {
    const notice = await selectionRepository.findNotice(tx, noticeId);
    if (!notice || !ctx.access.sees(notice.org_code)) throw notFound('公示');
    if (!ctx.access.can('selection.review', notice.org_code)) throw new AppError('FORBIDDEN', '公示异议由乡镇党委登记办理，您的角色不能登记');
    const candidate = await loadCandidate(tx, ctx, input.candidateId);
    if (candidate.public_notice_id !== noticeId) throw new AppError('VALIDATION_FAILED', `${candidate.name}不在这次公示的名单中`);
    requireDateNotFuture(ctx, input.receivedOn, '收到日期');
    if (input.receivedOn < notice.starts_on) throw new AppError('VALIDATION_FAILED', `收到日期（${input.receivedOn}）早于公示开始日期 ${notice.starts_on}`);
    await selectionRepository.insertObjection(tx, { publicNoticeId: noticeId, candidateId: candidate.id, receivedOn: input.receivedOn, content: input.content, recordedBy: actorName(ctx) });
    await recordSideStep(tx, ctx, candidate, 'recordObjection', input.receivedOn, { content: input.content }, '公示期间收到异议');
  });
  return getPublicNotice(db, ctx, noticeId);
}

export async function handleObjection(db: Db, ctx: Context, objectionId: string, input: { handling: string; isSubstantiated: boolean }) {
  const noticeId = await db.transaction().execute(async (tx) => {
    const objection = await selectionRepository.findObjection(tx, objectionId);
    if (!objection) throw notFound('公示异议');
    const candidate = await loadCandidate(tx, ctx, objection.candidate_id);
    if (!ctx.access.can('selection.review', candidate.org_code)) throw new AppError('FORBIDDEN', '公示异议由乡镇党委办理，您的角色不能办理');
    if (!(await selectionRepository.handleObjection(tx, objectionId, { handling: input.handling, isSubstantiated: input.isSubstantiated, handledBy: actorName(ctx) }))) {
      throw new AppError('CONFLICT', '该异议已办结');
    }
    await recordSideStep(tx, ctx, candidate, 'handleObjection', ctx.today, { handling: input.handling, isSubstantiated: input.isSubstantiated },
      `办结公示异议（${input.isSubstantiated ? '反映属实' : '反映不属实'}）：${input.handling}`);
    return objection.public_notice_id;
  });
  return getPublicNotice(db, ctx, noticeId);
}
