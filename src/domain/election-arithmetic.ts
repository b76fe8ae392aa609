/**
 * The arithmetic of the village 换届: the Party organisation's election (中国共产党基层组织选举工作条例)
 * and the villagers committee's (村民委员会组织法 arts. 12–15). Every refusal is a Chinese sentence
 * naming the numbers. Integer comparisons only: "more than four fifths" is 5 × present > 4 × expected.
 */

/** The policy's competitive margin (差额): at least this share more candidates than seats. */
export const DEFAULT_COMPETITIVE_MARGIN = 0.2;

/** The villagers committee has 3–7 members (村民委员会组织法 art. 6). */
export const VILLAGERS_COMMITTEE_MINIMUM_SEATS = 3;
export const VILLAGERS_COMMITTEE_MAXIMUM_SEATS = 7;

/** The voter register is published at least 20 days before election day (art. 14). */
export const REGISTER_PUBLICATION_DAYS = 20;
/** Objections to the register within 5 days of its publication, decided within 3 days. */
export const REGISTER_OBJECTION_DAYS = 5;
export const REGISTER_DECISION_DAYS = 3;

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

// ---- Seats and the competitive margin (差额) ----

/** The fewest candidates for `seats` seats: the margin rounded up (5 seats → 6, 7 seats → 9). */
export function minimumCandidates(seats: number, margin = DEFAULT_COMPETITIVE_MARGIN): number {
  // Rounded to whole millionths first, so that 5 × 0.2 is 1 and 7 × 0.2 is 1.4 whatever the float says.
  const extra = Math.ceil(Math.round(seats * margin * 1_000_000) / 1_000_000);
  return seats + extra;
}

/** The Party organisation's 差额: too few candidates for the seats, or null. */
export function competitiveMarginProblem(input: { seats: number; candidates: number; margin?: number; what?: string }): string | null {
  const margin = input.margin ?? DEFAULT_COMPETITIVE_MARGIN;
  const needed = minimumCandidates(input.seats, margin);
  if (input.candidates >= needed) return null;
  return `${input.what ?? '委员'}应选 ${input.seats} 名，正式候选人 ${input.candidates} 名，差额不足 ${percent(margin)}，候选人应不少于 ${needed} 名`;
}

/** The villagers committee: more candidates than seats (art. 15), or null. */
export function villagersCandidatesProblem(input: { seats: number; candidates: number }): string | null {
  if (input.candidates > input.seats) return null;
  return `村民委员会应选 ${input.seats} 名，候选人 ${input.candidates} 名，候选人应多于应选人数（差额选举）`;
}

/** The villagers committee's seats: 3 to 7 (art. 6), or null. */
export function villagersSeatsProblem(seats: number): string | null {
  if (seats >= VILLAGERS_COMMITTEE_MINIMUM_SEATS && seats <= VILLAGERS_COMMITTEE_MAXIMUM_SEATS) return null;
  return `村民委员会由主任、副主任和委员共 ${VILLAGERS_COMMITTEE_MINIMUM_SEATS} 至 ${VILLAGERS_COMMITTEE_MAXIMUM_SEATS} 人组成，设定的职数 ${seats} 名不符合规定`;
}

/** Seats beyond the standard number need the county organisation department's approval. */
export function needsCountyApproval(seats: number, standardSeats: number): boolean {
  return seats > standardSeats;
}

/** The villagers committee must include a woman (art. 6): the problem when none is elected, or null. */
export function womanMemberProblem(elected: readonly { gender: string }[]): string | null {
  return elected.some((member) => member.gender === 'female') ? null : '村民委员会成员中应当有妇女成员，当选人中没有女性，请依法另行选举妇女成员';
}

// ---- The Party organisation's vote (党员大会) ----

/** Members left out of 应到会 with the higher organisation's approval (条例 art. 23). */
export const EXCUSED_REASONS = ['seriouslyIll', 'awayOverSixMonths', 'servingSentence'] as const;
export type ExcusedReason = (typeof EXCUSED_REASONS)[number];
export const EXCUSED_REASON_LABELS: Record<ExcusedReason, string> = {
  seriouslyIll: '患有严重疾病、不能表达本人意志',
  awayOverSixMonths: '出国出境或外出流动半年以上未转组织关系、不能参加选举',
  servingSentence: '受留党察看以外处分正在服刑',
};

