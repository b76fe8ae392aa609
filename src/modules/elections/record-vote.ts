import type { Db, Tx } from '../../db/database.ts';
import type { PostAssignment, VoteCounts, VoteResult, VoteTally } from '../../db/schema-elections.ts';
import { COMMITTEE_POSTS, POST_LABELS, type Post } from '../../domain/committee.ts';
import {
  expectedAttendance, registerPublicationProblem, tallyPartyVote, tallyVillagersVote, villagersCandidatesProblem, villagersSeatsProblem, womanMemberProblem, type ExcusedReason,
} from '../../domain/election-arithmetic.ts';
import { ELECTION_COMMITTEE_LABELS, VOTE_KIND_LABELS, type ElectionCommittee, type ElectionStage, type VoteKind } from '../../domain/election-procedure.ts';
import { actorName, type Context } from '../../server/access.ts';
import { AppError, versionConflict } from '../../server/errors.ts';
import { electionsRepository, type CandidateRow, type VillageElectionRow, type VoteRow } from './elections.repository.ts';
import { loadElection, presentAfter, recordElectionStep, requireNotAfterToday, requireStep } from './village-election.ts';

/**
 * The vote: the 党员大会 (quorum of more than four fifths, majority of those present) and the
 * villagers' election day (turnout of more than half, majority of votes cast, one third in a
 * 另行选举); a tie at the cut goes to a further vote, seats left to 另行选举 or fewer seats with
 * approval. A void count is refused with the sentence that says why and nothing is written.
 */

export interface VoteInput {
  committee: ElectionCommittee;
  kind: VoteKind;
  heldOn: string;
  /** Party: members with a vote (the register); villagers: ignored (the voter register counts). */
  electorate?: number | undefined;
  excused?: { name: string; reason: ExcusedReason }[] | undefined;
  present: number;
  proxies?: number | undefined;
  ballotsIssued: number;
  ballotsCollected: number;
  invalidBallots: number;
  tallies: VoteTally[];
  version: number;
}

const NEXT_STAGE: Record<ElectionCommittee, { from: ElectionStage; to: ElectionStage }> = {
  party: { from: 'partyVote', to: 'villagersElection' }, villagers: { from: 'villagersElection', to: 'resultNotice' },
};

function seatsOf(row: VillageElectionRow, committee: ElectionCommittee): number {
  return (committee === 'party' ? row.party_seats : row.villagers_seats) ?? 0;
}

/** Who may be on the ballot of this vote, and for how many seats. */
function ballotOf(row: VillageElectionRow, committee: ElectionCommittee, kind: VoteKind, candidates: CandidateRow[], votes: VoteRow[]): { seats: number; eligible: CandidateRow[] } {
  const label = ELECTION_COMMITTEE_LABELS[committee];
  const last = votes.at(-1);
  const electedSoFar = candidates.filter((candidate) => candidate.status === 'elected').length;
  const onBallot = candidates.filter((candidate) => candidate.status === (committee === 'party' ? 'formal' : 'qualified'));
  if (kind === 'regular') {
    if (last) throw new AppError('CONFLICT', `${label}已登记过正式选举，之后只能登记再次投票或另行选举`);
    const tooFew = committee === 'villagers' ? villagersCandidatesProblem({ seats: seatsOf(row, committee), candidates: onBallot.length }) : null;
    if (tooFew) throw new AppError('CONFLICT', tooFew);
    return { seats: seatsOf(row, committee), eligible: onBallot };
  }
  if (!last) throw new AppError('CONFLICT', `${label}尚未登记正式选举`);
  if (kind === 'further') {
    if (last.result.tied.length === 0) throw new AppError('CONFLICT', '上一轮投票没有票数相等、需要再次投票的候选人');
    return { seats: last.result.seatsForTied, eligible: onBallot.filter((candidate) => last.result.tied.includes(candidate.id)) };
  }
  if (last.result.tied.length > 0) throw new AppError('CONFLICT', '上一轮有票数相等的候选人，应先就他们再次投票');
  const seats = seatsOf(row, committee) - electedSoFar;
  if (seats <= 0) throw new AppError('CONFLICT', `${label}应选名额已满，不需要另行选举`);
  return { seats, eligible: onBallot };
}

