import { describe, expect, it } from 'vitest';
import {
  ballotCountProblem, ballotMarksProblem, competitiveMarginProblem, expectedAttendance, isMoreThanHalf, minimumCandidates, needsCountyApproval,
  partyQuorumProblem, registerDecisionProblem, registerObjectionProblem, registerPublicationProblem, tallyPartyVote, tallyVillagersVote,
  villagersCandidatesProblem, villagersSeatsProblem, villagersTurnoutProblem, womanMemberProblem, youngSecretaryShare,
  type CandidateTally,
} from './election-arithmetic.ts';

const tally = (name: string, votesFor: number, votesAgainst = 0, abstentions = 0): CandidateTally => ({ candidateId: name, name, votesFor, votesAgainst, abstentions });

const partyVote = (tallies: CandidateTally[], overrides: Partial<Parameters<typeof tallyPartyVote>[0]> = {}) => tallyPartyVote({
  seats: 2, expected: 50, present: 41, ballotsIssued: 41, ballotsCollected: 41, invalidBallots: 0, tallies, ...overrides,
});

describe('the Party organisation quorum (more than four fifths of 应到会)', () => {
  it('refuses exactly four fifths, naming the numbers', () => {
    expect(partyQuorumProblem({ expected: 50, present: 40 })).toBe('应到会 50 人，实到会 40 人，未超过五分之四，选举无效');
  });
  it('accepts one more than four fifths', () => {
    expect(partyQuorumProblem({ expected: 50, present: 41 })).toBeNull();
  });
  it('works where four fifths is not a whole number: 7 expected needs 6', () => {
    expect(partyQuorumProblem({ expected: 7, present: 5 })).toBe('应到会 7 人，实到会 5 人，未超过五分之四，选举无效');
    expect(partyQuorumProblem({ expected: 7, present: 6 })).toBeNull();
  });
  it('refuses more present than expected and an empty meeting', () => {
    expect(partyQuorumProblem({ expected: 10, present: 11 })).toBe('实到会 11 人多于应到会 10 人，请核对');
    expect(partyQuorumProblem({ expected: 0, present: 0 })).toBe('应到会 0 人，无法举行选举');
  });
  it('takes the excused members out of 应到会', () => {
    expect(expectedAttendance(53, 3)).toBe(50);
  });
});

describe('ballots', () => {
  it('voids the vote when more are collected than issued, and not when equal or fewer', () => {
    expect(ballotCountProblem({ issued: 41, collected: 42 })).toBe('发出选票 41 张，收回 42 张，收回多于发出，选举无效');
    expect(ballotCountProblem({ issued: 41, collected: 41 })).toBeNull();
    expect(ballotCountProblem({ issued: 41, collected: 40 })).toBeNull();
  });
  it('refuses more ballots issued than members present', () => {
    expect(ballotCountProblem({ issued: 42, collected: 40, present: 41 })).toBe('发出选票 42 张，多于到会有选举权的 41 人，请核对');
  });
  it('makes a ballot marking more names than seats invalid, and one marking exactly the seats valid', () => {
    expect(ballotMarksProblem({ marked: 6, seats: 5 })).toBe('选票赞成 6 人，多于应选 5 名，此票无效');
    expect(ballotMarksProblem({ marked: 5, seats: 5 })).toBeNull();
    expect(ballotMarksProblem({ marked: 0, seats: 5 })).toBeNull();
  });
});