/** 应到会: members with a vote less those excused with approval. */
export function expectedAttendance(membersWithVote: number, excused: number): number {
  return membersWithVote - excused;
}

/** Valid only when more than four fifths of 应到会 attend; exactly four fifths is not enough. */
export function partyQuorumProblem(input: { expected: number; present: number }): string | null {
  if (input.expected <= 0) return `应到会 ${input.expected} 人，无法举行选举`;
  if (input.present > input.expected) return `实到会 ${input.present} 人多于应到会 ${input.expected} 人，请核对`;
  if (input.present * 5 > input.expected * 4) return null;
  return `应到会 ${input.expected} 人，实到会 ${input.present} 人，未超过五分之四，选举无效`;
}

/** More ballots collected than issued voids the vote; fewer issued than present is the count's own error. */
export function ballotCountProblem(input: { issued: number; collected: number; present?: number }): string | null {
  if (input.present !== undefined && input.issued > input.present) return `发出选票 ${input.issued} 张，多于到会有选举权的 ${input.present} 人，请核对`;
  if (input.collected > input.issued) return `发出选票 ${input.issued} 张，收回 ${input.collected} 张，收回多于发出，选举无效`;
  return null;
}

/** A ballot marking more names than seats is invalid (条例: 多于应选人数的选票无效). */
export function ballotMarksProblem(input: { marked: number; seats: number }): string | null {
  if (input.marked <= input.seats) return null;
  return `选票赞成 ${input.marked} 人，多于应选 ${input.seats} 名，此票无效`;
}

/** More than half: votesFor × 2 > base (exactly half is not enough). */
export function isMoreThanHalf(votes: number, base: number): boolean {
  return votes * 2 > base;
}

export interface CandidateTally {
  candidateId: string;
  name: string;
  votesFor: number;
  votesAgainst?: number;
  abstentions?: number;
}

export interface CandidateOutcome {
  candidateId: string;
  name: string;
  votesFor: number;
  outcome: 'elected' | 'tied' | 'notElected';
  explanation: string;
}

export interface TallyResult {
  isValid: boolean;
  /** Why the vote is void; empty when valid. */
  problems: string[];
  candidates: CandidateOutcome[];
  elected: string[];
  /** Candidates tied at the cut: a further vote among them for `seatsForTied` seats. */
  tied: string[];
  seatsForTied: number;
  /** Seats neither filled nor in a tie: another vote (另行选举) or fewer seats with approval. */
  unfilledSeats: number;
}

/**
 * Who of those who passed fills the seats: by votes, and a tie at the cut goes to a further vote
 * among the tied (never a lot).
 */
function fillSeats(passed: readonly CandidateTally[], seats: number): { elected: CandidateTally[]; tied: CandidateTally[]; seatsForTied: number } {
  const sorted = [...passed].sort((a, b) => b.votesFor - a.votesFor);
  if (sorted.length <= seats) return { elected: sorted, tied: [], seatsForTied: 0 };
  const cut = sorted[seats - 1]!.votesFor;
  const above = sorted.filter((tally) => tally.votesFor > cut);
  const atCut = sorted.filter((tally) => tally.votesFor === cut);
  if (above.length + atCut.length <= seats) return { elected: [...above, ...atCut], tied: [], seatsForTied: 0 };
  return { elected: above, tied: atCut, seatsForTied: seats - above.length };
}

function tallyProblems(tallies: readonly CandidateTally[], validBallots: number): string[] {
  const problems: string[] = [];
  for (const tally of tallies) {
    const total = tally.votesFor + (tally.votesAgainst ?? 0) + (tally.abstentions ?? 0);
    if ([tally.votesFor, tally.votesAgainst ?? 0, tally.abstentions ?? 0].some((count) => !Number.isInteger(count) || count < 0)) {
      problems.push(`${tally.name}的票数应为非负整数`);
    } else if (total > validBallots) {
      problems.push(`${tally.name}赞成、反对、弃权共 ${total} 票，多于有效选票 ${validBallots} 张，请核对`);
    }
  }
  return problems;
}

