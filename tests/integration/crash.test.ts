/**
 * Crash test: a real server process (`houbei start --demo`) is killed with SIGKILL (kill -9)
 * while it imports a roster and serves a stream of single writes (villager groups created one
 * after another by several clients), then started again on the same data. Afterwards every
 * acknowledged write is there with its audit event, every import is whole or absent (whole when
 * it was acknowledged), `houbei audit verify` passes, and the server started again each time.
 *
 * On the embedded database (a data directory kept between starts), or with TEST_DATABASE_URL on
 * a new database of that PostgreSQL server, dropped afterwards. CRASH_KILLS kills (default 3, a
 * short run for CI); `npm run crash` kills 24 times.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { faker } from '@faker-js/faker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { runCli } from '../helpers/cli.ts';
import { makeRosterRows, rosterFile } from '../helpers/roster-file.ts';
import { DEMO_PASSWORD, startServer, TEST_SECRET_KEY, type ServerProcess } from '../helpers/server-process.ts';
import { createServerDatabase } from '../helpers/test-app.ts';

const KILLS = Number(process.env.CRASH_KILLS ?? 3);
const IMPORT_ROWS = Number(process.env.CRASH_IMPORT_ROWS ?? 300);
const WRITERS = 4;
const GROUP_PREFIX = '断电组';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Unit { code: string; name: string; level: string }
interface ImportAttempt { prefix: string; acknowledged: boolean }

let dataDir: string;
let databaseUrl: string | undefined;
let dropDatabase = async (): Promise<void> => undefined;
let server: ServerProcess | null = null;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'houbei-crash-'));
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return;
  const created = await createServerDatabase(serverUrl, 'houbei_crash');
  databaseUrl = created.url;
  dropDatabase = created.drop;
});

afterAll(async () => {
  await server?.stop();
  await dropDatabase();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const start = () => startServer({ dataDir, databaseUrl, timeoutMs: 180_000 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('kill -9 during imports and single writes', () => {
  it(`loses no acknowledged write, leaves no half import and keeps the audit chain whole over ${KILLS} kills`, async () => {
    faker.seed(20261130);
    server = await start();
    const login = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'zuzhibu', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    // Sessions live in the database, so the cookie stays valid across restarts.
    const cookie = login.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
    const get = async <T>(url: string): Promise<T> => {
      const response = await fetch(`${server!.baseUrl}${url}`, { headers: { cookie } });
      expect(response.status).toBe(200);
      return response.json() as Promise<T>;
    };
    const me = await get<{ roles: { orgCode: string }[] }>('/api/auth/me');
    const township = (await get<Unit[]>(`/api/org-units/${me.roles[0]!.orgCode}/children`)).find((unit) => unit.level === 'township')!;
    const villages = (await get<Unit[]>(`/api/org-units/${township.code}/children`)).filter((unit) => unit.level === 'village');
    const villageNames = villages.map((unit) => unit.name).filter((name, _, all) => all.indexOf(name) === all.lastIndexOf(name));
    expect(villageNames.length).toBeGreaterThan(1);

    const importFile = (round: number) => rosterFile(township.name, makeRosterRows(IMPORT_ROWS, round * IMPORT_ROWS, villageNames, { namePrefix: `断电${round}号`, region: '110101' }));
    const postImport = (file: Buffer) => fetch(`${server!.baseUrl}/api/roster/import?orgCode=${township.code}`, { method: 'POST', headers: { cookie, 'content-type': XLSX }, body: new Uint8Array(file) });

    // An import that is not killed: it must succeed, and its duration sets when the kills fall.
    const imports: ImportAttempt[] = [];
    const warmUp = await importFile(0);
    const warmUpStarted = performance.now();
    const warmUpResponse = await postImport(warmUp);
    const importMs = performance.now() - warmUpStarted;
    expect(warmUpResponse.status, await warmUpResponse.text()).toBe(200);
    imports.push({ prefix: '断电0号', acknowledged: true });

    const acknowledged: { villageCode: string; name: string }[] = [];
    const unexpected: string[] = [];
    let killedDuringImport = 0;
    for (let round = 1; round <= KILLS; round += 1) {
      const attempt: ImportAttempt = { prefix: `断电${round}号`, acknowledged: false };
      imports.push(attempt);
      const file = await importFile(round);
      let killed = false;
      const writers = Array.from({ length: WRITERS }, async (_, writer) => {
        const village = villages[(round * WRITERS + writer) % villages.length]!;
        for (let serial = 0; !killed; serial += 1) {
          const name = `${GROUP_PREFIX}${round}-${writer}-${serial}`;
          try {
            const response = await fetch(`${server!.baseUrl}/api/org-units/${village.code}/villager-groups`, {
              method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ name }),
            });
            if (response.status === 201) acknowledged.push({ villageCode: village.code, name });
            else unexpected.push(`write ${response.status} ${await response.text()}`);
          } catch {
            return; // the connection dropped by the kill
          }
        }
      });
      // The writes alone for a moment, then the import beside them, killed part way through.
      await sleep(faker.number.int({ min: 200, max: 1_000 }));
      const importing = postImport(file).then(async (response) => {
        if (response.status === 200) attempt.acknowledged = true;
        else unexpected.push(`import ${response.status} ${await response.text()}`);
      }, () => undefined); // the connection dropped by the kill: not acknowledged
      // The first kill falls early in the import (the warm-up, the first import of the process, is
      // the slowest), so at least one import is surely cut; the others fall anywhere around its end.
      const [from, to] = round === 1 ? [0.05, 0.4] : [0.2, 1.6];
      await sleep(faker.number.int({ min: Math.round(importMs * from), max: Math.round(importMs * to) }));
      if (!attempt.acknowledged) killedDuringImport += 1;
      killed = true;
      await server.kill();
      await Promise.all([importing, ...writers]);
      server = await start();
    }
    await server.stop();
    server = null;

    expect(unexpected).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(killedDuringImport).toBeGreaterThan(0);

    const database = await openDatabase({ databaseUrl, dataDir });
    try {
      const groups = await database.db.selectFrom('org_unit').select(['code', 'name', 'parent_code'])
        .where('level', '=', 'villagerGroup').where('name', 'like', `${GROUP_PREFIX}%`).execute();
      const present = new Set(groups.map((group) => `${group.parent_code} ${group.name}`));
      expect(present.size).toBe(groups.length);
      expect(acknowledged.filter((write) => !present.has(`${write.villageCode} ${write.name}`))).toEqual([]);
      // Each group written has its audit event, written in the same transaction.
      const created = await database.db.selectFrom('audit_event').select('entity_id').where('action', '=', 'orgUnit.create').execute();
      const audited = new Set(created.map((event) => event.entity_id));
      expect(groups.filter((group) => !audited.has(group.code))).toEqual([]);

      const outcome = await Promise.all(imports.map(async (attempt) => {
        const people = await database.db.selectFrom('person').leftJoin('reserve', 'reserve.person_id', 'person.id')
          .select((eb) => [eb.fn.count<number>('person.id').as('people'), eb.fn.count<number>('reserve.id').as('reserves')])
          .where('person.name', 'like', `${attempt.prefix}%`).executeTakeFirstOrThrow();
        return { ...attempt, people: Number(people.people), reserves: Number(people.reserves) };
      }));
      for (const attempt of outcome) {
        expect([0, IMPORT_ROWS], attempt.prefix).toContain(attempt.people);
        expect(attempt.reserves, attempt.prefix).toBe(attempt.people);
        if (attempt.acknowledged) expect(attempt.people, attempt.prefix).toBe(IMPORT_ROWS);
      }
      const importEvents = await database.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'roster.import').executeTakeFirstOrThrow();
      expect(Number(importEvents.n)).toBe(outcome.filter((attempt) => attempt.people > 0).length);
      console.log(`crash test (${databaseUrl ? 'PostgreSQL' : 'PGlite'}): ${KILLS} kills, ${killedDuringImport} during an import; `
        + `${acknowledged.length} writes acknowledged, ${groups.length - acknowledged.length} more written before the kill answered them; `
        + `imports whole ${outcome.filter((attempt) => attempt.people > 0).length}, absent ${outcome.filter((attempt) => attempt.people === 0).length}`);
    } finally {
      await database.close();
    }

    const verify = runCli(['audit', 'verify'], { DATA_DIR: dataDir, HOUBEI_SECRET_KEY: TEST_SECRET_KEY, DATABASE_URL: databaseUrl });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
  }, 120_000 + KILLS * 60_000);
});
