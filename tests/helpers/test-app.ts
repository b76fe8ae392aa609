import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type QueryObserver } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { closeTemplate, clusterDatabases, clusterWorkers, copyClusterDatabase, createClusterDatabase, dropClusterDatabase, type WorkerNode } from '../../src/db/citus-cluster.ts';
import { toStatisticalCode } from '../../src/domain/org-code.ts';
import { idNumberCheckCharacter } from '../../src/domain/id-number.ts';
import type { Role } from '../../src/domain/roles.ts';
import { systemContext } from '../../src/server/access.ts';
import { buildApp } from '../../src/server/app.ts';
import { clockFromSetting, fixedClock, type Clock } from '../../src/server/clock.ts';
import { readConfig } from '../../src/server/config.ts';
import { SensitiveCipher } from '../../src/server/sensitive-cipher.ts';
import type { App } from '../../src/server/types.ts';
import { importCounty } from '../../src/modules/org-units/org-units.service.ts';
import { orgUnitsRepository } from '../../src/modules/org-units/org-units.repository.ts';
import { createUser } from '../../src/modules/users/users.service.ts';
import { configureAuditChain } from '../../src/modules/audit/audit.service.ts';

export const TEST_PASSWORD = 'Test12345';

/** The tests' clock: today, or the date in HOUBEI_TODAY (to run the suite as if on another day). */
export const testClock = clockFromSetting(process.env.HOUBEI_TODAY);
/** The business date the app under test runs on. */
export const testToday = (): string => testClock.today();
export const TEST_COUNTY = '511425';
/** The audit chain key of in-process tests (a server or CLI derives its own from its master key). */
export const TEST_AUDIT_CHAIN_KEY = Buffer.alloc(32, 7);

/** Whether the tests run on a Citus coordinator (TEST_DATABASE_URL pointing at one). */
export async function testsRunOnCitus(): Promise<boolean> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? (await clusterWorkers(serverUrl)) !== null : false;
}

/**
 * A fresh database for one test file: in-memory PGlite, or, when TEST_DATABASE_URL is set, a new
 * database created on that PostgreSQL server (on every node when it is a Citus coordinator) and
 * dropped afterwards.
 */
export async function openTestDatabase(options: { onQuery?: QueryObserver } = {}): Promise<{ database: Database; databaseUrl: string | undefined; drop: () => Promise<void> }> {
  configureAuditChain({ key: TEST_AUDIT_CHAIN_KEY, checkpointFile: null });
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrate(database);
    return { database, databaseUrl: undefined, drop: () => database.close() };
  }
  const created = await createMigratedServerDatabase(serverUrl);
  const database = await openDatabase({ databaseUrl: created.url, dataDir: 'unused', ...(options.onQuery && { onQuery: options.onQuery }) });
  await migrate(database);
  return {
    database,
    databaseUrl: created.url,
    drop: async () => {
      await database.close();
      await created.drop();
    },
  };
}

/**
 * A new database with the schema. On a Citus coordinator, a copy of a template database migrated
 * and placed once per schema (placing some seventy tables on a cluster takes half a minute; a copy
 * takes seconds); on a PostgreSQL server, an empty database (the caller migrates it).
 */
async function createMigratedServerDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const workers = await clusterWorkers(serverUrl);
  if (!workers) return createServerDatabase(serverUrl);
  const template = await clusterTemplate(serverUrl, workers);
  const name = `houbei_test_${crypto.randomBytes(6).toString('hex')}`;
  const url = await copyClusterDatabase(serverUrl, workers, template, name);
  return { url, drop: () => dropClusterDatabase(serverUrl, workers, name) };
}

const TEMPLATE_PREFIX = 'houbei_template_';

/**
 * The name of the cluster's template database for the current schema (its name holds a hash of the
 * migrations and the placement code), made when missing: one test file makes it while the others
 * wait on a lock. Templates of other schemas are dropped.
 */
