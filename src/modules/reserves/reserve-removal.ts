import { futureDateProblem } from '../../domain/dates.ts';
import type { Db } from '../../db/database.ts';
import { REMOVAL_RULES, REMOVAL_STATUS_LABELS, removalActionProblem, type RemovalAction, type RemovalStatus } from '../../domain/removal.ts';
import { actorName, type Context } from '../../server/access.ts';
import { AppError, notFound, refuseProblem, versionConflict } from '../../server/errors.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { loadEnabledItems } from '../dictionaries/dictionaries.service.ts';
import { removalRepository, type RemovalRow } from './reserve-removal.repository.ts';
import { changeReserveStatus, findReserve } from './reserves.service.ts';

/**
 * Removal of a reserve from the pool (取消资格, seed 002: 村提出、乡镇审批、县备案). The reserve
 * leaves the pool when the township approves, in the same transaction, and its village's coverage
 * is brought up to date at once; the person stays in the talent ledger.
 */


function requireRole(ctx: Context, action: RemovalAction, orgCode: string): void {
  const rule = REMOVAL_RULES[action];
  if (!ctx.access.can(rule.permission, orgCode)) throw new AppError('FORBIDDEN', `「${rule.label}」由${rule.owner}办理，您的角色不能办理这一步`);
}

function requireDate(ctx: Context, date: string, notBefore: { date: string; label: string } | null): void {
  refuseProblem(futureDateProblem('日期', date, ctx.today));
  if (notBefore && date < notBefore.date) throw new AppError('VALIDATION_FAILED', `日期（${date}）不能早于${notBefore.label}（${notBefore.date}）`);
}

export function presentRemoval(ctx: Context, row: RemovalRow, reasonLabels: ReadonlyMap<string, string>) {
  return {
    id: row.id, reserveId: row.reserve_id, orgCode: row.org_code, villageName: row.village_name, personName: row.person_name,
    reasonCode: row.reason_code, reasonLabel: reasonLabels.get(row.reason_code) ?? row.reason_code, reasonText: row.reason_text,
    status: row.status, statusLabel: REMOVAL_STATUS_LABELS[row.status],
    proposedOn: row.proposed_on, proposedBy: row.proposed_by, decidedOn: row.decided_on, decidedBy: row.decided_by, decisionNote: row.decision_note,
    filedOn: row.filed_on, filedBy: row.filed_by, version: row.version,
    policies: {
      decide: row.status === 'proposed' && ctx.access.can('removal.approve', row.org_code),
      file: row.status === 'approved' && ctx.access.can('removal.file', row.org_code),
    },
  };
}

async function reasonLabels(db: Db | Parameters<typeof loadEnabledItems>[0]): Promise<Map<string, string>> {
  return new Map((await loadEnabledItems(db)).removalReason.map((item) => [item.code, item.label]));
}

async function loadRemoval(db: Parameters<typeof removalRepository.find>[0], ctx: Context, id: string): Promise<RemovalRow> {
  const row = await removalRepository.find(db, id);
  if (!row || !ctx.access.sees(row.org_code)) throw notFound('调整建议');
  return row;
}

export async function proposeRemoval(db: Db, ctx: Context, input: { reserveId: string; reasonCode: string; reasonText: string; proposedOn: string }) {
  return db.transaction().execute(async (tx) => {
    const reserve = await findReserve(tx, input.reserveId);
    if (!reserve || !ctx.access.sees(reserve.org_code)) throw notFound('后备力量');
    requireRole(ctx, 'propose', reserve.org_code);
    if (reserve.status !== 'admitted') throw new AppError('CONFLICT', `${reserve.name}不在后备力量库中（当前状态：${reserve.status === 'removed' ? '已调整出库' : reserve.status === 'appointed' ? '已选用' : '考察对象'}），不能提出调整`);
    if (await removalRepository.findOpenOfReserve(tx, reserve.id)) throw new AppError('CONFLICT', `${reserve.name}已有待乡镇审批的调整建议`);
    const labels = await reasonLabels(tx);
    if (!labels.has(input.reasonCode)) throw new AppError('VALIDATION_FAILED', `调整原因「${input.reasonCode}」不在字典中，请从下拉列表中选择`, [{ field: 'reasonCode', message: '请从下拉列表中选择调整原因' }]);
    requireDate(ctx, input.proposedOn, null);
    const id = await removalRepository.insert(tx, { reserveId: reserve.id, orgCode: reserve.org_code, reasonCode: input.reasonCode, reasonText: input.reasonText, proposedOn: input.proposedOn, proposedBy: actorName(ctx) });
    await recordAuditEvent(tx, ctx, {
      action: 'reserveRemoval.propose', entityType: 'reserveRemoval', entityId: id, orgCode: reserve.org_code,
      summary: `提出调整 ${reserve.name}（${reserve.village_name}）：${labels.get(input.reasonCode)}`, after: { ...input },
    });
    return presentRemoval(ctx, (await removalRepository.find(tx, id))!, labels);
  });
}

