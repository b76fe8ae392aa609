import type { Db } from '../../db/database.ts';
import type { ElectionCommitteeMember, VoterRegister } from '../../db/schema-elections.ts';
import { CLOSE_RELATIVE_LABELS, proxyVoteProblem, registerPublicationProblem, type ProxyVote } from '../../domain/election-arithmetic.ts';
import type { Context } from '../../server/access.ts';
import { AppError, versionConflict } from '../../server/errors.ts';
import { electionsRepository } from './elections.repository.ts';
import { loadElection, presentAfter, recordElectionStep, requireNotAfterToday, requireStep } from './village-election.ts';

/**
 * The villagers committee's election (村民委员会组织法 arts. 12–15): the villagers' election
 * committee, and the voter register published at least 20 days before election day.
 */

export async function saveVoterRegister(db: Db, ctx: Context, id: string, input: { registered: number; publishedOn: string; electionDay: string; version: number }) {
  return db.transaction().execute(async (tx) => {
    const row = await loadElection(tx, ctx, id);
    requireStep(ctx, row, 'register');
    requireNotAfterToday(ctx, input.publishedOn, '公布日期');
    const problem = registerPublicationProblem({ publishedOn: input.publishedOn, electionDay: input.electionDay });
    if (problem) throw new AppError('VALIDATION_FAILED', problem);
    const register: VoterRegister = { registered: input.registered, publishedOn: input.publishedOn, electionDay: input.electionDay, proxies: row.voter_register?.proxies ?? [] };
    if (!(await electionsRepository.update(tx, row.id, { version: input.version }, { voter_register: JSON.stringify(register) }))) throw versionConflict(`「${row.village_name}」的选民名单`);
    await recordElectionStep(tx, ctx, row, {
      action: 'voterRegister', occurredOn: input.publishedOn, summary: `公布选民名单：登记选民 ${input.registered} 人，选举日 ${input.electionDay}`,
      before: row.voter_register, details: { ...register },
    });
    return presentAfter(tx, ctx, row.id);
  });
}

/** The villagers' election committee; a member nominated as a candidate must leave it (leftOn). */
export async function saveElectionCommittee(db: Db, ctx: Context, id: string, input: { members: ElectionCommitteeMember[]; version: number }) {
  return db.transaction().execute(async (tx) => {
    const row = await loadElection(tx, ctx, id);
    requireStep(ctx, row, 'register');
    const candidates = (await electionsRepository.listCandidates(tx, row.id)).filter((candidate) => candidate.committee === 'villagers');
    const conflicted = input.members.filter((member) => member.leftOn === null && member.personId !== null && candidates.some((candidate) => candidate.person_id === member.personId));
    if (conflicted.length > 0) throw new AppError('CONFLICT', `${conflicted.map((member) => member.name).join('、')}已被提名为村民委员会候选人，应当退出村民选举委员会`);
    if (!(await electionsRepository.update(tx, row.id, { version: input.version }, { election_committee: JSON.stringify(input.members) }))) throw versionConflict(`「${row.village_name}」的村民选举委员会`);
    await recordElectionStep(tx, ctx, row, {
      action: 'electionCommittee', occurredOn: ctx.today,
      summary: `村民选举委员会：${input.members.map((member) => `${member.name}${member.leftOn ? `（${member.leftOn} 退出）` : ''}`).join('、')}`,
      before: row.election_committee, details: { members: input.members },
    });
    return presentAfter(tx, ctx, row.id);
  });
}

/** A proxy vote (委托投票): a registered voter away on election day entrusts a close relative in writing. */
export async function addProxyVote(db: Db, ctx: Context, id: string, input: ProxyVote & { version: number }) {
  return db.transaction().execute(async (tx) => {
    const row = await loadElection(tx, ctx, id);
    requireStep(ctx, row, 'register');
    const register = row.voter_register;
    if (!register) throw new AppError('CONFLICT', `「${row.village_name}」尚未公布选民名单，委托投票应在选民名单公布后登记`);
    requireNotAfterToday(ctx, input.authorizedOn, '书面委托日期');
    const { version, ...proxy } = input;
    const existing = register.proxies ?? [];
    const problem = proxyVoteProblem(existing, proxy, register.electionDay);
    if (problem) throw new AppError('VALIDATION_FAILED', problem);
    const next: VoterRegister = { ...register, proxies: [...existing, proxy] };
    if (!(await electionsRepository.update(tx, row.id, { version }, { voter_register: JSON.stringify(next) }))) throw versionConflict(`「${row.village_name}」的委托投票`);
    await recordElectionStep(tx, ctx, row, {
      action: 'proxyVote', occurredOn: input.authorizedOn,
      summary: `委托投票：${proxy.voterName}书面委托${CLOSE_RELATIVE_LABELS[proxy.relationship]}${proxy.proxyName}代为投票（${proxy.authorizedOn}）`, before: { proxies: existing.length }, details: { ...proxy },
    });
    return presentAfter(tx, ctx, row.id);
  });
}