async function clusterTemplate(serverUrl: string, workers: readonly WorkerNode[]): Promise<string> {
  const hash = crypto.createHash('sha256');
  const dbDir = path.join(import.meta.dirname, '../../src/db');
  const sources = [
    ...fs.readdirSync(path.join(dbDir, 'migrations')).sort().map((file) => path.join(dbDir, 'migrations', file)),
    ...['migrate.ts', 'distribution.ts', 'citus-rollups.sql', 'citus-cluster.ts'].map((file) => path.join(dbDir, file)),
  ];
  for (const source of sources) hash.update(source).update(fs.readFileSync(source));
  const name = `${TEMPLATE_PREFIX}${hash.digest('hex').slice(0, 16)}`;
  const lock = new pg.Client({ connectionString: serverUrl });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(7264)');
    const { rows } = await lock.query<{ ready: boolean }>('SELECT NOT datallowconn AS ready FROM pg_database WHERE datname = $1', [name]);
    if (rows[0]?.ready) return name;
    // Missing, or left half-made by an interrupted run (a finished template takes no connections).
    for (const stale of await clusterDatabases(serverUrl, TEMPLATE_PREFIX)) await dropClusterDatabase(serverUrl, workers, stale);
    const url = await createClusterDatabase(serverUrl, workers, name, { shardCount: 4 });
    const database = await openDatabase({ databaseUrl: url, dataDir: 'unused' });
    try {
      await migrate(database);
    } finally {
      await database.close();
    }
    await closeTemplate(serverUrl, workers, name);
    return name;
  } finally {
    await lock.end();
  }
}