export async function decideRemoval(db: Db, ctx: Context, id: string, input: { decision: 'approve' | 'refuse'; decidedOn: string; note?: string | null | undefined; version: number }) {
  return db.transaction().execute(async (tx) => {
    const removal = await loadRemoval(tx, ctx, id);
    requireRole(ctx, input.decision, removal.org_code);
    const problem = removalActionProblem(removal.status, input.decision);
    if (problem) throw new AppError('CONFLICT', problem);
    requireDate(ctx, input.decidedOn, { date: removal.proposed_on, label: '提出调整建议的日期' });
    const status = input.decision === 'approve' ? 'approved' : 'refused';
    if (!(await removalRepository.decide(tx, id, input.version, { status, decidedOn: input.decidedOn, decidedBy: actorName(ctx), note: input.note ?? null }))) throw versionConflict('该调整建议');
    const labels = await reasonLabels(tx);
    if (status === 'approved') {
      const reserve = await findReserve(tx, removal.reserve_id);
      await changeReserveStatus(tx, ctx, {
        reserveId: removal.reserve_id, version: reserve!.version, toStatus: 'removed', action: 'reserve.remove',
        reason: `调整出库（${labels.get(removal.reason_code) ?? removal.reason_code}）：${removal.reason_text}；乡镇党委 ${input.decidedOn} 批准`,
        summary: `${removal.person_name}（${removal.village_name}）调整出后备力量库`,
      });
    }
    await recordAuditEvent(tx, ctx, {
      action: `reserveRemoval.${input.decision}`, entityType: 'reserveRemoval', entityId: id, orgCode: removal.org_code,
      summary: `${input.decision === 'approve' ? '批准' : '不同意'}调整 ${removal.person_name}（${removal.village_name}）`, before: { status: removal.status }, after: { status, decidedOn: input.decidedOn, note: input.note ?? null },
    });
    return presentRemoval(ctx, (await removalRepository.find(tx, id))!, labels);
  });
}

export async function fileRemoval(db: Db, ctx: Context, id: string, input: { filedOn: string; version: number }) {
  return db.transaction().execute(async (tx) => {
    const removal = await loadRemoval(tx, ctx, id);
    requireRole(ctx, 'file', removal.org_code);
    const problem = removalActionProblem(removal.status, 'file');
    if (problem) throw new AppError('CONFLICT', problem);
    requireDate(ctx, input.filedOn, { date: removal.decided_on!, label: '乡镇党委审批的日期' });
    if (!(await removalRepository.file(tx, id, input.version, { filedOn: input.filedOn, filedBy: actorName(ctx) }))) throw versionConflict('该调整建议');
    await recordAuditEvent(tx, ctx, {
      action: 'reserveRemoval.file', entityType: 'reserveRemoval', entityId: id, orgCode: removal.org_code,
      summary: `调整 ${removal.person_name}（${removal.village_name}）报县委组织部备案`, before: { status: removal.status }, after: { status: 'filed', filedOn: input.filedOn },
    });
    return presentRemoval(ctx, (await removalRepository.find(tx, id))!, await reasonLabels(tx));
  });
}

export async function listRemovals(db: Db, ctx: Context, query: { status?: RemovalStatus | undefined }) {
  const rows = await removalRepository.list(db, { prefixes: ctx.access.prefixes('person.read'), status: query.status });
  const labels = await reasonLabels(db);
  return { removals: rows.map((row) => presentRemoval(ctx, row, labels)) };
}
