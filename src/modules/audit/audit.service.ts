import type { Executor, Db } from '../../db/database.ts';
import { findChainBreak, GENESIS_HASH, hashAuditEvent, type ChainBreak } from '../../domain/audit-chain.ts';
import type { Context } from '../../server/access.ts';
import { auditRepository, type StoredAuditEvent } from './audit.repository.ts';

export interface AuditChange {
  action: string;
  entityType: string;
  entityId: string;
  orgCode: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one event to the hash chain. Call it inside the transaction that makes the change, so
 * that the change and its event commit or roll back together.
 */
export async function recordAuditEvent(tx: Executor, ctx: Context, change: AuditChange): Promise<void> {
  await auditRepository.lockChain(tx);
  const last = await auditRepository.findLast(tx);
  const fields = {
    id: (last?.id ?? 0) + 1,
    at: new Date(),
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.username ?? 'system',
    ip: ctx.ip,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    orgCode: change.orgCode,
    summary: change.summary,
    before: change.before ?? null,
    after: change.after ?? null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await auditRepository.insert(tx, { ...fields, prevHash, hash: hashAuditEvent(prevHash, fields) });
}

export interface AuditVerification {
  checked: number;
  firstBreak: ChainBreak | null;
}

/** Reads the whole chain in pages and reports the first tampered or missing event. */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  let previous = { id: 0, hash: GENESIS_HASH };
  let checked = 0;
  for (;;) {
    const page: StoredAuditEvent[] = await auditRepository.listAfter(db, previous.id, 5000);
    if (page.length === 0) return { checked, firstBreak: null };
    const firstBreak = findChainBreak(page, previous);
    if (firstBreak) {
      const brokenId = firstBreak.kind === 'missing' ? firstBreak.expectedId : firstBreak.id;
      return { checked: checked + (brokenId - 1 - previous.id), firstBreak };
    }
    checked += page.length;
    const last = page[page.length - 1]!;
    previous = { id: last.id, hash: last.hash };
  }
}

export function describeChainBreak(chainBreak: ChainBreak): string {
  switch (chainBreak.kind) {
    case 'missing':
      return `操作日志第 ${chainBreak.expectedId} 条缺失（下一条为第 ${chainBreak.foundId} 条），日志被删除`;
    case 'tampered':
      return `操作日志第 ${chainBreak.id} 条的内容与其哈希不符，日志被篡改`;
    case 'relinked':
      return `操作日志第 ${chainBreak.id} 条的前序哈希与上一条不符，日志链被改动`;
  }
}

export async function searchAuditEvents(
  db: Db,
  ctx: Context,
  query: { actorName?: string | undefined; action?: string | undefined; entityType?: string | undefined; entityId?: string | undefined; from?: string | undefined; to?: string | undefined; page: number; pageSize: number },
): Promise<{ total: number; events: StoredAuditEvent[] }> {
  ctx.access.requireAnywhere('audit.read', '查看操作日志');
  return auditRepository.search(db, {
    ...query,
    prefixes: ctx.access.prefixes('audit.read'),
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
}

export async function verifyAuditLog(db: Db, ctx: Context): Promise<AuditVerification & { message: string }> {
  ctx.access.requireAnywhere('audit.verify', '校验操作日志');
  const result = await verifyAuditChain(db);
  return { ...result, message: result.firstBreak ? describeChainBreak(result.firstBreak) : `操作日志完整，共校验 ${result.checked} 条` };
}
