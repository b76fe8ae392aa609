import path from 'node:path';

/** Settings read from the environment once, at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  demoPassword: string | undefined;
  secretKey: string | undefined;
  secureCookies: boolean;
  webDist: string;
  /** HOUBEI_TODAY: the business date at start (training installations, tests on a chosen date); empty = the system's. */
  today: string | undefined;
  /** API requests served at once (HOUBEI_MAX_CONCURRENT_REQUESTS); undefined: by database kind. */
  maxConcurrentRequests: number | undefined;
  /** Longest wait of a queued API request before 503 (HOUBEI_REQUEST_WAIT_MS, default 5 s). */
  requestWaitMs: number;
  /** Hours between scheduled backups into DATA_DIR/backups (HOUBEI_BACKUP_HOURS; 0 = none); undefined: 24 for the embedded database, none for PostgreSQL. */
  backupIntervalHours: number | undefined;
  /** Scheduled backups kept (HOUBEI_BACKUP_KEEP, default 7). */
  backupKeep: number;
  /** Whether the server takes the monthly statistics snapshots (HOUBEI_MONTHLY_SNAPSHOTS, default true; 'false' for none). */
  monthlySnapshots: boolean;
  /** Minutes after which the server counts a county's statistics again (HOUBEI_COUNTY_STATISTICS_MINUTES, default 10; 0 = only when read on a new day). */
  countyStatisticsMinutes: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT 必须是 0–65535 之间的整数，现为「${env.PORT}」`);
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminPassword: env.HOUBEI_ADMIN_PASSWORD || undefined,
    demoPassword: env.HOUBEI_DEMO_PASSWORD || undefined,
    secretKey: env.HOUBEI_SECRET_KEY || undefined,
    secureCookies: env.COOKIE_SECURE === 'true',
    webDist: path.resolve(import.meta.dirname, '../../web/dist'),
    today: env.HOUBEI_TODAY || undefined,
    maxConcurrentRequests: env.HOUBEI_MAX_CONCURRENT_REQUESTS ? Number(env.HOUBEI_MAX_CONCURRENT_REQUESTS) : undefined,
    requestWaitMs: Number(env.HOUBEI_REQUEST_WAIT_MS ?? 5_000),
    backupIntervalHours: env.HOUBEI_BACKUP_HOURS ? Number(env.HOUBEI_BACKUP_HOURS) : undefined,
    backupKeep: Math.max(1, Number(env.HOUBEI_BACKUP_KEEP ?? 7)),
    monthlySnapshots: env.HOUBEI_MONTHLY_SNAPSHOTS !== 'false',
    countyStatisticsMinutes: minutesSetting('HOUBEI_COUNTY_STATISTICS_MINUTES', env.HOUBEI_COUNTY_STATISTICS_MINUTES, 10),
  };
}

function minutesSetting(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const minutes = Number(value);
  if (!Number.isInteger(minutes) || minutes < 0) throw new Error(`${name} 必须是不小于 0 的整数（分钟），现为「${value}」`);
  return minutes;
}
