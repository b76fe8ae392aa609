/**
 * Scheduled backups into DATA_DIR/backups: one when the newest is older than the interval, none
 * before, the oldest removed beyond the number kept; the embedded database's backup, taken from
 * the open database, restores with every migration in it. On PGlite with a data directory, or on
 * PostgreSQL with TEST_DATABASE_URL (pg_dump's custom format); refused on a Citus coordinator.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreDatabase } from '../../src/db/backup.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { backupFolderIn, listScheduledBackups, runScheduledBackup } from '../../src/db/scheduled-backup.ts';
import { openTestDatabase, testsRunOnCitus } from '../helpers/test-app.ts';

/** On a Citus coordinator a scheduled backup is refused like `houbei backup` (each node is backed up on its own). */
const citus = await testsRunOnCitus();

let dataDir: string;
let database: Database;
let databaseUrl: string | undefined;
let close: () => Promise<void>;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'houbei-scheduled-backup-'));
  if (process.env.TEST_DATABASE_URL) {
    const opened = await openTestDatabase();
    ({ database, databaseUrl } = opened);
    close = opened.drop;
  } else {
    database = await openDatabase({ dataDir });
    await migrate(database);
    close = () => database.close();
  }
});
afterAll(async () => {
  await close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const HOUR = 3_600_000;

describe('scheduled backups', () => {
  it.runIf(citus)('are refused on a Citus cluster, naming the backups of each node, and write no file', async () => {
    await expect(runScheduledBackup(database, { databaseUrl, dataDir }, { intervalMs: 24 * HOUR, keep: 2 }, new Date(Date.UTC(2026, 10, 30))))
      .rejects.toThrow(/Citus 集群.*pg_basebackup/);
    expect(listScheduledBackups(backupFolderIn(dataDir))).toEqual([]);
  });

  it.skipIf(citus)('writes one when the newest is older than the interval and keeps the newest ones', async () => {
    const target = { databaseUrl, dataDir };
    const schedule = { intervalMs: 24 * HOUR, keep: 2 };
    const start = Date.UTC(2026, 10, 30, 1, 2, 3);
    const first = await runScheduledBackup(database, target, schedule, new Date(start));
    expect(first).toBe(path.join(backupFolderIn(dataDir), 'houbei-20261130-010203.backup'));
    expect(await runScheduledBackup(database, target, schedule, new Date(start + 23 * HOUR))).toBeNull();
    const second = await runScheduledBackup(database, target, schedule, new Date(start + 25 * HOUR));
    const third = await runScheduledBackup(database, target, schedule, new Date(start + 50 * HOUR));
    expect(listScheduledBackups(backupFolderIn(dataDir))).toEqual([third, second]);
    expect(fs.existsSync(first!)).toBe(false);

    if (databaseUrl) {
      expect(fs.readFileSync(third!).subarray(0, 5).toString()).toBe('PGDMP');
      return;
    }
    const restoredDir = fs.mkdtempSync(path.join(os.tmpdir(), 'houbei-scheduled-restore-'));
    try {
      await restoreDatabase({ databaseUrl: undefined, dataDir: restoredDir }, third!, new Date(start));
      const restored = await openDatabase({ dataDir: restoredDir });
      const count = async (db: Database) => Number((await db.db.selectFrom('schema_migration').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      try {
        expect(await count(restored)).toBe(await count(database));
        expect(await count(restored)).toBeGreaterThan(0);
      } finally {
        await restored.close();
      }
    } finally {
      fs.rmSync(restoredDir, { recursive: true, force: true });
    }
  });
});
