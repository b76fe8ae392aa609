import type { Db, Tx } from '../../db/database.ts';
import type { Handover, ResultNotice } from '../../db/schema-elections.ts';
import { postLabel, type Committee, type Post } from '../../domain/committee.ts';
import { HANDOVER_DAYS, RESULT_NOTICE_WORKING_DAYS, compositionOf, type CompositionMember, type VillageComposition } from '../../domain/election-procedure.ts';
import { addCalendarDays } from '../../domain/election-arithmetic.ts';
import type { Context } from '../../server/access.ts';
import { AppError, versionConflict } from '../../server/errors.ts';
import { changeReserveStatus, findReserve, findReservesOfPeople } from '../reserves/reserves.service.ts';
import { noticeEndsOn } from '../selection/calendar.service.ts';
import { resolveEffectivePolicy } from '../selection/policy.service.ts';
import { endMemberTerm, listSittingMembers, seatMember } from '../villages/committee-roster.ts';
import { electionsRepository, type CandidateRow, type VillageElectionRow } from './elections.repository.ts';
import { resultProblems } from './record-vote.ts';
import { loadElection, presentAfter, recordElectionStep, requireNotAfterToday, requireStep } from './village-election.ts';

/**
 * The result: the notice of at least 5 working days on the official calendar, objections, the
 * township's approval and appointment, the county's filing — then the new committees go into the
 * 两委 roster, the members leaving end their term, and the reserves elected are used.
 */

export async function startResultNotice(db: Db, ctx: Context, id: string, input: { startsOn: string; version: number }) {
  return db.transaction().execute(async (tx) => {
    const row = await loadElection(tx, ctx, id);
    requireStep(ctx, row, 'startNotice');
    if (row.notice) throw new AppError('CONFLICT', `选举结果已于 ${row.notice.startsOn} 开始公示`);
    const problems = resultProblems(row, await electionsRepository.listCandidates(tx, row.id));
    if (problems.length > 0) throw new AppError('CONFLICT', `不能发布公示：${problems.join('；')}`);
    const lastVote = (await electionsRepository.listVotes(tx, row.id)).at(-1);
    if (lastVote && input.startsOn < lastVote.held_on) throw new AppError('VALIDATION_FAILED', `公示开始日期（${input.startsOn}）不能早于选举日期（${lastVote.held_on}）`);
    requireNotAfterToday(ctx, input.startsOn, '公示开始日期');
    const policy = (await resolveEffectivePolicy(tx, row.org_code)).rules.publicNotice;
    const workingDays = Math.max(RESULT_NOTICE_WORKING_DAYS, policy.workingDays);
    const notice: ResultNotice = { startsOn: input.startsOn, endsOn: await noticeEndsOn(tx, input.startsOn, workingDays, policy.postingDayCounts), workingDays };
    if (!(await electionsRepository.update(tx, row.id, { version: input.version, stage: 'resultNotice' }, { notice: JSON.stringify(notice) }))) throw versionConflict(`「${row.village_name}」的换届`);
    await recordElectionStep(tx, ctx, row, { action: 'startNotice', occurredOn: input.startsOn, summary: `选举结果公示 ${notice.startsOn} 至 ${notice.endsOn}（${workingDays} 个工作日）`, details: { ...notice } });
    return presentAfter(tx, ctx, row.id);
  });
}

