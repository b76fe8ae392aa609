import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { clusterWorkers } from './citus-cluster.ts';
import { openDatabase } from './database.ts';

/** Where a backup comes from and goes to: the PostgreSQL server of the URL, or PGlite in the data directory. */
export interface BackupTarget {
  databaseUrl: string | undefined;
  dataDir: string;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`无法运行 ${command}：${result.error.message}。请安装 PostgreSQL 客户端（postgresql-client）`);
  if (result.status !== 0) throw new Error(`${command} 失败：${result.stderr.trim()}`);
}

/**
 * Refuses a Citus coordinator: a county's rows lie on the workers, and a dump made through the
 * coordinator restores into plain tables, not a cluster. Each node is backed up on its own
 * (docs/DEPLOYMENT.md).
 */
async function refuseCluster(databaseUrl: string, command: string): Promise<void> {
  if (await clusterWorkers(databaseUrl)) {
    throw new Error(`分布式数据库（Citus 集群）不能用 houbei ${command}：请在协调节点和每个工作节点上用 pg_basebackup 和 WAL 归档备份，用 citus_create_restore_point 建立各节点一致的恢复点，恢复时所有节点恢复到同一恢复点（见 docs/DEPLOYMENT.md）`);
  }
}

/**
 * Writes a backup of the whole database to `file`: pg_dump's custom format for a server (a
 * consistent snapshot, taken while the server runs), or the data directory of the embedded
 * database as a gzipped tarball (PGlite's own dump, consistent: the embedded database is used by
 * one process at a time, so stop the server first — or let the server make scheduled backups).
 * The master key is not in it: keep it apart.
 */
export async function backupDatabase(target: BackupTarget, file: string): Promise<void> {
  if (target.databaseUrl) {
    await refuseCluster(target.databaseUrl, 'backup');
    run('pg_dump', ['--format=custom', '--no-owner', '--file', file, target.databaseUrl]);
    return;
  }
  const database = await openDatabase({ dataDir: target.dataDir });
  try {
    await writeDump(database.dumpDataDir!, file);
  } finally {
    await database.close();
  }
}

/** Writes PGlite's dump atomically: into a temporary file, flushed, then renamed. */
export async function writeDump(dump: () => Promise<Blob>, file: string): Promise<void> {
  const bytes = Buffer.from(await (await dump()).arrayBuffer());
  const temporary = `${file}.partial`;
  const handle = fs.openSync(temporary, 'w', 0o600);
  try {
    fs.writeSync(handle, bytes);
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  fs.renameSync(temporary, file);
}

/**
 * Replaces the database with a backup made by `backupDatabase`. On a server the objects of the
 * backup are dropped and recreated in one transaction (pg_restore --clean --single-transaction);
 * for PGlite the data directory is set aside (`pglite.before-restore-…`) and recreated from the
 * dump. Answers where the previous data went, if anywhere.
 */
export async function restoreDatabase(target: BackupTarget, file: string, now: Date): Promise<string | null> {
  if (!fs.existsSync(file)) throw new Error(`备份文件 ${file} 不存在`);
  if (target.databaseUrl) {
    await refuseCluster(target.databaseUrl, 'restore');
    run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--dbname', target.databaseUrl, file]);
    return null;
  }
  const location = path.join(target.dataDir, 'pglite');
  const aside = fs.existsSync(location) ? `${location}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}` : null;
  const fresh = `${location}.restoring`;
  fs.rmSync(fresh, { recursive: true, force: true });
  const client = await PGlite.create(fresh, { loadDataDir: new Blob([fs.readFileSync(file)]) });
  await client.query('SELECT 1 FROM schema_migration LIMIT 1').catch(() => {
    throw new Error(`备份文件 ${file} 不是本系统的数据库备份`);
  });
  await client.close();
  if (aside) fs.renameSync(location, aside);
  fs.renameSync(fresh, location);
  return aside;
}