describe('the majority of those present (more than half)', () => {
  it('is not reached at exactly half', () => {
    expect(isMoreThanHalf(20, 40)).toBe(false);
    expect(isMoreThanHalf(21, 40)).toBe(true);
    expect(isMoreThanHalf(21, 41)).toBe(true);
    expect(isMoreThanHalf(20, 41)).toBe(false);
  });
  it('elects a candidate with more than half of those present, not one with exactly half', () => {
    const result = partyVote([tally('甲', 30), tally('乙', 21), tally('丙', 20)], { present: 40, expected: 45, ballotsIssued: 40, ballotsCollected: 40 });
    expect(result.isValid).toBe(true);
    expect(result.elected).toEqual(['甲', '乙']);
    expect(result.candidates.find((candidate) => candidate.name === '丙')?.explanation).toBe('得票 20，实到会有选举权的党员 40 人，未超过半数，不能当选');
  });
  it('counts the majority against those present, not against the valid ballots', () => {
    const result = partyVote([tally('甲', 20), tally('乙', 20)], { present: 41, invalidBallots: 5 });
    expect(result.elected).toEqual([]);
    expect(result.unfilledSeats).toBe(2);
  });
});

describe('the Party vote as a whole', () => {
  it('is void below the quorum, with the sentence, and elects nobody', () => {
    const result = partyVote([tally('甲', 40)], { present: 40, ballotsIssued: 40, ballotsCollected: 40 });
    expect(result.isValid).toBe(false);
    expect(result.problems).toEqual(['应到会 50 人，实到会 40 人，未超过五分之四，选举无效']);
    expect(result.elected).toEqual([]);
  });
  it('is void with more ballots collected than issued', () => {
    const result = partyVote([tally('甲', 40)], { ballotsIssued: 40, ballotsCollected: 41 });
    expect(result.problems).toEqual(['发出选票 40 张，收回 41 张，收回多于发出，选举无效']);
  });
  it('refuses a candidate with more votes than valid ballots (invalid ballots taken out)', () => {
    const result = partyVote([tally('甲', 38, 2, 1)], { invalidBallots: 2 });
    expect(result.isValid).toBe(false);
    expect(result.problems).toEqual(['甲赞成、反对、弃权共 41 票，多于有效选票 39 张，请核对']);
  });
  it('fills seats by votes when more pass than seats', () => {
    const result = partyVote([tally('甲', 35), tally('乙', 30), tally('丙', 25)]);
    expect(result.elected).toEqual(['甲', '乙']);
    expect(result.candidates.find((candidate) => candidate.name === '丙')?.outcome).toBe('notElected');
    expect(result.candidates.find((candidate) => candidate.name === '丙')?.explanation).toBe('得票 25，虽超过半数，但按得票多少排序未进入应选名额，未当选');
    expect(result.unfilledSeats).toBe(0);
  });
  it('sends a tie at the cut to a further vote among the tied', () => {
    const result = partyVote([tally('甲', 35), tally('乙', 30), tally('丙', 30), tally('丁', 10)]);
    expect(result.elected).toEqual(['甲']);
    expect(result.tied.sort()).toEqual(['丙', '乙']);
    expect(result.seatsForTied).toBe(1);
    expect(result.unfilledSeats).toBe(0);
    expect(result.candidates.find((candidate) => candidate.name === '乙')?.outcome).toBe('tied');
  });
  it('elects all the tied when they fit the seats', () => {
    const result = partyVote([tally('甲', 30), tally('乙', 30), tally('丙', 10)]);
    expect(result.elected.sort()).toEqual(['乙', '甲']);
    expect(result.tied).toEqual([]);
  });
  it('leaves seats unfilled for 另行选举 when too few pass — never a plurality', () => {
    const result = partyVote([tally('甲', 35), tally('乙', 20), tally('丙', 19)]);
    expect(result.elected).toEqual(['甲']);
    expect(result.unfilledSeats).toBe(1);
  });
  it('tallies a 另行选举 with the same majority', () => {
    const runoff = partyVote([tally('乙', 21), tally('丙', 20)], { seats: 1 });
    expect(runoff.elected).toEqual(['乙']);
    const failed = partyVote([tally('乙', 20), tally('丙', 20)], { seats: 1, present: 41 });
    expect(failed.elected).toEqual([]);
    expect(failed.unfilledSeats).toBe(1);
  });
});