/** The township approves after the notice has run its days with every objection handled. */
export async function approveResult(db: Db, ctx: Context, id: string, input: { approvedOn: string; version: number }) {
  return db.transaction().execute(async (tx) => {
    const row = await loadElection(tx, ctx, id);
    requireStep(ctx, row, 'approveResult');
    if (!row.notice) throw new AppError('CONFLICT', '选举结果尚未公示，不能审批');
    if (input.approvedOn <= row.notice.endsOn) {
      throw new AppError('CONFLICT', `选举结果公示期至 ${row.notice.endsOn}（${row.notice.workingDays} 个工作日），${input.approvedOn} 尚未期满，不能审批`);
    }
    requireNotAfterToday(ctx, input.approvedOn, '审批日期');
    const open = (await electionsRepository.listObjections(tx, row.id)).filter((objection) => objection.kind === 'result' && objection.handled_on === null);
    if (open.length > 0) throw new AppError('CONFLICT', `公示期间反映的问题还有 ${open.length} 件未办结，不能审批`);
    if (!(await electionsRepository.update(tx, row.id, { version: input.version, stage: 'resultNotice' }, { approved_on: input.approvedOn, stage: 'filing' }))) {
      throw versionConflict(`「${row.village_name}」的换届`);
    }
    await recordElectionStep(tx, ctx, row, { action: 'approveResult', occurredOn: input.approvedOn, summary: `乡镇党委审批选举结果并任命（${input.approvedOn}）`, details: input });
    return presentAfter(tx, ctx, row.id);
  });
}

function memberOf(candidate: CandidateRow, post: string): CompositionMember {
  return { personId: candidate.person_id, committee: candidate.committee, post, gender: candidate.gender, birthDate: candidate.birth_date, education: candidate.education };
}

/** The new committees into the roster, the old ones' terms ended, reserves used; returns the composition before and after. */
async function seatNewCommittees(tx: Tx, ctx: Context, row: VillageElectionRow, startedOn: string): Promise<VillageComposition> {
  const sitting = (await listSittingMembers(tx, row.org_code)).filter((member) => member.committee === 'party' || member.committee === 'villagers');
  const before = compositionOf(sitting.map((member) => ({
    personId: member.person_id, committee: member.committee as 'party' | 'villagers', post: member.post, gender: member.gender, birthDate: member.birth_date, education: member.education,
  })), startedOn);
  for (const member of sitting) await endMemberTerm(tx, ctx, member, startedOn, row.village_name);
  const elected = (await electionsRepository.listCandidates(tx, row.id)).filter((candidate) => candidate.status === 'elected');
  const postOf = (candidate: CandidateRow): Post => (row.posts.find((post) => post.candidateId === candidate.id)?.post as Post | undefined) ?? 'member';
  for (const candidate of elected) {
    const post = postOf(candidate);
    await seatMember(tx, ctx, { orgCode: row.org_code, personId: candidate.person_id, committee: candidate.committee as Committee, post, termYear: row.term_year, startedOn });
    await electionsRepository.setCandidateStatus(tx, [candidate.id], 'elected', post);
  }
  const after = compositionOf(elected.map((candidate) => memberOf(candidate, postOf(candidate))), startedOn);
  const reserves = await findReservesOfPeople(tx, [...new Set(elected.map((candidate) => candidate.person_id))]);
  const usedPeople = new Set<string>();
  for (const [key, stored] of reserves) {
    const reserve = await findReserve(tx, stored.id);
    if (!reserve || reserve.status !== 'admitted') continue;
    const personId = key.split('/')[0]!;
    const posts = elected.filter((candidate) => candidate.person_id === personId).map((candidate) => postLabel(candidate.committee as Committee, postOf(candidate)));
    await changeReserveStatus(tx, ctx, {
      reserveId: stored.id, version: reserve.version, toStatus: 'appointed', action: 'reserve.appoint',
      reason: `已选用：${row.term_year} 年换届当选「${row.village_name}」${posts.join('、')}（${startedOn} 起）`,
      summary: `${reserve.name}换届当选「${row.village_name}」${posts.join('、')}，后备力量状态改为已选用`,
    });
    usedPeople.add(personId);
  }
  const electedPeople = new Set(elected.map((candidate) => candidate.person_id));
  const leaving = [...new Map(sitting.filter((member) => !electedPeople.has(member.person_id)).map((member) => [member.person_id, { personId: member.person_id, name: member.name }])).values()];
  const newSecretary = elected.find((candidate) => candidate.committee === 'party' && postOf(candidate) === 'secretary');
  const previousSecretary = sitting.find((member) => member.committee === 'party' && member.post === 'secretary');
  return {
    before, after, reservesUsed: usedPeople.size, leaving,
    isNewSecretaryFromReserves: newSecretary !== undefined && usedPeople.has(newSecretary.person_id) && previousSecretary?.person_id !== newSecretary.person_id,
  };
}