function outcomes(
  tallies: readonly CandidateTally[], filled: ReturnType<typeof fillSeats>, base: { votes: number; label: string; passedText: string },
  passes: (tally: CandidateTally) => boolean, floorText: (tally: CandidateTally) => string,
): CandidateOutcome[] {
  const elected = new Set(filled.elected.map((tally) => tally.candidateId));
  const tied = new Set(filled.tied.map((tally) => tally.candidateId));
  return [...tallies].sort((a, b) => b.votesFor - a.votesFor).map((tally) => {
    const common = { candidateId: tally.candidateId, name: tally.name, votesFor: tally.votesFor };
    if (elected.has(tally.candidateId)) return { ...common, outcome: 'elected', explanation: `得票 ${tally.votesFor}，${base.label} ${base.votes} 人，${base.passedText}，当选` };
    if (tied.has(tally.candidateId)) {
      return { ...common, outcome: 'tied', explanation: `得票 ${tally.votesFor}，与其他候选人票数相等且超出应选名额，应就票数相等的候选人再次投票` };
    }
    if (!passes(tally)) return { ...common, outcome: 'notElected', explanation: floorText(tally) };
    return { ...common, outcome: 'notElected', explanation: `得票 ${tally.votesFor}，虽${base.passedText}，但按得票多少排序未进入应选名额，未当选` };
  });
}

/**
 * The Party organisation's vote: quorum of more than four fifths of 应到会, ballots collected not
 * more than issued, and each candidate elected only with more than half of the votes of those
 * present with a vote; by votes when more pass than seats, a tie at the cut to a further vote;
 * seats left go to 另行选举 — never a plurality. A 另行选举 or further vote is tallied the same way
 * with its own seats and candidates.
 */
export function tallyPartyVote(input: {
  seats: number;
  expected: number;
  present: number;
  ballotsIssued: number;
  ballotsCollected: number;
  /** Ballots marking more names than seats, and other invalid ones. */
  invalidBallots: number;
  tallies: readonly CandidateTally[];
}): TallyResult {
  const problems = [
    partyQuorumProblem({ expected: input.expected, present: input.present }),
    ballotCountProblem({ issued: input.ballotsIssued, collected: input.ballotsCollected, present: input.present }),
  ].filter((problem): problem is string => problem !== null);
  if (input.invalidBallots > input.ballotsCollected) problems.push(`无效票 ${input.invalidBallots} 张，多于收回的 ${input.ballotsCollected} 张，请核对`);
  const validBallots = input.ballotsCollected - input.invalidBallots;
  if (problems.length === 0) problems.push(...tallyProblems(input.tallies, validBallots));
  if (problems.length > 0) return { isValid: false, problems, candidates: [], elected: [], tied: [], seatsForTied: 0, unfilledSeats: input.seats };
  const passes = (tally: CandidateTally) => isMoreThanHalf(tally.votesFor, input.present);
  const filled = fillSeats(input.tallies.filter(passes), input.seats);
  return {
    isValid: true, problems,
    candidates: outcomes(input.tallies, filled, { votes: input.present, label: '实到会有选举权的党员', passedText: '超过半数' }, passes,
      (tally) => `得票 ${tally.votesFor}，实到会有选举权的党员 ${input.present} 人，未超过半数，不能当选`),
    elected: filled.elected.map((tally) => tally.candidateId), tied: filled.tied.map((tally) => tally.candidateId), seatsForTied: filled.seatsForTied,
    unfilledSeats: input.seats - filled.elected.length - filled.seatsForTied,
  };
}

// ---- The villagers committee's vote (村民委员会组织法) ----

/** Valid when more than half of the registered voters vote; exactly half is not enough (art. 15). */
export function villagersTurnoutProblem(input: { registered: number; voted: number }): string | null {
  if (input.registered <= 0) return `登记参加选举的村民 ${input.registered} 人，无法举行选举`;
  if (input.voted > input.registered) return `参加投票 ${input.voted} 人，多于登记选民 ${input.registered} 人，请核对`;
  if (isMoreThanHalf(input.voted, input.registered)) return null;
  return `登记参加选举的村民 ${input.registered} 人，参加投票 ${input.voted} 人，未超过半数，选举无效`;
}

/**
 * The villagers committee's vote: valid with more than half of the registered voters voting;
 * elected with more than half of the votes cast; in a 另行选举 (`isRunoff`) the most votes win
 * but not with fewer than one third of the votes cast. A tie at the cut goes to a further vote.
 */
