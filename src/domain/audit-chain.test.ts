import { describe, expect, it } from 'vitest';
import { canonicalJson, findChainBreak, GENESIS_HASH, hashAuditEvent, type ChainedAuditFields } from './audit-chain.ts';

function chain(count: number) {
  const events: (ChainedAuditFields & { prevHash: string; hash: string })[] = [];
  let prevHash = GENESIS_HASH;
  for (let id = 1; id <= count; id += 1) {
    const fields: ChainedAuditFields = {
      id, at: new Date(Date.UTC(2026, 10, 22, 8, 0, id)), actorId: null, actorName: 'towna', ip: '127.0.0.1', action: 'orgUnit.update',
      entityType: 'orgUnit', entityId: `51142510220${id}`, orgCode: '511425102201', summary: `改名 ${id}`, before: { name: 'a' }, after: { name: 'b', n: id },
    };
    const hash = hashAuditEvent(prevHash, fields);
    events.push({ ...fields, prevHash, hash });
    prevHash = hash;
  }
  return events;
}

describe('audit hash chain', () => {
  it('serialises objects with sorted keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":2,"f":1}]},"b":1}');
    expect(canonicalJson({ a: undefined, b: new Date('2026-01-01T00:00:00Z') })).toBe('{"b":"2026-01-01T00:00:00.000Z"}');
  });

  it('accepts an intact chain', () => {
    expect(findChainBreak(chain(5))).toBeNull();
  });

  it('names an edited event', () => {
    const events = chain(5);
    events[2] = { ...events[2]!, after: { name: 'c', n: 3 } };
    expect(findChainBreak(events)).toEqual({ kind: 'tampered', id: 3 });
  });

  it('names a deleted event by the gap it leaves', () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(findChainBreak(events)).toEqual({ kind: 'missing', expectedId: 2, foundId: 3 });
  });

  it('names an event re-hashed onto a forged predecessor', () => {
    const events = chain(4);
    const forged = { ...events[1]!, summary: '伪造' };
    forged.hash = hashAuditEvent(forged.prevHash, forged);
    events[1] = forged;
    expect(findChainBreak(events)).toEqual({ kind: 'relinked', id: 3 });
  });

  it('continues from a verified event when checking page by page', () => {
    const events = chain(6);
    const last = events[2]!;
    expect(findChainBreak(events.slice(3), { id: last.id, hash: last.hash })).toBeNull();
    expect(findChainBreak(events.slice(3), { id: last.id, hash: GENESIS_HASH })).toEqual({ kind: 'relinked', id: 4 });
  });
});