/** The county files the result; the roster, the reserves and the composition follow in the same transaction. */
export async function fileResult(db: Db, ctx: Context, id: string, input: { filedOn: string; version: number }) {
  return db.transaction().execute(async (tx) => {
    const row = await loadElection(tx, ctx, id);
    requireStep(ctx, row, 'file');
    requireNotAfterToday(ctx, input.filedOn, '备案日期');
    if (input.filedOn < row.approved_on!) throw new AppError('VALIDATION_FAILED', `备案日期（${input.filedOn}）不能早于乡镇党委审批日期（${row.approved_on}）`);
    const composition = await seatNewCommittees(tx, ctx, row, row.approved_on!);
    if (!(await electionsRepository.update(tx, row.id, { version: input.version, stage: 'filing' }, { filed_on: input.filedOn, stage: 'filed', composition: JSON.stringify(composition) }))) {
      throw versionConflict(`「${row.village_name}」的换届`);
    }
    await recordElectionStep(tx, ctx, row, {
      action: 'file', occurredOn: input.filedOn,
      summary: `县委组织部备案；新一届“两委”${composition.after.members} 人进入名册（${row.approved_on} 起），使用后备力量 ${composition.reservesUsed} 名`, details: { ...input, composition },
    });
    return presentAfter(tx, ctx, row.id);
  });
}

/** Talks with those not re-elected (落选离职谈话) and the handover within 10 days of the approval. */
export async function recordHandover(db: Db, ctx: Context, id: string, input: Handover & { version: number }) {
  return db.transaction().execute(async (tx) => {
    const row = await loadElection(tx, ctx, id);
    requireStep(ctx, row, 'handover');
    requireNotAfterToday(ctx, input.handedOverOn, '交接日期');
    const deadline = addCalendarDays(row.approved_on!, HANDOVER_DAYS);
    if (input.handedOverOn < row.approved_on!) throw new AppError('VALIDATION_FAILED', `交接日期（${input.handedOverOn}）不能早于审批日期（${row.approved_on}）`);
    const leaving = row.composition?.leaving?.map((member) => member.name);
    const strangers = leaving ? input.talks.filter((talk) => !leaving.includes(talk.name)) : [];
    if (strangers.length > 0) {
      throw new AppError('VALIDATION_FAILED', `${strangers.map((talk) => talk.name).join('、')}不是本次换届离任的成员（离任：${leaving!.join('、') || '无'}），请按离任人员登记落选离职谈话`);
    }
    for (const talk of input.talks) {
      requireNotAfterToday(ctx, talk.talkedOn, `${talk.name}的谈话日期`);
      if (talk.talkedOn < row.approved_on!) throw new AppError('VALIDATION_FAILED', `${talk.name}的谈话日期（${talk.talkedOn}）不能早于审批日期（${row.approved_on}）`);
    }
    const handover: Handover = { handedOverOn: input.handedOverOn, talks: input.talks };
    if (!(await electionsRepository.update(tx, row.id, { version: input.version }, { handover: JSON.stringify(handover) }))) throw versionConflict(`「${row.village_name}」的换届`);
    await recordElectionStep(tx, ctx, row, {
      action: 'handover', occurredOn: input.handedOverOn,
      summary: `新老班子交接 ${input.handedOverOn}${input.handedOverOn > deadline ? `（超过审批后 ${HANDOVER_DAYS} 日的期限 ${deadline}）` : ''}；落选离职谈话 ${input.talks.length} 人`, details: { ...handover },
    });
    return presentAfter(tx, ctx, row.id);
  });
}
