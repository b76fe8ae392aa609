import type { Db, Executor } from '../../db/database.ts';
import type { Qualification } from '../../db/schema-elections.ts';
import { competitiveMarginProblem } from '../../domain/election-arithmetic.ts';
import { ELECTION_COMMITTEE_LABELS, SIGN_OFF_ROLE_LABELS, isDualSigned, signOffProblem, type ElectionCommittee, type SignOffRole } from '../../domain/election-procedure.ts';
import { evaluateEligibility, evaluateSecretaryCandidate, POLITICAL_LABELS, type ExclusionCode, type RuleVerdict } from '../../domain/eligibility.ts';
import { requireUser, type Context } from '../../server/access.ts';
import { AppError, notFound, versionConflict } from '../../server/errors.ts';
import { personLookup } from '../people/people.service.ts';
import { resolveEffectivePolicy } from '../selection/policy.service.ts';
import { electionsRepository, type CandidateRow } from './elections.repository.ts';
import { loadElection, presentAfter, recordElectionStep, requireNotAfterToday, requireStep } from './village-election.ts';

/**
 * Candidates (两推一选, seed 004): recommendations by members and the masses and by the higher
 * organisation, qualification with the eligibility engine, the county's 双签 of secretary
 * candidates, the township's approval of the formal candidates with the 差额 check, and the
 * pre-election talk and discipline pledge of each.
 */

async function loadCandidate(db: Executor, ctx: Context, id: string): Promise<CandidateRow> {
  const candidate = await electionsRepository.findCandidate(db, id);
  if (!candidate || !ctx.access.sees(candidate.org_code)) throw notFound('候选人');
  return candidate;
}

export async function nominateCandidate(db: Db, ctx: Context, id: string, input: {
  committee: ElectionCommittee; personId: string; isSecretaryCandidate: boolean; isContinuing: boolean;
  recommendations: { membersAndMasses: number; higherOrganisation: number }; proposedOn: string;
}) {
  return db.transaction().execute(async (tx) => {
    const row = await loadElection(tx, ctx, id);
    requireStep(ctx, row, 'nominate');
    if (input.committee === 'party' && row.stage !== 'partyNomination') throw new AppError('CONFLICT', '党组织委员会正式候选人已批准，不能再提出初步人选');
    requireNotAfterToday(ctx, input.proposedOn, '提名日期');
    const person = await personLookup.findById(tx, input.personId);
    const personUnits = person ? ((await personLookup.listOrgCodes(tx, [person.id])).get(person.id) ?? []) : [];
    if (!person || !personUnits.some((code) => ctx.access.sees(code))) throw notFound('人员');
    const committee = ELECTION_COMMITTEE_LABELS[input.committee];
    if (input.committee === 'party' && person.politicalStatus !== 'fullMember') {
      const status = POLITICAL_LABELS[person.politicalStatus] ?? person.politicalStatus;
      throw new AppError('CONFLICT', `${person.name}为${status}，没有被选举权，不能作为${committee}候选人（只有享有表决权、选举权和被选举权的正式党员才能被选举）`);
    }
    if (input.committee === 'villagers' && (input.isSecretaryCandidate || input.isContinuing)) throw new AppError('VALIDATION_FAILED', '书记候选人只在村党组织委员会中提名');
    if (input.committee === 'villagers') {
      const member = row.election_committee.find((entry) => entry.personId === person.id && entry.leftOn === null);
      if (member) throw new AppError('CONFLICT', `${person.name}是村民选举委员会成员，被提名为村民委员会候选人的，应当先退出村民选举委员会`);
    }
    const existing = (await electionsRepository.listCandidates(tx, row.id)).find((candidate) => candidate.committee === input.committee && candidate.person_id === person.id);
    if (existing) throw new AppError('CONFLICT', `${person.name}已是${committee}候选人`);
    const candidateId = await electionsRepository.insertCandidate(tx, { villageElectionId: row.id, orgCode: row.org_code, ...input });
    await recordElectionStep(tx, ctx, row, {
      action: 'nominate', occurredOn: input.proposedOn, entity: { type: 'electionCandidate', id: candidateId },
      summary: `提出${committee}${input.isSecretaryCandidate ? '书记' : ''}候选人初步人选 ${person.name}（党员群众推荐 ${input.recommendations.membersAndMasses} 票、上级党组织推荐 ${input.recommendations.higherOrganisation} 票）`,
      details: { candidateId, ...input },
    });
    return presentAfter(tx, ctx, row.id);
  });
}

/**
 * 考察 and 资格审查: a Party candidate needs full membership with the right to stand (not 预备党员,
 * not under 留党察看) and none of the ten exclusions; a secretary candidate the policy's secretary
 * rules; a villagers committee candidate none of the exclusions.
 */