export async function recordVote(db: Db, ctx: Context, id: string, input: VoteInput) {
  return db.transaction().execute(async (tx) => {
    const row = await loadElection(tx, ctx, id);
    requireStep(ctx, row, input.committee === 'party' ? 'recordPartyVote' : 'recordVillagersVote');
    requireNotAfterToday(ctx, input.heldOn, '选举日期');
    const candidates = (await electionsRepository.listCandidates(tx, row.id)).filter((candidate) => candidate.committee === input.committee);
    const votes = (await electionsRepository.listVotes(tx, row.id)).filter((vote) => vote.committee === input.committee);
    const last = votes.at(-1);
    if (last && input.heldOn < last.held_on) throw new AppError('VALIDATION_FAILED', `选举日期（${input.heldOn}）不能早于上一轮投票（${last.held_on}）`);
    const { seats, eligible } = ballotOf(row, input.committee, input.kind, candidates, votes);
    const onBallot = new Set(input.tallies.map((tally) => tally.candidateId));
    const missing = eligible.filter((candidate) => !onBallot.has(candidate.id));
    const strangers = input.tallies.filter((tally) => !eligible.some((candidate) => candidate.id === tally.candidateId));
    if (strangers.length > 0 || onBallot.size !== input.tallies.length) throw new AppError('VALIDATION_FAILED', `票数中有不在本轮选票上的候选人，请按本轮（${VOTE_KIND_LABELS[input.kind]}）的候选人登记`);
    if (input.kind !== 'runoff' && missing.length > 0) throw new AppError('VALIDATION_FAILED', `请登记${missing.map((candidate) => candidate.name).join('、')}的得票`);
    if (input.kind === 'runoff' && input.tallies.length === 0) throw new AppError('VALIDATION_FAILED', '请登记另行选举候选人的得票');
    const names = new Map(candidates.map((candidate) => [candidate.id, candidate.name]));
    const tallies = input.tallies.map((tally) => ({ ...tally, name: names.get(tally.candidateId)! }));

    let counts: VoteCounts;
    let result;
    if (input.committee === 'party') {
      const excused = input.excused ?? [];
      const electorate = input.electorate ?? 0;
      const expected = expectedAttendance(electorate, excused.length);
      counts = { electorate, excused, expected, present: input.present, proxies: 0, ballotsIssued: input.ballotsIssued, ballotsCollected: input.ballotsCollected, invalidBallots: input.invalidBallots };
      result = tallyPartyVote({ seats, expected, present: input.present, ballotsIssued: input.ballotsIssued, ballotsCollected: input.ballotsCollected, invalidBallots: input.invalidBallots, tallies });
    } else {
      const register = row.voter_register;
      if (!register) throw new AppError('CONFLICT', '尚未登记选民名单，不能登记村民委员会选举结果');
      const publication = registerPublicationProblem({ publishedOn: register.publishedOn, electionDay: input.heldOn });
      if (publication) throw new AppError('CONFLICT', publication);
      const open = (await electionsRepository.listObjections(tx, row.id)).filter((objection) => objection.kind === 'register' && objection.handled_on === null);
      if (open.length > 0) throw new AppError('CONFLICT', `对选民名单的异议还有 ${open.length} 件未作出处理，不能进行选举`);
      counts = {
        electorate: register.registered, excused: [], expected: register.registered, present: input.present, proxies: input.proxies ?? 0,
        ballotsIssued: input.ballotsIssued, ballotsCollected: input.ballotsCollected, invalidBallots: input.invalidBallots,
      };
      if (counts.proxies > input.present) throw new AppError('VALIDATION_FAILED', `委托投票 ${counts.proxies} 人，多于参加投票的 ${input.present} 人，请核对`);
      result = tallyVillagersVote({
        seats, registered: register.registered, votesCast: input.present, ballotsIssued: input.ballotsIssued, ballotsCollected: input.ballotsCollected,
        invalidBallots: input.invalidBallots, isRunoff: input.kind === 'runoff', tallies,
      });
    }
    if (!result.isValid) throw new AppError('CONFLICT', result.problems.join('；'));
    const stored: VoteResult = { elected: result.elected, tied: result.tied, seatsForTied: result.seatsForTied, unfilledSeats: result.unfilledSeats, candidates: result.candidates };
    await electionsRepository.insertVote(tx, {
      village_election_id: row.id, org_code: row.org_code, committee: input.committee, kind: input.kind, held_on: input.heldOn, seats,
      counts, tallies: input.tallies, result: stored, recorded_by: actorName(ctx),
    });
    await electionsRepository.setCandidateStatus(tx, result.elected, 'elected');
    const changed = await finishIfFilled(tx, row, input.committee, input.version);
    const electedNames = result.elected.map((candidateId) => names.get(candidateId)).join('、') || '无';
    await recordElectionStep(tx, ctx, row, {
      action: input.committee === 'party' ? 'recordPartyVote' : 'recordVillagersVote', occurredOn: input.heldOn,
      summary: `${ELECTION_COMMITTEE_LABELS[input.committee]}${VOTE_KIND_LABELS[input.kind]}（应选 ${seats} 名）当选：${electedNames}`
        + `${result.tied.length > 0 ? `；票数相等需再次投票：${result.tied.map((candidateId) => names.get(candidateId)).join('、')}` : ''}`
        + `${result.unfilledSeats > 0 ? `；尚缺 ${result.unfilledSeats} 名，应另行选举或经批准减少职数` : ''}${changed ? '；选举完成' : ''}`,
      details: { committee: input.committee, kind: input.kind, seats, counts, result: stored },
    });
    return presentAfter(tx, ctx, row.id);
  });
}

