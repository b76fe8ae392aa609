import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase, writeDump, type BackupTarget } from './backup.ts';
import type { Database } from './database.ts';

export interface BackupSchedule {
  /** A backup is made when the newest one in the folder is older than this. */
  intervalMs: number;
  /** Backups kept; older ones are removed after a new one is written. */
  keep: number;
}

const NAME = /^houbei-(\d{8}-\d{6})\.backup$/;

/** The folder of the scheduled backups: DATA_DIR/backups. */
export const backupFolderIn = (dataDir: string): string => path.join(dataDir, 'backups');

/** The scheduled backups in the folder, newest first. */
export function listScheduledBackups(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder).filter((name) => NAME.test(name)).sort().reverse().map((name) => path.join(folder, name));
}

function stamp(now: Date): string {
  return now.toISOString().slice(0, 19).replace(/-/g, '').replace('T', '-').replace(/:/g, '');
}

/** When a scheduled backup was made, read from its name (UTC). */
function madeAt(file: string): number {
  const [year, month, day, hour, minute, second] = /(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(path.basename(file))!.slice(1).map(Number);
  return Date.UTC(year!, month! - 1, day, hour, minute, second);
}

/**
 * Makes a backup into DATA_DIR/backups (`houbei-YYYYMMDD-HHMMSS.backup`, UTC, restorable with
 * `houbei restore`) when the newest one there is older than the interval, then keeps only the
 * newest `keep`. The embedded database is dumped by the running server itself, holding its one
 * connection so that no transaction is half done in the copy; a PostgreSQL server with pg_dump.
 * Answers the file written, or null when the newest backup is recent enough.
 */
export async function runScheduledBackup(database: Database, target: BackupTarget, schedule: BackupSchedule, now: Date): Promise<string | null> {
  const folder = backupFolderIn(target.dataDir);
  const newest = listScheduledBackups(folder)[0];
  if (newest && now.getTime() - madeAt(newest) < schedule.intervalMs) return null;
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const file = path.join(folder, `houbei-${stamp(now)}.backup`);
  const { dumpDataDir } = database;
  if (dumpDataDir) await database.db.connection().execute(() => writeDump(dumpDataDir, file));
  else await backupDatabase(target, file);
  for (const old of listScheduledBackups(folder).slice(schedule.keep)) fs.rmSync(old, { force: true });
  return file;
}
