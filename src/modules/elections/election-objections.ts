import type { Db } from '../../db/database.ts';
import { registerDecisionProblem, registerObjectionProblem } from '../../domain/election-arithmetic.ts';
import { actorName, type Context } from '../../server/access.ts';
import { AppError, notFound } from '../../server/errors.ts';
import { electionsRepository } from './elections.repository.ts';
import { loadElection, presentAfter, recordElectionStep, requireNotAfterToday, requireStep } from './village-election.ts';

/**
 * Objections: to the voter register (received within 5 days of its publication, decided by the
 * villagers' election committee within 3) and to the result during its notice (handled by the township).
 */

const KIND_LABELS = { register: '对选民名单的异议', result: '选举结果公示期间的异议' } as const;

export async function recordObjection(db: Db, ctx: Context, id: string, input: { kind: 'register' | 'result'; receivedOn: string; content: string }) {
  return db.transaction().execute(async (tx) => {
    const row = await loadElection(tx, ctx, id);
    requireStep(ctx, row, input.kind === 'register' ? 'register' : 'objection');
    requireNotAfterToday(ctx, input.receivedOn, '收到日期');
    if (input.kind === 'register') {
      if (!row.voter_register) throw new AppError('CONFLICT', '尚未公布选民名单');
      const problem = registerObjectionProblem({ publishedOn: row.voter_register.publishedOn, receivedOn: input.receivedOn });
      if (problem) throw new AppError('CONFLICT', problem);
    } else {
      if (!row.notice) throw new AppError('CONFLICT', '选举结果尚未公示');
      if (input.receivedOn < row.notice.startsOn) throw new AppError('VALIDATION_FAILED', `收到日期（${input.receivedOn}）早于公示开始日期（${row.notice.startsOn}）`);
    }
    const objectionId = await electionsRepository.insertObjection(tx, { village_election_id: row.id, org_code: row.org_code, kind: input.kind, received_on: input.receivedOn, content: input.content });
    await recordElectionStep(tx, ctx, row, {
      action: 'objection', occurredOn: input.receivedOn, entity: { type: 'electionObjection', id: objectionId }, summary: `登记${KIND_LABELS[input.kind]}`, details: { objectionId, ...input },
    });
    return presentAfter(tx, ctx, row.id);
  });
}

export async function handleObjection(db: Db, ctx: Context, objectionId: string, input: { handling: string; isUpheld: boolean; handledOn: string }) {
  return db.transaction().execute(async (tx) => {
    const objection = await electionsRepository.findObjection(tx, objectionId);
    if (!objection || !ctx.access.sees(objection.org_code)) throw notFound('异议');
    const row = await loadElection(tx, ctx, objection.village_election_id);
    requireStep(ctx, row, objection.kind === 'register' ? 'register' : 'objection');
    requireNotAfterToday(ctx, input.handledOn, '处理日期');
    if (objection.kind === 'register') {
      const problem = registerDecisionProblem({ receivedOn: objection.received_on, decidedOn: input.handledOn });
      if (problem) throw new AppError('CONFLICT', problem);
    } else if (input.handledOn < objection.received_on) {
      throw new AppError('VALIDATION_FAILED', `处理日期（${input.handledOn}）不能早于收到日期（${objection.received_on}）`);
    }
    if (!(await electionsRepository.handleObjection(tx, objection.id, { ...input, handledBy: actorName(ctx) }))) throw new AppError('CONFLICT', '该异议已处理');
    await recordElectionStep(tx, ctx, row, {
      action: 'handleObjection', occurredOn: input.handledOn, entity: { type: 'electionObjection', id: objection.id },
      summary: `处理${KIND_LABELS[objection.kind]}（${input.isUpheld ? '异议成立' : '异议不成立'}）`, details: { objectionId: objection.id, ...input },
    });
    return presentAfter(tx, ctx, row.id);
  });
}