/** When every seat of the committee is filled: the others are not elected, and the village moves on. */
async function finishIfFilled(tx: Tx, row: VillageElectionRow, committee: ElectionCommittee, version: number): Promise<boolean> {
  const candidates = (await electionsRepository.listCandidates(tx, row.id)).filter((candidate) => candidate.committee === committee);
  const elected = candidates.filter((candidate) => candidate.status === 'elected').length;
  const isFilled = elected >= seatsOf(row, committee);
  const stage = isFilled ? NEXT_STAGE[committee].to : row.stage;
  if (!(await electionsRepository.update(tx, row.id, { version, stage: NEXT_STAGE[committee].from }, { stage }))) throw versionConflict(`「${row.village_name}」的换届`);
  if (isFilled) {
    await electionsRepository.setCandidateStatus(tx, candidates.filter((candidate) => candidate.status === 'formal' || candidate.status === 'qualified').map((candidate) => candidate.id), 'notElected');
  }
  return isFilled;
}

/** Seats left unfilled reduced with the higher organisation's approval (never filled by a plurality). */
export async function reduceSeats(db: Db, ctx: Context, id: string, input: { committee: ElectionCommittee; seats: number; approvedOn: string; basis: string; version: number }) {
  return db.transaction().execute(async (tx) => {
    const row = await loadElection(tx, ctx, id);
    requireStep(ctx, row, 'reduceSeats');
    if (row.stage !== NEXT_STAGE[input.committee].from) throw new AppError('CONFLICT', `现在不是${ELECTION_COMMITTEE_LABELS[input.committee]}的选举阶段`);
    requireNotAfterToday(ctx, input.approvedOn, '批准日期');
    const elected = (await electionsRepository.listCandidates(tx, row.id)).filter((candidate) => candidate.committee === input.committee && candidate.status === 'elected').length;
    const current = seatsOf(row, input.committee);
    if (input.seats >= current) throw new AppError('VALIDATION_FAILED', `减少后的职数（${input.seats}）应少于原职数（${current}）`);
    if (input.seats !== elected) throw new AppError('VALIDATION_FAILED', `已当选 ${elected} 名，减少后的职数应为 ${elected}`);
    if (input.committee === 'villagers') {
      const problem = villagersSeatsProblem(input.seats);
      if (problem) throw new AppError('VALIDATION_FAILED', problem);
    }
    if (!(await electionsRepository.update(tx, row.id, { version: input.version }, input.committee === 'party' ? { party_seats: input.seats } : { villagers_seats: input.seats }))) {
      throw versionConflict(`「${row.village_name}」的职数`);
    }
    const reloaded = (await electionsRepository.find(tx, row.id))!;
    await finishIfFilled(tx, reloaded, input.committee, reloaded.version);
    await recordElectionStep(tx, ctx, row, {
      action: 'reduceSeats', occurredOn: input.approvedOn, summary: `经批准，${ELECTION_COMMITTEE_LABELS[input.committee]}职数由 ${current} 名减为 ${input.seats} 名：${input.basis}`,
      before: { seats: current }, details: input,
    });
    return presentAfter(tx, ctx, row.id);
  });
}