export async function reviewCandidate(db: Db, ctx: Context, candidateId: string, input: {
  reviewedOn: string; inspection: string; exclusionsFound: ExclusionCode[]; isUnderPartyProbation: boolean; version: number;
}) {
  return db.transaction().execute(async (tx) => {
    const candidate = await loadCandidate(tx, ctx, candidateId);
    const row = await loadElection(tx, ctx, candidate.village_election_id);
    requireStep(ctx, row, 'qualify');
    if (candidate.status !== 'proposed' && candidate.status !== 'qualified' && candidate.status !== 'notQualified') {
      throw new AppError('CONFLICT', `${candidate.name}已是「${candidate.status === 'formal' ? '正式候选人' : '已有结果的候选人'}」，不能再审查`);
    }
    requireNotAfterToday(ctx, input.reviewedOn, '审查日期');
    const policy = (await resolveEffectivePolicy(tx, row.org_code)).rules;
    const plan = (await electionsRepository.findPlan(tx, row.plan_id))!;
    const engine = evaluateEligibility(
      { birthDate: candidate.birth_date, politicalStatus: candidate.political_status, education: candidate.education, exclusionsFound: input.exclusionsFound },
      { ...policy, requiredPoliticalStatuses: candidate.committee === 'party' ? ['fullMember'] : [] },
    );
    const verdicts: RuleVerdict[] = engine.verdicts.filter((verdict) => verdict.rule === 'politicalStatus' || verdict.rule.startsWith('exclusion.'));
    if (candidate.committee === 'party') {
      verdicts.push({
        rule: 'politicalStatus', passed: !input.isUnderPartyProbation,
        explanation: input.isUnderPartyProbation ? '正在受留党察看处分，没有表决权、选举权和被选举权' : '未受留党察看处分',
      });
      if (candidate.is_secretary_candidate) {
        verdicts.push(...evaluateSecretaryCandidate({ birthDate: candidate.birth_date, education: candidate.education }, { isContinuing: candidate.is_continuing, electionDate: plan.ends_on }, policy.secretary));
      }
    }
    const qualification: Qualification = { reviewedOn: input.reviewedOn, inspection: input.inspection, isUnderPartyProbation: input.isUnderPartyProbation, verdicts, isQualified: verdicts.every((verdict) => verdict.passed) };
    const status = qualification.isQualified ? 'qualified' : 'notQualified';
    if (!(await electionsRepository.updateCandidate(tx, candidate.id, input.version, { qualification: JSON.stringify(qualification), status }))) throw versionConflict(`候选人${candidate.name}`);
    const failed = verdicts.filter((verdict) => !verdict.passed).map((verdict) => verdict.explanation);
    await recordElectionStep(tx, ctx, row, {
      action: 'qualify', occurredOn: input.reviewedOn, entity: { type: 'electionCandidate', id: candidate.id },
      summary: `${candidate.name}资格审查${qualification.isQualified ? '合格' : `不合格：${failed.join('；')}`}`, before: { status: candidate.status }, details: { ...qualification },
    });
    return presentAfter(tx, ctx, row.id);
  });
}

/** The county's 双签 of a secretary candidate: the organisation minister and the county Party secretary, two users. */
export async function signOffCandidate(db: Db, ctx: Context, candidateId: string, input: { as: SignOffRole; signedOn: string }) {
  requireUser(ctx);
  return db.transaction().execute(async (tx) => {
    const candidate = await loadCandidate(tx, ctx, candidateId);
    const row = await loadElection(tx, ctx, candidate.village_election_id);
    requireStep(ctx, row, 'signOff');
    if (!candidate.is_secretary_candidate) throw new AppError('VALIDATION_FAILED', `${candidate.name}不是书记候选人，不需要“双签”`);
    if (candidate.status !== 'qualified') throw new AppError('CONFLICT', `${candidate.name}尚未通过资格审查，不能“双签”`);
    requireNotAfterToday(ctx, input.signedOn, '签字日期');
    const actor = ctx.actor!;
    const problem = signOffProblem(candidate.sign_offs, { as: input.as, userId: actor.userId });
    if (problem) throw new AppError('CONFLICT', problem);
    const signOffs = [...candidate.sign_offs, { as: input.as, userId: actor.userId, name: actor.displayName, signedOn: input.signedOn }];
    if (!(await electionsRepository.updateCandidate(tx, candidate.id, candidate.version, { sign_offs: JSON.stringify(signOffs) }))) throw versionConflict(`候选人${candidate.name}`);
    await recordElectionStep(tx, ctx, row, {
      action: 'signOff', occurredOn: input.signedOn, entity: { type: 'electionCandidate', id: candidate.id },
      summary: `书记候选人 ${candidate.name}：${SIGN_OFF_ROLE_LABELS[input.as]}签字（${actor.displayName}）${isDualSigned(signOffs) ? '，“双签”完成' : ''}`,
      details: { as: input.as, signedOn: input.signedOn },
    });
    return presentAfter(tx, ctx, row.id);
  });
}