export function tallyVillagersVote(input: {
  seats: number;
  registered: number;
  /** Voters who voted (ballots cast, proxies included). */
  votesCast: number;
  ballotsIssued: number;
  ballotsCollected: number;
  invalidBallots: number;
  isRunoff: boolean;
  tallies: readonly CandidateTally[];
}): TallyResult {
  const problems = [
    villagersTurnoutProblem({ registered: input.registered, voted: input.votesCast }),
    ballotCountProblem({ issued: input.ballotsIssued, collected: input.ballotsCollected }),
  ].filter((problem): problem is string => problem !== null);
  if (input.ballotsCollected > input.votesCast) problems.push(`收回选票 ${input.ballotsCollected} 张，多于参加投票的 ${input.votesCast} 人，选举无效`);
  if (input.invalidBallots > input.ballotsCollected) problems.push(`无效票 ${input.invalidBallots} 张，多于收回的 ${input.ballotsCollected} 张，请核对`);
  const validBallots = input.ballotsCollected - input.invalidBallots;
  if (problems.length === 0) problems.push(...tallyProblems(input.tallies, validBallots));
  if (problems.length > 0) return { isValid: false, problems, candidates: [], elected: [], tied: [], seatsForTied: 0, unfilledSeats: input.seats };
  const passes = input.isRunoff
    ? (tally: CandidateTally) => tally.votesFor * 3 >= input.votesCast
    : (tally: CandidateTally) => isMoreThanHalf(tally.votesFor, input.votesCast);
  const filled = fillSeats(input.tallies.filter(passes), input.seats);
  return {
    isValid: true, problems,
    candidates: outcomes(input.tallies, filled, { votes: input.votesCast, label: '参加投票的村民', passedText: input.isRunoff ? '不少于三分之一' : '超过半数' }, passes, (tally) => input.isRunoff
      ? `得票 ${tally.votesFor}，参加投票 ${input.votesCast} 人，少于三分之一，不能当选`
      : `得票 ${tally.votesFor}，参加投票 ${input.votesCast} 人，未超过半数，不能当选`),
    elected: filled.elected.map((tally) => tally.candidateId), tied: filled.tied.map((tally) => tally.candidateId), seatsForTied: filled.seatsForTied,
    unfilledSeats: input.seats - filled.elected.length - filled.seatsForTied,
  };
}

// ---- Dates of the villagers committee's election ----

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The calendar day `days` after `date` ('YYYY-MM-DD'). */
export function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The voter register is published at least 20 days before election day. */
export function registerPublicationProblem(input: { publishedOn: string; electionDay: string }): string | null {
  const days = daysBetween(input.publishedOn, input.electionDay);
  if (days >= REGISTER_PUBLICATION_DAYS) return null;
  return `选民名单于 ${input.publishedOn} 公布，距选举日 ${input.electionDay} 仅 ${days} 日，应在选举日的 ${REGISTER_PUBLICATION_DAYS} 日以前公布`;
}

/** An objection to the register is received within 5 days of its publication. */
export function registerObjectionProblem(input: { publishedOn: string; receivedOn: string }): string | null {
  const days = daysBetween(input.publishedOn, input.receivedOn);
  if (days < 0) return `异议收到日期 ${input.receivedOn} 早于选民名单公布日期 ${input.publishedOn}`;
  if (days <= REGISTER_OBJECTION_DAYS) return null;
  return `选民名单于 ${input.publishedOn} 公布，异议于 ${input.receivedOn} 提出，已超过公布之日起 ${REGISTER_OBJECTION_DAYS} 日的期限`;
}

/** The villagers' election committee decides an objection within 3 days of receiving it. */
export function registerDecisionProblem(input: { receivedOn: string; decidedOn: string }): string | null {
  const days = daysBetween(input.receivedOn, input.decidedOn);
  if (days < 0) return `处理日期 ${input.decidedOn} 早于异议收到日期 ${input.receivedOn}`;
  if (days <= REGISTER_DECISION_DAYS) return null;
  return `异议于 ${input.receivedOn} 收到，${input.decidedOn} 才作出处理，应在 ${REGISTER_DECISION_DAYS} 日内作出`;
}

// ---- Proxy votes (委托投票, 村民委员会组织法 art. 15) ----

