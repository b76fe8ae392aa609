import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { withinSubtrees } from '../../db/scope.ts';
import type { ChainedAuditFields } from '../../domain/audit-chain.ts';

export interface StoredAuditEvent extends ChainedAuditFields {
  prevHash: string;
  hash: string;
  /** County code or 'system'; null for events written before keyed chains. */
  chain: string | null;
  chainSeq: number | null;
}

export interface AuditSearch {
  prefixes: string[];
  actorName?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  offset: number;
  limit: number;
}

const COLUMNS = [
  'id', 'at', 'actor_id', 'actor_name', 'ip', 'action', 'entity_type', 'entity_id', 'org_code', 'summary', 'before', 'after', 'prev_hash', 'hash', 'chain', 'chain_seq',
] as const;

export const auditRepository = {
  /** Serialises writers of one chain until the transaction ends (no forks); other chains do not wait. */
  async lockChain(tx: Executor, chain: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(4242, hashtext(${chain}))`.execute(tx);
  },

  async findChainHead(tx: Executor, chain: string): Promise<{ seq: number; hash: string } | undefined> {
    const row = await tx.selectFrom('audit_event').select(['chain_seq', 'hash']).where('chain', '=', chain).orderBy('chain_seq', 'desc').limit(1).executeTakeFirst();
    return row ? { seq: Number(row.chain_seq), hash: row.hash } : undefined;
  },

  /** The last event written before keyed chains (they are numbered densely by id). */
  async findUnkeyedHead(db: Executor): Promise<{ id: number; hash: string } | undefined> {
    return db.selectFrom('audit_event').select(['id', 'hash']).where('chain', 'is', null).orderBy('id', 'desc').limit(1).executeTakeFirst();
  },

  /** The newest event of every keyed chain. */
  async listChainHeads(db: Executor): Promise<{ chain: string; seq: number; hash: string }[]> {
    const rows = await db.selectFrom('audit_event').distinctOn('chain').select(['chain', 'chain_seq', 'hash'])
      .where('chain', 'is not', null).orderBy('chain').orderBy('chain_seq', 'desc').execute();
    return rows.map((row) => ({ chain: row.chain!, seq: Number(row.chain_seq), hash: row.hash }));
  },

  async insert(tx: Executor, event: Omit<StoredAuditEvent, 'id'>): Promise<void> {
    await tx
      .insertInto('audit_event')
      .values({
        at: event.at,
        actor_id: event.actorId,
        actor_name: event.actorName,
        ip: event.ip,
        action: event.action,
        entity_type: event.entityType,
        entity_id: event.entityId,
        org_code: event.orgCode,
        summary: event.summary,
        before: event.before === undefined || event.before === null ? null : JSON.stringify(event.before),
        after: event.after === undefined || event.after === null ? null : JSON.stringify(event.after),
        prev_hash: event.prevHash,
        hash: event.hash,
        chain: event.chain,
        chain_seq: event.chainSeq,
      })
      .execute();
  },

  /** Unkeyed events (written before keyed chains) after an id, in id order. */
  async listUnkeyedAfter(db: Executor, afterId: number, limit: number): Promise<StoredAuditEvent[]> {
    const rows = await db.selectFrom('audit_event').select(COLUMNS).where('chain', 'is', null).where('id', '>', afterId).orderBy('id').limit(limit).execute();
    return rows.map(toStored);
  },

  /** Events of one keyed chain after a position, in chain order. */
  async listChainAfter(db: Executor, chain: string, afterSeq: number, limit: number): Promise<StoredAuditEvent[]> {
    const rows = await db.selectFrom('audit_event').select(COLUMNS).where('chain', '=', chain).where('chain_seq', '>', afterSeq).orderBy('chain_seq').limit(limit).execute();
    return rows.map(toStored);
  },

  async search(db: Executor, search: AuditSearch): Promise<{ total: number; events: StoredAuditEvent[] }> {
    let query = db.selectFrom('audit_event').where(withinSubtrees('org_code', search.prefixes));
    if (search.actorName) query = query.where('actor_name', '=', search.actorName);
    if (search.action) query = query.where('action', '=', search.action);
    if (search.entityType) query = query.where('entity_type', '=', search.entityType);
    if (search.entityId) query = query.where('entity_id', '=', search.entityId);
    if (search.from) query = query.where(sql<SqlBool>`at >= (${search.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    if (search.to) query = query.where(sql<SqlBool>`at < (${search.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    const [count, rows] = await Promise.all([
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      query.select(COLUMNS).orderBy('id', 'desc').offset(search.offset).limit(search.limit).execute(),
    ]);
    return { total: Number(count.total), events: rows.map(toStored) };
  },
};

function toStored(row: {
  id: number; at: Date; actor_id: string | null; actor_name: string; ip: string; action: string; entity_type: string;
  entity_id: string; org_code: string | null; summary: string; before: unknown; after: unknown; prev_hash: string; hash: string;
  chain: string | null; chain_seq: number | null;
}): StoredAuditEvent {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    ip: row.ip,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    orgCode: row.org_code,
    summary: row.summary,
    before: row.before,
    after: row.after,
    prevHash: row.prev_hash,
    hash: row.hash,
    chain: row.chain,
    chainSeq: row.chain_seq === null ? null : Number(row.chain_seq),
  };
}
