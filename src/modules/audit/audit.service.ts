import type { Db, Executor } from '../../db/database.ts';
import {
  chainGenesis, chainOfOrgCode, findChainBreak, findKeyedChainBreak, GENESIS_HASH, macAuditEvent, SYSTEM_CHAIN,
  type ChainBreak, type KeyedAuditFields, type KeyedChainBreak,
} from '../../domain/audit-chain.ts';
import { deriveKey } from '../../server/sensitive-cipher.ts';
import { readChainHeads, readCheckpoints, UNKEYED_CHAIN, writeCheckpoint, type AuditCheckpoint, type ChainHead } from './audit-checkpoint.ts';
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

/** What the audit chain needs from the installation: its key (derived from the master key) and where checkpoints go. */
export interface AuditChainSettings {
  key: Buffer;
  /** `DATA_DIR/audit-checkpoints.jsonl`; null keeps no checkpoints (in-memory databases). */
  checkpointFile: string | null;
}

let chainSettings: AuditChainSettings | null = null;

/** Set once at start, before the first event is written (`openMigratedDatabase`). */
export function configureAuditChain(settings: AuditChainSettings): void {
  chainSettings = settings;
}

export function auditChainSettings(): AuditChainSettings {
  if (!chainSettings) throw new Error('the audit chain key is not configured (configureAuditChain)');
  return chainSettings;
}

/** The chain key: a key for this purpose only, derived from the master key and never stored. */
export function deriveAuditChainKey(masterKey: Buffer): Buffer {
  return deriveKey(masterKey, 'houbei audit chain');
}

/**
 * Appends one event to its chain (the county of its unit, or `system`). It takes a transaction,
 * never the database itself: the chain's lock holds until that transaction ends (outside one,
 * two writers would take the same place), and the change and its event commit or roll back
 * together.
 */