/** 近亲属 who may vote for a registered voter away on election day, with the voter's written authority. */
export const CLOSE_RELATIVES = ['spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild'] as const;
export type CloseRelative = (typeof CLOSE_RELATIVES)[number];
export const CLOSE_RELATIVE_LABELS: Record<CloseRelative, string> = {
  spouse: '配偶', parent: '父母', child: '子女', sibling: '兄弟姐妹', grandparent: '祖父母、外祖父母', grandchild: '孙子女、外孙子女',
};
/** The provinces' election rules: one voter accepts at most three entrustments (每一选民接受委托投票不得超过三人). */
export const MAXIMUM_ENTRUSTMENTS_PER_PROXY = 3;

export interface ProxyVote {
  voterName: string;
  proxyName: string;
  relationship: CloseRelative;
  /** The day of the written authority (书面委托). */
  authorizedOn: string;
}

/** Why a proxy vote cannot be registered, or null: the same person, a voter entrusting twice, a proxy over the limit, authority after election day. */
export function proxyVoteProblem(existing: readonly ProxyVote[], next: ProxyVote, electionDay: string): string | null {
  if (next.voterName === next.proxyName) return `委托人和受委托人不能是同一人（${next.voterName}）`;
  if (next.authorizedOn > electionDay) return `书面委托日期（${next.authorizedOn}）晚于选举日（${electionDay}）`;
  const earlier = existing.find((proxy) => proxy.voterName === next.voterName);
  if (earlier) return `${next.voterName}已委托${earlier.proxyName}代为投票，一名选民只能委托一人`;
  if (existing.some((proxy) => proxy.proxyName === next.voterName)) return `${next.voterName}已接受他人委托，不能再委托他人投票`;
  if (existing.some((proxy) => proxy.voterName === next.proxyName)) return `${next.proxyName}已委托他人投票，不能再接受委托`;
  const accepted = existing.filter((proxy) => proxy.proxyName === next.proxyName).length;
  if (accepted >= MAXIMUM_ENTRUSTMENTS_PER_PROXY) return `${next.proxyName}已接受 ${accepted} 名选民的委托，每一选民接受委托投票不得超过 ${MAXIMUM_ENTRUSTMENTS_PER_PROXY} 人`;
  return null;
}

// ---- The handover after the approval ----

/** Who of those leaving has had the 落选离职谈话, who not yet, and whether the handover is past its 10 days. */
export function handoverCheck(input: { approvedOn: string; leaving: readonly string[]; talks: readonly { name: string }[]; handedOverOn: string | null; today: string; days: number }) {
  const deadline = addCalendarDays(input.approvedOn, input.days);
  const talked = new Set(input.talks.map((talk) => talk.name));
  const missingTalks = input.leaving.filter((name) => !talked.has(name));
  const handedOverOn = input.handedOverOn;
  const problems = [
    ...(missingTalks.length > 0 ? [`离任人员${missingTalks.join('、')}尚未进行落选离职谈话`] : []),
    ...(handedOverOn === null
      ? (input.today > deadline ? [`新老班子应在审批后 ${input.days} 日内（${deadline} 前）完成交接，至今未登记交接`] : [])
      : handedOverOn > deadline ? [`新老班子于 ${handedOverOn} 交接，超过审批后 ${input.days} 日的期限（${deadline}）`] : []),
  ];
  return { deadline, leaving: [...input.leaving], missingTalks, problems };
}

// ---- Secretary candidates across a township ----

/** The share of secretary candidates aged `maximumAge` or under, and the warning when below `share`. */
export function youngSecretaryShare(ages: readonly number[], policy: { share: number; maximumAge: number }): { young: number; total: number; share: number; warning: string | null } {
  const young = ages.filter((age) => age <= policy.maximumAge).length;
  const share = ages.length === 0 ? 0 : young / ages.length;
  const isEnough = ages.length > 0 && young >= Math.ceil(Math.round(policy.share * ages.length * 1_000_000) / 1_000_000);
  return {
    young, total: ages.length, share,
    warning: ages.length === 0 || isEnough ? null
      : `书记候选人 ${ages.length} 名中 ${policy.maximumAge} 周岁及以下 ${young} 名，占 ${percent(share)}，低于 ${percent(policy.share)} 的要求`,
  };
}
