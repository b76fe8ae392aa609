import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { checkpointFileIn } from '../../src/modules/audit/audit-checkpoint.ts';
import { configureAuditChain, deriveAuditChainKey } from '../../src/modules/audit/audit.service.ts';
import { importCounty } from '../../src/modules/org-units/org-units.service.ts';
import { systemContext } from '../../src/server/access.ts';
import { SensitiveCipher } from '../../src/server/sensitive-cipher.ts';
import { CLI_TEST_TIMEOUT_MS, runCli } from '../helpers/cli.ts';
import { makeIdNumber, openTestDatabase, TEST_AUDIT_CHAIN_KEY, testClock, testsRunOnCitus } from '../helpers/test-app.ts';

const TABLES = ['org_unit', 'app_user', 'user_role', 'person', 'audit_event', 'installation_setting'] as const;
const masterKey = crypto.randomBytes(32);
const cipher = new SensitiveCipher(masterKey);
const idNumber = makeIdNumber('511425', '19900101', 777);

/** On a Citus coordinator the commands refuse, naming the per-node backups (docs/DEPLOYMENT.md). */
const citus = await testsRunOnCitus();

let dataDir: string;
let databaseUrl: string | undefined;
let drop: (() => Promise<void>) | null = null;
const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '', HOUBEI_SECRET_KEY: masterKey.toString('hex') });

async function open(): Promise<Database> {
  return databaseUrl ? openDatabase({ databaseUrl, dataDir }) : openDatabase({ dataDir });
}

/** One checksum per business table: every row as text, in order. */
async function checksums(database: Database): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const table of TABLES) {
    const { rows } = await sql<{ sum: string | null }>`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS sum FROM ${sql.table(table)} t`.execute(database.db);
    sums[table] = rows[0]!.sum ?? '';
  }
  return sums;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'houbei-backup-'));
  if (process.env.TEST_DATABASE_URL) {
    const test = await openTestDatabase();
    databaseUrl = test.databaseUrl;
    drop = test.drop;
  }
});
afterAll(async () => {
  configureAuditChain({ key: TEST_AUDIT_CHAIN_KEY, checkpointFile: null });
  fs.rmSync(dataDir, { recursive: true, force: true });
  await drop?.();
});

describe('houbei backup and houbei restore', () => {
  it.runIf(citus)('refuse a Citus cluster, naming the backups of each node, and change nothing', async () => {
    const database = await open();
    await importCounty(database.db, systemContext(testClock.today()), '511425');
    const before = await checksums(database);
    await database.close();

    const file = path.join(dataDir, 'houbei.backup');
    const backup = runCli(['backup', file], env());
    expect(backup.status).not.toBe(0);
    expect(backup.stderr).toContain('Citus 集群');
    expect(backup.stderr).toContain('pg_basebackup');
    expect(fs.existsSync(file)).toBe(false);

    fs.writeFileSync(file, 'PGDMP');
    const restore = runCli(['restore', file], env());
    expect(restore.status).not.toBe(0);
    expect(restore.stderr).toContain('citus_create_restore_point');
    const after = await open();
    try {
      expect(await checksums(after)).toEqual(before);
    } finally {
      await after.close();
    }
  }, CLI_TEST_TIMEOUT_MS);

  it.skipIf(citus)('round-trip the database: business tables equal, the audit log verifies, ID numbers decrypt', async () => {
    const database = await open();
    await migrate(database);
    configureAuditChain({ key: deriveAuditChainKey(masterKey), checkpointFile: checkpointFileIn(dataDir) });
    await importCounty(database.db, systemContext(testClock.today()), '511425');
    await sql`INSERT INTO installation_setting (name, value) VALUES ('masterKeyFingerprint', ${cipher.keyFingerprint})`.execute(database.db);
    await sql`INSERT INTO person (name, gender, birth_date, id_number_cipher, id_number_hash, id_number_masked, political_status, education)
      VALUES ('备份测试', 'male', '1990-01-01', ${cipher.encrypt(idNumber)}, ${cipher.blindIndex(idNumber)}, '5114**********777X', 'masses', 'bachelor')`.execute(database.db);
    const before = await checksums(database);
    await database.close();

    const file = path.join(dataDir, 'houbei.backup');
    const backup = runCli(['backup', file], env());
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(0);

    const changed = await open();
    await sql`DELETE FROM person`.execute(changed.db);
    await sql`UPDATE org_unit SET name = '恢复前改名' WHERE code = '511425000000'`.execute(changed.db);
    await changed.close();

    const restore = runCli(['restore', file], env());
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    expect(restore.stdout).toContain('操作日志完整');

    const restored = await open();
    try {
      expect(await checksums(restored)).toEqual(before);
      const person = await restored.db.selectFrom('person').select('id_number_cipher').executeTakeFirstOrThrow();
      expect(cipher.decrypt(person.id_number_cipher)).toBe(idNumber);
    } finally {
      await restored.close();
    }
    const verify = runCli(['audit', 'verify'], env());
    expect(verify.status).toBe(0);
  }, CLI_TEST_TIMEOUT_MS);
});