describe('the competitive margin (差额), rounded up', () => {
  it('needs 6 candidates for 5 seats and 9 for 7', () => {
    expect(minimumCandidates(5)).toBe(6);
    expect(minimumCandidates(7)).toBe(9);
    expect(minimumCandidates(3)).toBe(4);
    expect(minimumCandidates(1)).toBe(2);
    expect(minimumCandidates(10)).toBe(12);
    expect(minimumCandidates(7, 0.3)).toBe(10);
  });
  it('refuses too few candidates with the numbers, accepts exactly the minimum', () => {
    expect(competitiveMarginProblem({ seats: 7, candidates: 8 })).toBe('委员应选 7 名，正式候选人 8 名，差额不足 20%，候选人应不少于 9 名');
    expect(competitiveMarginProblem({ seats: 7, candidates: 9 })).toBeNull();
    expect(competitiveMarginProblem({ seats: 5, candidates: 5 })).toBe('委员应选 5 名，正式候选人 5 名，差额不足 20%，候选人应不少于 6 名');
    expect(competitiveMarginProblem({ seats: 1, candidates: 1, what: '书记' })).toBe('书记应选 1 名，正式候选人 1 名，差额不足 20%，候选人应不少于 2 名');
  });
});

describe('seats', () => {
  it('keeps the villagers committee between 3 and 7', () => {
    expect(villagersSeatsProblem(2)).toBe('村民委员会由主任、副主任和委员共 3 至 7 人组成，设定的职数 2 名不符合规定');
    expect(villagersSeatsProblem(3)).toBeNull();
    expect(villagersSeatsProblem(7)).toBeNull();
    expect(villagersSeatsProblem(8)).toBe('村民委员会由主任、副主任和委员共 3 至 7 人组成，设定的职数 8 名不符合规定');
  });
  it('needs the county for more than the standard number only', () => {
    expect(needsCountyApproval(5, 5)).toBe(false);
    expect(needsCountyApproval(6, 5)).toBe(true);
  });
  it('needs a woman on the villagers committee', () => {
    expect(womanMemberProblem([{ gender: 'male' }, { gender: 'male' }, { gender: 'male' }])).toBe('村民委员会成员中应当有妇女成员，当选人中没有女性，请依法另行选举妇女成员');
    expect(womanMemberProblem([{ gender: 'male' }, { gender: 'female' }])).toBeNull();
  });
  it('needs more villagers committee candidates than seats', () => {
    expect(villagersCandidatesProblem({ seats: 5, candidates: 5 })).toBe('村民委员会应选 5 名，候选人 5 名，候选人应多于应选人数（差额选举）');
    expect(villagersCandidatesProblem({ seats: 5, candidates: 6 })).toBeNull();
  });
});

const villagersVote = (tallies: CandidateTally[], overrides: Partial<Parameters<typeof tallyVillagersVote>[0]> = {}) => tallyVillagersVote({
  seats: 2, registered: 1000, votesCast: 600, ballotsIssued: 600, ballotsCollected: 600, invalidBallots: 0, isRunoff: false, tallies, ...overrides,
});