/**
 * The posts of the elected: the Party committee's first meeting (or the direct vote, as the plan
 * says) names the secretary and deputy; the villagers committee's director and deputies.
 */
export async function assignPosts(db: Db, ctx: Context, id: string, input: { committee: ElectionCommittee; decidedOn: string; assignments: { candidateId: string; post: Post }[]; version: number }) {
  return db.transaction().execute(async (tx) => {
    const row = await loadElection(tx, ctx, id);
    requireStep(ctx, row, 'assignPosts');
    requireNotAfterToday(ctx, input.decidedOn, '日期');
    const committee: ElectionCommittee = input.committee;
    const head: Post = committee === 'party' ? 'secretary' : 'director';
    const deputy: Post = committee === 'party' ? 'deputySecretary' : 'deputyDirector';
    const elected = (await electionsRepository.listCandidates(tx, row.id)).filter((candidate) => candidate.committee === committee && candidate.status === 'elected');
    if (committee === 'party' && row.stage !== 'villagersElection' && row.stage !== 'resultNotice') throw new AppError('CONFLICT', '党组织委员会选举尚未完成');
    if (committee === 'villagers' && row.stage !== 'resultNotice') throw new AppError('CONFLICT', '村民委员会选举尚未完成');
    for (const assignment of input.assignments) {
      if (!elected.some((candidate) => candidate.id === assignment.candidateId)) throw new AppError('VALIDATION_FAILED', '只能在当选的委员中确定职务');
      if (!COMMITTEE_POSTS[committee].includes(assignment.post)) throw new AppError('VALIDATION_FAILED', `${ELECTION_COMMITTEE_LABELS[committee]}没有「${POST_LABELS[assignment.post]}」职务`);
    }
    if (input.assignments.filter((assignment) => assignment.post === head).length !== 1) throw new AppError('VALIDATION_FAILED', `请确定一名${POST_LABELS[head]}`);
    if (new Set(input.assignments.map((assignment) => assignment.candidateId)).size !== input.assignments.length) throw new AppError('VALIDATION_FAILED', '一人只能确定一个职务');
    if (committee === 'party' && row.secretary_mode === 'direct') {
      const secretary = elected.find((candidate) => candidate.id === input.assignments.find((assignment) => assignment.post === head)!.candidateId)!;
      if (!secretary.is_secretary_candidate) throw new AppError('VALIDATION_FAILED', `${secretary.name}不是经“双签”的书记候选人`);
    }
    const posts: PostAssignment[] = [
      ...row.posts.filter((post) => post.committee !== committee),
      ...input.assignments.map((assignment) => ({ candidateId: assignment.candidateId, committee, post: assignment.post, decidedOn: input.decidedOn })),
    ];
    if (!(await electionsRepository.update(tx, row.id, { version: input.version }, { posts: JSON.stringify(posts) }))) throw versionConflict(`「${row.village_name}」的换届`);
    const names = new Map(elected.map((candidate) => [candidate.id, candidate.name]));
    await recordElectionStep(tx, ctx, row, {
      action: 'assignPosts', occurredOn: input.decidedOn,
      summary: `${ELECTION_COMMITTEE_LABELS[committee]}：${input.assignments.map((assignment) => `${POST_LABELS[assignment.post]} ${names.get(assignment.candidateId)}`).join('，')}`
        + `（${committee === 'party' && row.secretary_mode === 'direct' ? '直接选举产生' : `${POST_LABELS[deputy]}等由委员会第一次会议选举`}）`,
      before: { posts: row.posts.filter((post) => post.committee === committee) }, details: { committee, assignments: input.assignments },
    });
    return presentAfter(tx, ctx, row.id);
  });
}

/** What keeps the result from its notice: posts not named, or no woman on the villagers committee. */
export function resultProblems(row: VillageElectionRow, candidates: readonly CandidateRow[]): string[] {
  const problems: string[] = [];
  if (!row.posts.some((post) => post.committee === 'party' && post.post === 'secretary')) problems.push('尚未确定村党组织书记');
  if (!row.posts.some((post) => post.committee === 'villagers' && post.post === 'director')) problems.push('尚未确定村民委员会主任');
  const woman = womanMemberProblem(candidates.filter((candidate) => candidate.committee === 'villagers' && candidate.status === 'elected'));
  if (woman) problems.push(woman);
  return problems;
}
