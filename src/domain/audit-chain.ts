import crypto from 'node:crypto';

/** The fields of an audit event that its hash covers. */
export interface ChainedAuditFields {
  id: number;
  at: Date;
  actorId: string | null;
  actorName: string;
  ip: string;
  action: string;
  entityType: string;
  entityId: string;
  orgCode: string | null;
  summary: string;
  before: unknown;
  after: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so that the same value always hashes alike. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function hashAuditEvent(prevHash: string, event: ChainedAuditFields): string {
  const payload = canonicalJson({
    id: event.id,
    at: event.at.toISOString(),
    actorId: event.actorId,
    actorName: event.actorName,
    ip: event.ip,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    orgCode: event.orgCode,
    summary: event.summary,
    before: event.before,
    after: event.after,
  });
  return crypto.createHash('sha256').update(prevHash).update('\n').update(payload).digest('hex');
}

export type ChainBreak =
  | { kind: 'missing'; expectedId: number; foundId: number }
  | { kind: 'tampered'; id: number }
  | { kind: 'relinked'; id: number };

/**
 * Walks events in id order from `previous` (the last verified event, or the start) and returns
 * the first break: a gap in ids (a deleted event), an event whose content no longer matches its
 * hash (edited), or one whose prev_hash does not name its predecessor (re-chained).
 */
export function findChainBreak(
  events: readonly (ChainedAuditFields & { prevHash: string; hash: string })[],
  previous: { id: number; hash: string } = { id: 0, hash: GENESIS_HASH },
): ChainBreak | null {
  let last = previous;
  for (const event of events) {
    if (event.id !== last.id + 1) return { kind: 'missing', expectedId: last.id + 1, foundId: event.id };
    if (event.prevHash !== last.hash) return { kind: 'relinked', id: event.id };
    if (hashAuditEvent(event.prevHash, event) !== event.hash) return { kind: 'tampered', id: event.id };
    last = { id: event.id, hash: event.hash };
  }
  return null;
}