/** A new, empty database on the PostgreSQL server at `serverUrl`; `drop` removes it once its connections have closed. */
export async function createServerDatabase(serverUrl: string, prefix = 'houbei_test'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
  // On a Citus coordinator the database, with Citus, is made on every node (4 shards a table:
  // enough to spread rows over both workers, few enough to keep each test's migrations quick).
  const workers = await clusterWorkers(serverUrl);
  if (workers) {
    const url = await createClusterDatabase(serverUrl, workers, name, { shardCount: 4 });
    return { url, drop: () => dropClusterDatabase(serverUrl, workers, name) };
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      // A pool's end() resolves before its sockets have closed; terminating them (DROP … FORCE)
      // would raise an error in a client that is still closing. Wait until they are gone.
      for (let attempt = 0; attempt < 200; attempt += 1) {
        const { rows } = await cleanup.query<{ count: number }>('SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = $1', [name]);
        if (rows[0]!.count === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

export interface TestTownship {
  code: string;
  name: string;
  /** A unit of level village (not community) in the township. */
  villageCode: string;
  /** All village-level units (villages and communities) of the township. */
  villageCodes: string[];
}

export interface TestWorld {
  app: App;
  cipher: SensitiveCipher;
  database: Database;
  countyCode: string;
  /** Two townships with villages: the caller's own (A) and another (B). */
  townshipA: TestTownship;
  townshipB: TestTownship;
  /** The business date the app runs on (the test's own, or the tests' clock). */
  today: string;
  users: Record<'admin' | 'county' | 'townshipA' | 'townshipB' | 'villageA' | 'auditor' | 'reviewer', { id: string; username: string }>;
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** The app on a fresh database with the test county imported and one user per role. */
export async function createTestWorld(options: { today?: string; clock?: Clock; onQuery?: QueryObserver } = {}): Promise<TestWorld> {
  const clock = options.clock ?? (options.today ? fixedClock(options.today) : testClock);
  const { database, drop } = await openTestDatabase(options.onQuery ? { onQuery: options.onQuery } : {});
  const ctx = systemContext(clock.today());
  await importCounty(database.db, ctx, TEST_COUNTY);
  const countyCode = toStatisticalCode(TEST_COUNTY);
  const townships = (await orgUnitsRepository.listChildren(database.db, countyCode)).filter((unit) => unit.name.endsWith('镇'));
  const [a, b] = townships;
  if (!a || !b) throw new Error('test county needs two towns');
  const describeTown = async (town: { code: string; name: string }) => {
    const children = await orgUnitsRepository.listChildren(database.db, town.code);
    const village = children.find((unit) => unit.level === 'village');
    if (!village) throw new Error(`${town.name} has no village`);
    return { code: town.code, name: town.name, villageCode: village.code, villageCodes: children.map((unit) => unit.code) };
  };
  const townshipA = await describeTown(a);
  const townshipB = await describeTown(b);

  const make = async (username: string, role: Role, orgCode: string, department: string | null = null) => {
    const { user } = await createUser(database.db, ctx, {
      username, displayName: username, orgCode, roles: [{ role, orgCode, department }], password: TEST_PASSWORD, mustChangePassword: false,
    });
    return { id: user.id, username };
  };
  const users = {
    admin: await make('admin', 'administrator', '000000000000'),
    county: await make('county', 'orgDepartment', countyCode),
    townshipA: await make('towna', 'townshipCommittee', townshipA.code),
    townshipB: await make('townb', 'townshipCommittee', townshipB.code),
    villageA: await make('villagea', 'villageClerk', townshipA.villageCode),
    auditor: await make('auditor', 'auditor', countyCode),
    reviewer: await make('reviewer', 'jointReviewDepartment', countyCode, '纪检监察机关'),
  };

  const cipher = new SensitiveCipher(crypto.randomBytes(32));
  // Requests queue as in production, but a test never gets 503 for a slow, shared machine.
  const app = await buildApp({ config: { ...readConfig({}), dataDir: 'memory://', requestWaitMs: 600_000 }, database, cipher, clock });
  await app.ready();

  return {
    app,
    cipher,
    today: clock.today(),
    database,
    countyCode,
    townshipA,
    townshipB,
    users,
    async login(username, password = TEST_PASSWORD) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((item) => item.name === 'houbei_session');
      return `houbei_session=${cookie!.value}`;
    },
    async close() {
      await app.close();
      await drop();
    },
  };
}

export async function countAuditEvents(database: Database): Promise<number> {
  const row = await database.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A valid 18-digit ID number (GB 11643) for the region, birth date (YYYYMMDD) and sequence. */
export function makeIdNumber(region: string, birthDate: string, sequence: number): string {
  const first17 = `${region}${birthDate}${String(sequence).padStart(3, '0')}`;
  return `${first17}${idNumberCheckCharacter(first17)}`;
}

let personSequence = 100;

/** Registers a person in a village's talent ledger, over HTTP. */
export async function addLedgerPerson(
  world: TestWorld,
  cookie: string,
  orgCode: string,
  overrides: { name?: string; birthDate?: string; sex?: 'male' | 'female'; phone?: string; idNumber?: string; education?: string; politicalStatus?: string } = {},
): Promise<{ personId: string; ledgerEntryId: string; idNumber: string; phone: string; name: string }> {
  personSequence += 2;
  const sequence = overrides.sex === 'female' ? personSequence : personSequence + 1;
  const idNumber = overrides.idNumber ?? makeIdNumber('511425', overrides.birthDate ?? '19900315', sequence);
  const phone = overrides.phone ?? `139${String(10000000 + personSequence).slice(-8)}`;
  const name = overrides.name ?? `测试人员${personSequence}`;
  const politicalStatus = overrides.politicalStatus ?? 'fullMember';
  const ledger = await world.app.inject({
    method: 'POST', url: '/api/talent-ledger', headers: { cookie },
    payload: {
      orgCode,
      person: {
        name, idNumber, phone, politicalStatus, ...(['fullMember', 'probationaryMember'].includes(politicalStatus) && { partyJoinDate: '2015.07' }),
        education: overrides.education ?? 'juniorCollege', ethnicity: 'han',
      },
      sourceCategory: 'graduate',
    },
  });
  if (ledger.statusCode !== 201) throw new Error(`ledger: ${ledger.statusCode} ${ledger.body}`);
  return { personId: ledger.json().entry.person.id, ledgerEntryId: ledger.json().entry.id, idNumber, phone, name };
}

/** Registers a person in a village's talent ledger and as a reserve there, over HTTP. */
export async function addReserve(
  world: TestWorld,
  cookie: string,
  orgCode: string,
  overrides: { name?: string; birthDate?: string; sex?: 'male' | 'female'; phone?: string; idNumber?: string; education?: string; politicalStatus?: string } = {},
): Promise<{ personId: string; ledgerEntryId: string; reserveId: string; idNumber: string; phone: string; name: string }> {
  const person = await addLedgerPerson(world, cookie, orgCode, overrides);
  const reserve = await world.app.inject({
    method: 'POST', url: '/api/reserves', headers: { cookie },
    payload: {
      orgCode, personId: person.personId, targetPost: 'secretary', readiness: 'withinTwoYears', sourceCategory: 'graduate', mentorName: '王书记', mentorPost: '镇党委副书记',
      registration: { sourceDocument: '2025 年村级后备干部名册', exceptionReason: '原名册中的后备力量，经乡镇党委研究保留' },
    },
  });
  if (reserve.statusCode !== 201) throw new Error(`reserve: ${reserve.statusCode} ${reserve.body}`);
  return { ...person, reserveId: reserve.json().id };
}
