import { describe, expect, it } from 'vitest';
import { canonicalJson, chainGenesis, chainOfOrgCode, findChainBreak, findKeyedChainBreak, GENESIS_HASH, hashAuditEvent, macAuditEvent, SYSTEM_CHAIN, type ChainedAuditFields } from './audit-chain.ts';

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

describe('keyed audit chains', () => {
  it('put an event in its county\'s chain, and units above counties in the system chain', () => {
    expect(chainOfOrgCode('511425102201')).toBe('511425');
    expect(chainOfOrgCode('511425000000')).toBe('511425');
    expect(chainOfOrgCode('511425102201001')).toBe('511425');
    expect(chainOfOrgCode('511400000000')).toBe(SYSTEM_CHAIN);
    expect(chainOfOrgCode('510000000000')).toBe(SYSTEM_CHAIN);
    expect(chainOfOrgCode('000000000000')).toBe(SYSTEM_CHAIN);
    expect(chainOfOrgCode(null)).toBe(SYSTEM_CHAIN);
  });

  it('need the key: the same event under another key or another chain position gets another MAC', () => {
    const key = Buffer.alloc(32, 1);
    const fields = { chain: '511425', chainSeq: 1, at: new Date(Date.UTC(2026, 0, 1)), actorId: null, actorName: 'a', ip: '::1', action: 'x', entityType: 'y', entityId: 'z', orgCode: '511425000000', summary: 's', before: null, after: null };
    const genesis = chainGenesis(key, '511425', GENESIS_HASH);
    const mac = macAuditEvent(key, genesis, fields);
    expect(findKeyedChainBreak(key, [{ ...fields, id: 9, prevHash: genesis, hash: mac }], { seq: 0, hash: genesis })).toBeNull();
    expect(macAuditEvent(Buffer.alloc(32, 2), genesis, fields)).not.toBe(mac);
    expect(macAuditEvent(key, genesis, { ...fields, chainSeq: 2 })).not.toBe(mac);
    expect(chainGenesis(key, '511402', GENESIS_HASH)).not.toBe(genesis);
    expect(findKeyedChainBreak(key, [{ ...fields, id: 9, summary: 'changed', prevHash: genesis, hash: mac }], { seq: 0, hash: genesis })).toEqual({ kind: 'tampered', chain: '511425', seq: 1, id: 9 });
  });
});
