import crypto from 'node:crypto';
import { levelOfCode } from './org-code.ts';

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

/** What an event says, without its place in a chain (canonicalJson sorts the keys). */
function contentOf(event: Omit<ChainedAuditFields, 'id'>) {
  return {
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
  };
}

export function hashAuditEvent(prevHash: string, event: ChainedAuditFields): string {
  const payload = canonicalJson({ id: event.id, ...contentOf(event) });
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

/** The chain of the events above every county (the nation, provinces, cities, no unit). */
export const SYSTEM_CHAIN = 'system';

/**
 * The chain an event belongs to: the 6-digit county code of its unit, or `system` for a unit
 * above county level (or none). One chain per county keeps writers of different counties apart
 * and follows the county as the unit of partitioning.
 */
export function chainOfOrgCode(orgCode: string | null): string {
  if (orgCode === null || !/^\d{12}/.test(orgCode)) return SYSTEM_CHAIN;
  const level = levelOfCode(orgCode.slice(0, 12));
  return level === 'nation' || level === 'province' || level === 'city' ? SYSTEM_CHAIN : orgCode.slice(0, 6);
}

/** The fields a keyed event's MAC covers: its place in its chain instead of the global id. */
export type KeyedAuditFields = Omit<ChainedAuditFields, 'id'> & { chain: string; chainSeq: number };

/**
 * The value a chain's first event names as its predecessor: keyed by the chain's name and bound
 * to the head of the unkeyed events written before keyed chains, so rewriting those breaks every
 * chain.
 */
export function chainGenesis(key: Buffer, chain: string, unkeyedHead: string): string {
  return crypto.createHmac('sha256', key).update(`houbei audit genesis\n${chain}\n${unkeyedHead}`).digest('hex');
}

/** HMAC-SHA256 with the chain key over the predecessor's hash and the event: recomputing it needs the key. */
export function macAuditEvent(key: Buffer, prevHash: string, event: KeyedAuditFields): string {
  const payload = canonicalJson({ chain: event.chain, chainSeq: event.chainSeq, ...contentOf(event) });
  return crypto.createHmac('sha256', key).update(prevHash).update('\n').update(payload).digest('hex');
}

export type KeyedChainBreak =
  | { kind: 'missing'; chain: string; expectedSeq: number; foundSeq: number; id: number }
  | { kind: 'tampered'; chain: string; seq: number; id: number }
  | { kind: 'relinked'; chain: string; seq: number; id: number };

/** `findChainBreak` for one keyed chain, in chain_seq order from `previous` (the last verified event or the genesis at 0). */
export function findKeyedChainBreak(
  key: Buffer,
  events: readonly (KeyedAuditFields & { id: number; prevHash: string; hash: string })[],
  previous: { seq: number; hash: string },
): KeyedChainBreak | null {
  let last = previous;
  for (const event of events) {
    if (event.chainSeq !== last.seq + 1) return { kind: 'missing', chain: event.chain, expectedSeq: last.seq + 1, foundSeq: event.chainSeq, id: event.id };
    if (event.prevHash !== last.hash) return { kind: 'relinked', chain: event.chain, seq: event.chainSeq, id: event.id };
    if (macAuditEvent(key, event.prevHash, event) !== event.hash) {
      return { kind: 'tampered', chain: event.chain, seq: event.chainSeq, id: event.id };
    }
    last = { seq: event.chainSeq, hash: event.hash };
  }
  return null;
}