describe('the villagers committee vote', () => {
  it('is void at exactly half of the registered voters', () => {
    expect(villagersTurnoutProblem({ registered: 1000, voted: 500 })).toBe('登记参加选举的村民 1000 人，参加投票 500 人，未超过半数，选举无效');
    expect(villagersTurnoutProblem({ registered: 1000, voted: 501 })).toBeNull();
    const result = villagersVote([tally('甲', 400)], { votesCast: 500, ballotsIssued: 500, ballotsCollected: 500 });
    expect(result.isValid).toBe(false);
    expect(result.problems).toEqual(['登记参加选举的村民 1000 人，参加投票 500 人，未超过半数，选举无效']);
  });
  it('elects with more than half of the votes cast, not with exactly half', () => {
    const result = villagersVote([tally('甲', 301), tally('乙', 300)]);
    expect(result.elected).toEqual(['甲']);
    expect(result.unfilledSeats).toBe(1);
    expect(result.candidates.find((candidate) => candidate.name === '乙')?.explanation).toBe('得票 300，参加投票 600 人，未超过半数，不能当选');
  });
  it('voids more ballots collected than issued or than voters', () => {
    expect(villagersVote([tally('甲', 400)], { ballotsCollected: 601 }).problems).toContain('发出选票 600 张，收回 601 张，收回多于发出，选举无效');
    expect(villagersVote([tally('甲', 400)], { votesCast: 590, ballotsIssued: 600, ballotsCollected: 595 }).problems).toEqual(['收回选票 595 张，多于参加投票的 590 人，选举无效']);
  });
  it('in 另行选举 elects the most votes, but not below one third of the votes cast', () => {
    const result = villagersVote([tally('甲', 200), tally('乙', 199)], { seats: 1, isRunoff: true });
    expect(result.elected).toEqual(['甲']);
    const floor = villagersVote([tally('甲', 199), tally('乙', 150)], { seats: 1, isRunoff: true });
    expect(floor.elected).toEqual([]);
    expect(floor.unfilledSeats).toBe(1);
    expect(floor.candidates[0]?.explanation).toBe('得票 199，参加投票 600 人，少于三分之一，不能当选');
  });
  it('sends a tie at the cut in 另行选举 to a further vote', () => {
    const result = villagersVote([tally('甲', 250), tally('乙', 250)], { seats: 1, isRunoff: true });
    expect(result.elected).toEqual([]);
    expect(result.tied.sort()).toEqual(['乙', '甲']);
    expect(result.seatsForTied).toBe(1);
  });
});

describe('the voter register dates', () => {
  it('is published at least 20 days before election day', () => {
    expect(registerPublicationProblem({ publishedOn: '2026-11-01', electionDay: '2026-11-21' })).toBeNull();
    expect(registerPublicationProblem({ publishedOn: '2026-11-02', electionDay: '2026-11-21' })).toBe('选民名单于 2026-11-02 公布，距选举日 2026-11-21 仅 19 日，应在选举日的 20 日以前公布');
  });
  it('takes objections within 5 days and decides them within 3', () => {
    expect(registerObjectionProblem({ publishedOn: '2026-11-01', receivedOn: '2026-11-06' })).toBeNull();
    expect(registerObjectionProblem({ publishedOn: '2026-11-01', receivedOn: '2026-11-07' })).toBe('选民名单于 2026-11-01 公布，异议于 2026-11-07 提出，已超过公布之日起 5 日的期限');
    expect(registerDecisionProblem({ receivedOn: '2026-11-06', decidedOn: '2026-11-09' })).toBeNull();
    expect(registerDecisionProblem({ receivedOn: '2026-11-06', decidedOn: '2026-11-10' })).toBe('异议于 2026-11-06 收到，2026-11-10 才作出处理，应在 3 日内作出');
  });
});

describe('the share of secretary candidates aged 45 or under', () => {
  it('warns below 30 % and not at it', () => {
    expect(youngSecretaryShare([40, 50, 51, 52], { share: 0.3, maximumAge: 45 }).warning).toBe('书记候选人 4 名中 45 周岁及以下 1 名，占 25%，低于 30% 的要求');
    expect(youngSecretaryShare([40, 44, 50, 51, 52, 53, 54, 55, 56, 57], { share: 0.3, maximumAge: 45 }).warning).toBe('书记候选人 10 名中 45 周岁及以下 2 名，占 20%，低于 30% 的要求');
    expect(youngSecretaryShare([40, 44, 45, 51, 52, 53, 54, 55, 56, 57], { share: 0.3, maximumAge: 45 }).warning).toBeNull();
    expect(youngSecretaryShare([], { share: 0.3, maximumAge: 45 }).warning).toBeNull();
  });
});
