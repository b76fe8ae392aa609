import type { Db } from '../../db/database.ts';
import type { ElectionCommitteeMember } from '../../db/schema-elections.ts';
import { registerPublicationProblem } from '../../domain/election-arithmetic.ts';
import type { Context } from '../../server/access.ts';
import { AppError, versionConflict } from '../../server/errors.ts';
import { electionsRepository } from './elections.repository.ts';
import { loadElection, presentAfter, recordElectionStep, requireStep } from './village-election.ts';

/**
 * The villagers committee's election (村民委员会组织法 arts. 12–15): the villagers' election
 * committee, and the voter register published at least 20 days before election day.
 */

export async function saveVoterRegister(db: Db, ctx: Context, id: string, input: { registered: number; publishedOn: string; electionDay: string; version: number }) {
  return db.transaction().execute(async (tx) => {
    const row = await loadElection(tx, ctx, id);
    requireStep(ctx, row, 'register');
    if (input.publishedOn > ctx.today) throw new AppError('VALIDATION_FAILED', `公布日期（${input.publishedOn}）不能晚于今天`);
    const problem = registerPublicationProblem({ publishedOn: input.publishedOn, electionDay: input.electionDay });
    if (problem) throw new AppError('VALIDATION_FAILED', problem);
    const register = { registered: input.registered, publishedOn: input.publishedOn, electionDay: input.electionDay };
    if (!(await electionsRepository.update(tx, row.id, { version: input.version }, { voter_register: JSON.stringify(register) }))) throw versionConflict(`「${row.village_name}」的选民名单`);
    await recordElectionStep(tx, ctx, row, {
      action: 'voterRegister', occurredOn: input.publishedOn, summary: `公布选民名单：登记选民 ${input.registered} 人，选举日 ${input.electionDay}`,
      before: row.voter_register, details: register,
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