/**
 * The township approves the Party committee's formal candidates: every qualified candidate, every
 * secretary candidate signed twice, and at least the 差额 margin of the policy (and for the
 * secretary when elected directly).
 */
export async function approvePartyCandidates(db: Db, ctx: Context, id: string, input: { approvedOn: string; version: number }) {
  return db.transaction().execute(async (tx) => {
    const row = await loadElection(tx, ctx, id);
    requireStep(ctx, row, 'approveCandidates');
    requireNotAfterToday(ctx, input.approvedOn, '批准日期');
    const candidates = (await electionsRepository.listCandidates(tx, row.id)).filter((candidate) => candidate.committee === 'party');
    const pending = candidates.filter((candidate) => candidate.status === 'proposed');
    if (pending.length > 0) throw new AppError('CONFLICT', `${pending.map((candidate) => candidate.name).join('、')}尚未资格审查，不能批准正式候选人`);
    const qualified = candidates.filter((candidate) => candidate.status === 'qualified');
    const unsigned = qualified.filter((candidate) => candidate.is_secretary_candidate && !isDualSigned(candidate.sign_offs));
    if (unsigned.length > 0) {
      throw new AppError('CONFLICT', `书记候选人${unsigned.map((candidate) => candidate.name).join('、')}尚未经组织部长、县委书记“双签”，不能批准为正式候选人`);
    }
    const secretaries = qualified.filter((candidate) => candidate.is_secretary_candidate);
    if (secretaries.length === 0) throw new AppError('CONFLICT', '还没有审查合格并“双签”的书记候选人');
    const problem = competitiveMarginProblem({ seats: row.party_seats!, candidates: qualified.length })
      ?? (row.secretary_mode === 'direct' ? competitiveMarginProblem({ seats: 1, candidates: secretaries.length, what: '书记' }) : null);
    if (problem) throw new AppError('CONFLICT', problem);
    if (!(await electionsRepository.update(tx, row.id, { version: input.version, stage: 'partyNomination' }, { candidates_approved_on: input.approvedOn, stage: 'partyVote' }))) {
      throw versionConflict(`「${row.village_name}」的换届`);
    }
    await electionsRepository.setCandidateStatus(tx, qualified.map((candidate) => candidate.id), 'formal');
    await recordElectionStep(tx, ctx, row, {
      action: 'approveCandidates', occurredOn: input.approvedOn,
      summary: `批准村党组织委员会正式候选人 ${qualified.length} 名（应选 ${row.party_seats} 名）：${qualified.map((candidate) => candidate.name).join('、')}`,
      details: { candidateIds: qualified.map((candidate) => candidate.id) },
    });
    return presentAfter(tx, ctx, row.id);
  });
}

/** The township's pre-election talk and the candidate's 换届纪律承诺书. */
export async function recordPledge(db: Db, ctx: Context, candidateId: string, input: { talkedOn: string | null; pledgedOn: string | null; version: number }) {
  return db.transaction().execute(async (tx) => {
    const candidate = await loadCandidate(tx, ctx, candidateId);
    const row = await loadElection(tx, ctx, candidate.village_election_id);
    requireStep(ctx, row, 'discipline');
    for (const [date, label] of [[input.talkedOn, '谈话日期'], [input.pledgedOn, '承诺日期']] as const) if (date) requireNotAfterToday(ctx, date, label);
    if (!(await electionsRepository.updateCandidate(tx, candidate.id, input.version, { talked_on: input.talkedOn, pledged_on: input.pledgedOn }))) throw versionConflict(`候选人${candidate.name}`);
    await recordElectionStep(tx, ctx, row, {
      action: 'pledge', occurredOn: input.pledgedOn ?? input.talkedOn ?? ctx.today, entity: { type: 'electionCandidate', id: candidate.id },
      summary: `${candidate.name}：选前谈话 ${input.talkedOn ?? '未谈'}，换届纪律承诺书 ${input.pledgedOn ?? '未签'}`,
      before: { talkedOn: candidate.talked_on, pledgedOn: candidate.pledged_on }, details: { talkedOn: input.talkedOn, pledgedOn: input.pledgedOn },
    });
    return presentAfter(tx, ctx, row.id);
  });
}
