import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { canonicalJson, GENESIS_HASH, hashAuditEvent, macAuditEvent } from '../../src/domain/audit-chain.ts';
import { checkpointFileIn, readCheckpoints } from '../../src/modules/audit/audit-checkpoint.ts';
import { auditRepository } from '../../src/modules/audit/audit.repository.ts';
import { checkpointAuditChain, configureAuditChain, recordAuditEvent, verifyAuditChain } from '../../src/modules/audit/audit.service.ts';
import { systemContext } from '../../src/server/access.ts';
import { openTestDatabase, TEST_AUDIT_CHAIN_KEY, testsRunOnCitus, testToday } from '../helpers/test-app.ts';

/**
 * Events of the unkeyed chain that preceded the keyed chains (migration 0010) in the fixture. None
 * on a Citus coordinator: the log is distributed by its chain there, and a Citus installation starts
 * empty, so it never holds unkeyed events (docs/DISTRIBUTION.md; the placement refuses a log with any).
 */
const citus = await testsRunOnCitus();
const LEGACY = citus ? 0 : 3;

let database: Database;
let drop: () => Promise<void>;
let dataDir: string;
beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'houbei-audit-chain-'));
});
afterAll(async () => {
  configureAuditChain({ key: TEST_AUDIT_CHAIN_KEY, checkpointFile: null });
  await drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const settings = () => ({ key: TEST_AUDIT_CHAIN_KEY, checkpointFile: checkpointFileIn(dataDir) });

async function record(orgCode: string | null, summary: string): Promise<void> {
  await database.db.transaction().execute((tx) => recordAuditEvent(tx, systemContext(testToday()), { action: 'test.event', entityType: 'test', entityId: summary, orgCode, summary, after: { summary } }));
}

/** Events as stored, oldest first. */
async function events() {
  return (await database.db.selectFrom('audit_event').selectAll().orderBy('id').execute());
}

describe('audit chains', () => {
  it('keep the events written before keyed chains verifying, and bind every keyed chain to them', async () => {
    // Three events as the unkeyed SHA-256 chain wrote them, by dense id (none on Citus).
    let prevHash = GENESIS_HASH;
    for (let id = 1; id <= LEGACY; id += 1) {
      const fields = { id, at: new Date(Date.UTC(2026, 0, id)), actorId: null, actorName: 'system', ip: '127.0.0.1', action: 'legacy', entityType: 'test', entityId: String(id), orgCode: '511425000000', summary: `早期 ${id}`, before: null, after: null };
      const hash = hashAuditEvent(prevHash, fields);
      await sql`INSERT INTO audit_event (id, at, actor_id, actor_name, ip, action, entity_type, entity_id, org_code, summary, before, after, prev_hash, hash)
        VALUES (${id}, ${fields.at}, NULL, 'system', '127.0.0.1', 'legacy', 'test', ${String(id)}, '511425000000', ${fields.summary}, NULL, NULL, ${prevHash}, ${hash})`.execute(database.db);
      prevHash = hash;
    }
    await sql`SELECT setval('audit_event_id_seq', ${LEGACY + 1}, false)`.execute(database.db);
    configureAuditChain(settings());
    await record('511425102201', '村里的事');
    await record('511402000000', '另一个县的事');
    await record('510000000000', '省里的事');
    await record(null, '系统的事');
    await record('511425000000', '县里的事');
    const stored = await events();
    const legacy = Array.from({ length: LEGACY }, (_, index) => [index + 1, null, null]);
    const keyed = [['511425', 1], ['511402', 1], ['system', 1], ['system', 2], ['511425', 2]].map(([chain, seq], index) => [LEGACY + 1 + index, chain, seq]);
    expect(stored.map((event) => [event.id, event.chain, event.chain_seq])).toEqual([...legacy, ...keyed]);
    expect(await verifyAuditChain(database.db, settings())).toMatchObject({ checked: LEGACY + 5, firstBreak: null });
  });

  it('find an event edited and re-chained without the key, with SHA-256 as before or with another key', async () => {
    const [event] = await database.db.selectFrom('audit_event').selectAll().where('chain', '=', '511425').where('chain_seq', '=', 1).execute();
    const fields = {
      chain: '511425', chainSeq: 1, at: event!.at, actorId: event!.actor_id, actorName: event!.actor_name, ip: event!.ip, action: event!.action,
      entityType: event!.entity_type, entityId: event!.entity_id, orgCode: event!.org_code, summary: '被改过的事', before: event!.before, after: event!.after,
    };
    for (const forged of [
      hashAuditEvent(event!.prev_hash, { ...fields, id: event!.id }),
      macAuditEvent(crypto.randomBytes(32), event!.prev_hash, fields),
    ]) {
      await sql`UPDATE audit_event SET summary = '被改过的事', hash = ${forged} WHERE id = ${event!.id}`.execute(database.db);
      // Re-chain the next event of the county's chain onto the forged hash, as an attacker would.
      await sql`UPDATE audit_event SET prev_hash = ${forged} WHERE chain = '511425' AND chain_seq = 2`.execute(database.db);
      const result = await verifyAuditChain(database.db, settings());
      expect(result.firstBreak).toEqual({ kind: 'tampered', chain: '511425', seq: 1, id: event!.id });
    }
    await sql`UPDATE audit_event SET summary = ${event!.summary}, hash = ${event!.hash} WHERE id = ${event!.id}`.execute(database.db);
    await sql`UPDATE audit_event SET prev_hash = ${event!.hash} WHERE chain = '511425' AND chain_seq = 2`.execute(database.db);
    expect((await verifyAuditChain(database.db, settings())).firstBreak).toBeNull();
  });

  // Only where unkeyed events can exist: not on Citus (LEGACY above).
  it.skipIf(citus)('find the unkeyed events rewritten consistently, through the keyed chains bound to their head', async () => {
    const legacy = (await events()).filter((event) => event.chain === null);
    let prevHash = GENESIS_HASH;
    for (const event of legacy) {
      const fields = { id: event.id, at: event.at, actorId: null, actorName: 'system', ip: '127.0.0.1', action: 'legacy', entityType: 'test', entityId: event.entity_id, orgCode: event.org_code, summary: `改写 ${event.id}`, before: null, after: null };
      const hash = hashAuditEvent(prevHash, fields);
      await sql`UPDATE audit_event SET summary = ${fields.summary}, prev_hash = ${prevHash}, hash = ${hash} WHERE id = ${event.id}`.execute(database.db);
      prevHash = hash;
    }
    const result = await verifyAuditChain(database.db, settings());
    expect(result.firstBreak).toMatchObject({ kind: 'relinked', seq: 1 });
    for (const event of legacy) {
      await sql`UPDATE audit_event SET summary = ${event.summary}, prev_hash = ${event.prev_hash}, hash = ${event.hash} WHERE id = ${event.id}`.execute(database.db);
    }
    expect((await verifyAuditChain(database.db, settings())).firstBreak).toBeNull();
  });

  it('find the newest events deleted against the last checkpoint written outside the database', async () => {
    const checkpoint = await checkpointAuditChain(database.db, new Date());
    expect(checkpoint!.heads).toEqual([
      ...(LEGACY > 0 ? [{ chain: 'unkeyed', count: LEGACY, hash: expect.any(String) }] : []),
      { chain: '511402', count: 1, hash: expect.any(String) },
      { chain: '511425', count: 2, hash: expect.any(String) },
      { chain: 'system', count: 2, hash: expect.any(String) },
    ]);
    expect(readCheckpoints(checkpointFileIn(dataDir), TEST_AUDIT_CHAIN_KEY)).toHaveLength(1);
    // Nothing changed: no second line.
    await checkpointAuditChain(database.db, new Date());
    expect(readCheckpoints(checkpointFileIn(dataDir), TEST_AUDIT_CHAIN_KEY)).toHaveLength(1);

    const newest = await database.db.selectFrom('audit_event').selectAll().where('chain', '=', 'system').where('chain_seq', '=', 2).executeTakeFirstOrThrow();
    await sql`DELETE FROM audit_event WHERE id = ${newest.id}`.execute(database.db);
    const result = await verifyAuditChain(database.db, settings());
    expect(result.firstBreak).toEqual({ kind: 'truncated', chain: 'system', checkpointAt: checkpoint!.at, checkpointCount: 2, foundCount: 1 });
  });

  it('refuse a checkpoint file edited by hand', async () => {
    const file = checkpointFileIn(dataDir);
    const line = JSON.parse(fs.readFileSync(file, 'utf8').trim()) as { heads: { count: number }[] };
    line.heads.at(-1)!.count = 1;
    fs.writeFileSync(file, `${canonicalJson(line)}\n`);
    expect(() => readCheckpoints(file, TEST_AUDIT_CHAIN_KEY)).toThrow(`操作日志检查点文件 ${file} 第 1 行的校验码不符：检查点被改动，或主密钥不是写入时的密钥`);
  });

  it('let writers of different counties write at once, each chain dense', async () => {
    fs.rmSync(checkpointFileIn(dataDir), { force: true });
    await sql`DELETE FROM audit_event`.execute(database.db);
    await Promise.all(Array.from({ length: 40 }, (_, index) => record(index % 2 === 0 ? '511425000000' : '511402000000', `并发 ${index}`)));
    const heads = await auditRepository.listChainHeads(database.db);
    expect(heads.map((head) => [head.chain, head.seq])).toEqual([['511402', 20], ['511425', 20]]);
    expect(await verifyAuditChain(database.db, settings())).toMatchObject({ checked: 40, firstBreak: null });
  });
});
