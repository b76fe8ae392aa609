import { openDatabase, type Database } from '../db/database.ts';
import { loadDemo } from './demo.ts';
import { migrate } from '../db/migrate.ts';
import { runScheduledBackup } from '../db/scheduled-backup.ts';
import { refreshCountyStatistics } from '../modules/dashboard/county-statistics.ts';
import { keepSpareConverter } from '../modules/record-form/record-form.pdf.ts';
import { takeMonthlySnapshotsIfDue } from '../modules/dashboard/take-snapshots.ts';
import { ensureAdministrator } from '../modules/users/bootstrap.ts';
import { buildApp } from '../server/app.ts';
import { clockFromSetting } from '../server/clock.ts';
import { readConfig, type Config } from '../server/config.ts';
import { checkpointFileIn } from '../modules/audit/audit-checkpoint.ts';
import { checkpointAuditChain, configureAuditChain, deriveAuditChainKey } from '../modules/audit/audit.service.ts';
import { checkMasterKey } from '../server/master-key-check.ts';
import { loadMasterKeyWithSource, SensitiveCipher } from '../server/sensitive-cipher.ts';

/**
 * Opens the database and brings it up to date, and keys the audit chain with this installation's
 * master key (checkpoints in the data directory): what both the server and the CLI need first.
 */
export async function openMigratedDatabase(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database);
  const { key } = loadMasterKeyWithSource({ secretKey: config.secretKey, dataDir: config.dataDir });
  configureAuditChain({ key: deriveAuditChainKey(key), checkpointFile: checkpointFileIn(config.dataDir) });
  return database;
}

/** How often the server writes a checkpoint of the audit chains (when they changed). */
const CHECKPOINT_INTERVAL_MS = 10 * 60_000;

/** How often the server looks whether a scheduled backup is due. */
const BACKUP_CHECK_MS = 60 * 60_000;
const BACKUP_FIRST_CHECK_MS = 60_000;

/** How often the server looks whether this month's statistics snapshots are missing (the first look five minutes after start). */
const SNAPSHOT_CHECK_MS = 60 * 60_000;
const SNAPSHOT_FIRST_CHECK_MS = 5 * 60_000;

/** How often the server looks for county statistics older than their interval (the first look a minute after start). */
const COUNTY_STATISTICS_CHECK_MS = 60_000;

/** The sensitive-field cipher with this installation's master key, refused when the database was started with another. */
export async function openInstallationCipher(config: Config, database: Database): Promise<SensitiveCipher> {
  const { key, source } = loadMasterKeyWithSource({ secretKey: config.secretKey, dataDir: config.dataDir });
  const cipher = new SensitiveCipher(key);
  await checkMasterKey(database.db, cipher, source);
  return cipher;
}

/** config → database → migrations → first administrator (→ demo) → HTTP server. */
export async function startServer(options: { demo: boolean }): Promise<void> {
  const config = readConfig();
  const clock = clockFromSetting(config.today);
  const database = await openMigratedDatabase(config);
  const cipher = await openInstallationCipher(config, database);
  const admin = await ensureAdministrator(database.db, clock, config.adminPassword);
  if (admin.password) {
    console.log(`\n已创建管理员账户 admin，初始密码（仅显示这一次，首次登录须修改）：${admin.password}\n`);
  } else if (admin.created) {
    console.log('已创建管理员账户 admin，密码为 HOUBEI_ADMIN_PASSWORD 的值');
  }
  if (options.demo) {
    const demo = await loadDemo(database.db, cipher, clock, config.demoPassword);
    if (demo.loaded) {
      console.log(`已载入演示数据（四川省眉山市青神县），演示用户：${demo.usernames.join('、')}`);
      console.log(demo.password ? `演示用户的初始密码（仅显示这一次，首次登录须修改）：${demo.password}\n` : '演示用户的密码为 HOUBEI_DEMO_PASSWORD 的值\n');
    }
  }
  const app = await buildApp({ config, database, cipher, clock, logger: true });
  // PDF downloads: a LibreOffice instance is kept started ahead of the next conversion.
  const stopSpareConverter = keepSpareConverter();
  const checkpoint = () => checkpointAuditChain(database.db, new Date()).catch((error: unknown) => {
    app.log.error({ err: error }, 'audit checkpoint failed');
  });
  await checkpoint();
  const checkpoints = setInterval(checkpoint, CHECKPOINT_INTERVAL_MS);
  checkpoints.unref();
  // Scheduled backups (the laptop case): soon after start when the last is older than the interval, then checked hourly.
  const backupHours = config.backupIntervalHours ?? (database.kind === 'pglite' ? 24 : 0);
  let backingUp: Promise<void> = Promise.resolve();
  const backup = () => {
    backingUp = runScheduledBackup(database, config, { intervalMs: backupHours * 3_600_000, keep: config.backupKeep }, new Date())
      .then((file) => { if (file) app.log.info({ file }, 'scheduled backup written'); })
      .catch((error: unknown) => { app.log.error({ err: error }, 'scheduled backup failed'); });
  };
  const backups = backupHours > 0 ? setInterval(backup, BACKUP_CHECK_MS) : undefined;
  backups?.unref();
  // Monthly statistics snapshots (统计快照): taken once a month for every unit down to the townships.
  let snapshotting: Promise<void> = Promise.resolve();
  const snapshot = () => {
    snapshotting = takeMonthlySnapshotsIfDue(database.db, clock.today())
      .then((taken) => { if (taken) app.log.info('monthly statistics snapshots taken'); })
      .catch((error: unknown) => { app.log.error({ err: error }, 'monthly statistics snapshots failed'); });
  };
  const snapshots = config.monthlySnapshots ? setInterval(snapshot, SNAPSHOT_CHECK_MS) : undefined;
  snapshots?.unref();
  // County statistics (县级统计), which the dashboards of cities, provinces and the nation add up: counted again when older than the interval.
  let counting: Promise<void> = Promise.resolve();
  let isCounting = false;
  const countCounties = () => {
    if (isCounting) return;
    isCounting = true;
    counting = refreshCountyStatistics(database.db, '', clock.today(), new Date(Date.now() - config.countyStatisticsMinutes * 60_000))
      .then((counted) => { if (counted > 0) app.log.info({ counted }, 'county statistics counted'); })
      .catch((error: unknown) => { app.log.error({ err: error }, 'county statistics failed'); })
      .finally(() => { isCounting = false; });
  };
  const countyStatistics = config.countyStatisticsMinutes > 0 ? setInterval(countCounties, COUNTY_STATISTICS_CHECK_MS) : undefined;
  countyStatistics?.unref();
  const close = async () => {
    clearInterval(checkpoints);
    clearInterval(backups);
    clearInterval(snapshots);
    clearInterval(countyStatistics);
    stopSpareConverter();
    await app.close();
    await backingUp;
    await snapshotting;
    await counting;
    await checkpoint();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  // The first check a minute after start, not beside the first requests.
  if (backupHours > 0) setTimeout(backup, BACKUP_FIRST_CHECK_MS).unref();
  if (config.monthlySnapshots) setTimeout(snapshot, SNAPSHOT_FIRST_CHECK_MS).unref();
  console.log(`后备力量选育管用系统已启动：http://${config.host}:${config.port}/ （数据库：${database.kind === 'pglite' ? `内置 PGlite，数据目录 ${config.dataDir}` : 'PostgreSQL'}）`);
}
