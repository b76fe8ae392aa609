import type { Db } from '../../db/database.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import {  type SelectionOutcome, type SelectionStage } from '../../domain/selection-procedure.ts';



import type { Context } from '../../server/access.ts';
import {  notFound } from '../../server/errors.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { selectionRepository } from './selection.repository.ts';
import { presentCards } from './candidate-presenter.ts';

/** The candidates of a unit's subtree, as cards. */

export async function listCandidates(
  db: Db,
  ctx: Context,
  query: { orgCode?: string | undefined; stage?: SelectionStage | undefined; outcome?: SelectionOutcome | undefined; personId?: string | undefined; page: number; pageSize: number },
) {
  ctx.access.requireAnywhere('selection.read', '查看选拔工作');
  let orgPrefix: string | undefined;
  if (query.orgCode) {
    ctx.access.require('selection.read', [query.orgCode], { record: '组织单位', action: '查看该单位的选拔工作' });
    const unit = await orgUnitLookup.findByCode(db, query.orgCode);
    if (!unit) throw notFound('组织单位');
    orgPrefix = subtreePrefix(unit.code, unit.level);
  }
  const { total, rows } = await selectionRepository.listCandidates(db, { prefixes: ctx.access.prefixes('selection.read'), orgPrefix, stage: query.stage, outcome: query.outcome, personId: query.personId }, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
  const today = ctx.today;
  return { total, candidates: await presentCards(db, rows, today), policies: { nominate: ctx.access.canAnywhere('selection.nominate') } };
}