export async function recordAuditEvent(tx: Executor, ctx: Context, change: AuditChange): Promise<void> {
  if (!tx.isTransaction) throw new Error('recordAuditEvent must be called inside a transaction');
  const { key } = auditChainSettings();
  const chain = chainOfOrgCode(change.orgCode);
  await auditRepository.lockChain(tx, chain);
  const head = await auditRepository.findChainHead(tx, chain);
  const prevHash = head?.hash ?? chainGenesis(key, chain, (await auditRepository.findUnkeyedHead(tx))?.hash ?? GENESIS_HASH);
  const fields: KeyedAuditFields = {
    chain,
    chainSeq: (head?.seq ?? 0) + 1,
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
  await auditRepository.insert(tx, { ...fields, prevHash, hash: macAuditEvent(key, prevHash, fields) });
}

/**
 * The first break found: in the unkeyed events by id (chain null), in a keyed chain by its
 * position (seq), or against the last checkpoint (a chain shorter than it was, or different up
 * to the checkpoint's head).
 */
export type AuditBreak =
  | (ChainBreak & { chain: null })
  | KeyedChainBreak
  | { kind: 'truncated'; chain: string; checkpointAt: string; checkpointCount: number; foundCount: number }
  | { kind: 'rewritten'; chain: string; checkpointAt: string; checkpointCount: number };

export interface AuditVerification {
  checked: number;
  firstBreak: AuditBreak | null;
  /** The checkpoint compared with, if any. */
  checkpoint: AuditCheckpoint | null;
}

const PAGE = 5000;

/**
 * Reads every chain in pages and reports the first tampered, re-chained or missing event, then
 * compares the heads with the last checkpoint outside the database.
 */
export async function verifyAuditChain(db: Db, settings: AuditChainSettings = auditChainSettings()): Promise<AuditVerification> {
  const checkpoint = settings.checkpointFile ? readCheckpoints(settings.checkpointFile, settings.key).at(-1) ?? null : null;
  const wanted = new Map((checkpoint?.heads ?? []).map((head) => [head.chain, head]));
  const found = new Map<string, { count: number; hashAtCheckpoint: string | null }>();
  let checked = 0;

  let previous = { id: 0, hash: GENESIS_HASH };
  let unkeyedHashAtCheckpoint: string | null = null;
  for (;;) {
    const page: StoredAuditEvent[] = await auditRepository.listUnkeyedAfter(db, previous.id, PAGE);
    if (page.length === 0) break;
    const chainBreak = findChainBreak(page, previous);
    if (chainBreak) {
      const brokenId = chainBreak.kind === 'missing' ? chainBreak.expectedId : chainBreak.id;
      return { checked: checked + (brokenId - 1 - previous.id), firstBreak: { ...chainBreak, chain: null }, checkpoint };
    }
    checked += page.length;
    const atCheckpoint = page.find((event) => event.id === wanted.get(UNKEYED_CHAIN)?.count);
    if (atCheckpoint) unkeyedHashAtCheckpoint = atCheckpoint.hash;
    const last = page[page.length - 1]!;
    previous = { id: last.id, hash: last.hash };
  }
  if (previous.id > 0) found.set(UNKEYED_CHAIN, { count: previous.id, hashAtCheckpoint: unkeyedHashAtCheckpoint });

  for (const { chain } of await auditRepository.listChainHeads(db)) {
    let last = { seq: 0, hash: chainGenesis(settings.key, chain, previous.id > 0 ? previous.hash : GENESIS_HASH) };
    let hashAtCheckpoint: string | null = null;
    for (;;) {
      const page = await auditRepository.listChainAfter(db, chain, last.seq, PAGE);
      if (page.length === 0) break;
      const keyed = page.map((event) => ({ ...event, chain, chainSeq: event.chainSeq! }));
      const chainBreak = findKeyedChainBreak(settings.key, keyed, last);
      if (chainBreak) {
        const brokenSeq = chainBreak.kind === 'missing' ? chainBreak.expectedSeq : chainBreak.seq;
        return { checked: checked + (brokenSeq - 1 - last.seq), firstBreak: chainBreak, checkpoint };
      }
      checked += page.length;
      const atCheckpoint = keyed.find((event) => event.chainSeq === wanted.get(chain)?.count);
      if (atCheckpoint) hashAtCheckpoint = atCheckpoint.hash;
      const newest = keyed[keyed.length - 1]!;
      last = { seq: newest.chainSeq, hash: newest.hash };
    }
    found.set(chain, { count: last.seq, hashAtCheckpoint });
  }

  for (const head of checkpoint?.heads ?? []) {
    const now = found.get(head.chain);
    const base = { chain: head.chain, checkpointAt: checkpoint!.at, checkpointCount: head.count };
    if (!now || now.count < head.count) return { checked, firstBreak: { kind: 'truncated', ...base, foundCount: now?.count ?? 0 }, checkpoint };
    if (now.hashAtCheckpoint !== head.hash) return { checked, firstBreak: { kind: 'rewritten', ...base }, checkpoint };
  }
  return { checked, firstBreak: null, checkpoint };
}

function chainLabel(chain: string): string {
  return chain === SYSTEM_CHAIN ? '县级以上单位的日志链' : chain === UNKEYED_CHAIN ? '早期（未加密钥）日志链' : `县级代码 ${chain} 的日志链`;
}

export function describeChainBreak(chainBreak: AuditBreak): string {
  if (chainBreak.kind === 'truncated') {
    return `${chainLabel(chainBreak.chain)}在检查点（${chainBreak.checkpointAt}）时有 ${chainBreak.checkpointCount} 条，现只有 ${chainBreak.foundCount} 条：最新的日志被删除`;
  }
  if (chainBreak.kind === 'rewritten') {
    return `${chainLabel(chainBreak.chain)}第 ${chainBreak.checkpointCount} 条与检查点（${chainBreak.checkpointAt}）记录的哈希不符：日志链被重写`;
  }
  if (chainBreak.chain === null) {
    switch (chainBreak.kind) {
      case 'missing':
        return `操作日志第 ${chainBreak.expectedId} 条缺失（下一条为第 ${chainBreak.foundId} 条），日志被删除`;
      case 'tampered':
        return `操作日志第 ${chainBreak.id} 条的内容与其哈希不符，日志被篡改`;
      case 'relinked':
        return `操作日志第 ${chainBreak.id} 条的前序哈希与上一条不符，日志链被改动`;
    }
  }
  const where = chainLabel(chainBreak.chain);
  switch (chainBreak.kind) {
    case 'missing':
      return `${where}第 ${chainBreak.expectedSeq} 条缺失（下一条为该链第 ${chainBreak.foundSeq} 条），日志被删除`;
    case 'tampered':
      return `操作日志第 ${chainBreak.id} 条（${where}第 ${chainBreak.seq} 条）的内容与其校验码不符，日志被篡改`;
    case 'relinked':
      return `操作日志第 ${chainBreak.id} 条（${where}第 ${chainBreak.seq} 条）的前序哈希与上一条不符，日志链被改动`;
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
  return { ...result, message: describeVerification(result) };
}

export function describeVerification(result: AuditVerification): string {
  if (result.firstBreak) return describeChainBreak(result.firstBreak);
  const against = result.checkpoint ? `，与检查点（${result.checkpoint.at}）相符` : '（尚无检查点）';
  return `操作日志完整，共校验 ${result.checked} 条${against}`;
}

/** Writes a checkpoint of the chain heads now, when checkpoints are kept and something changed since the last. */
export async function checkpointAuditChain(db: Db, now: Date): Promise<AuditCheckpoint | null> {
  const { key, checkpointFile } = auditChainSettings();
  return checkpointFile ? writeCheckpoint(db, checkpointFile, key, now) : null;
}

/** The chain heads now and the last checkpoint, for the record on the audit page. */
export async function describeAuditAnchors(db: Db, ctx: Context): Promise<{ heads: ChainHead[]; lastCheckpoint: AuditCheckpoint | null; isKept: boolean }> {
  ctx.access.requireAnywhere('audit.verify', '查看操作日志检查点');
  const { key, checkpointFile } = auditChainSettings();
  return { heads: await readChainHeads(db), lastCheckpoint: checkpointFile ? readCheckpoints(checkpointFile, key).at(-1) ?? null : null, isKept: checkpointFile !== null };
}

/** Every checkpoint as the file holds them (one JSON line each), to keep elsewhere. */
export function exportAuditCheckpoints(ctx: Context): string {
  ctx.access.requireAnywhere('audit.verify', '导出操作日志检查点');
  const { key, checkpointFile } = auditChainSettings();
  if (!checkpointFile) return '';
  return readCheckpoints(checkpointFile, key).map((checkpoint) => JSON.stringify(checkpoint)).join('\n');
}
