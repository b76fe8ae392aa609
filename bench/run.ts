/**
 * Benchmarks, run with `npm run bench` (PGlite) or `DATABASE_URL=postgres://… npm run bench`:
 * the organisation tree at province scale, then the roster (bench/roster.ts), then the cultivation
 * reminder list (bench/reminders.ts), then the policy re-evaluation (bench/policy.ts).
 * Figures go to bench/README.md by hand, with the machine they were measured on.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { configureAuditChain } from '../src/modules/audit/audit.service.ts';
import { toStatisticalCode } from '../src/domain/org-code.ts';
import { loadProvince } from './province.ts';
import { createUser } from '../src/modules/users/users.service.ts';
import { systemContext } from '../src/server/access.ts';
import { systemClock } from '../src/server/clock.ts';
import { buildApp } from '../src/server/app.ts';
import { readConfig } from '../src/server/config.ts';
import { SensitiveCipher } from '../src/server/sensitive-cipher.ts';
import crypto from 'node:crypto';

const PROVINCE = process.env.BENCH_PROVINCE ?? '51';
const ITERATIONS = 300;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'houbei-bench-'));
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
await migrate(database);
configureAuditChain({ key: crypto.randomBytes(32), checkpointFile: null });
const loadStart = performance.now();
const unitCount = await loadProvince(database.db, PROVINCE);
console.log(`database: ${database.kind}; province ${PROVINCE}: ${unitCount} units loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);

const provinceCode = toStatisticalCode(PROVINCE);
const county = (await database.db.selectFrom('org_unit').select('code').where('level', '=', 'county').orderBy('child_count', 'desc').limit(1).executeTakeFirstOrThrow()).code;
const township = (await database.db.selectFrom('org_unit').select('code').where('parent_code', '=', county).orderBy('child_count', 'desc').limit(1).executeTakeFirstOrThrow()).code;
await createUser(database.db, systemContext(systemClock.today()), {
  username: 'benchprovince', displayName: '省委组织部', orgCode: provinceCode, roles: [{ role: 'orgDepartment', orgCode: provinceCode }], password: 'Bench12345', mustChangePassword: false,
});
const app = await buildApp({ config: readConfig({}), database, cipher: new SensitiveCipher(crypto.randomBytes(32)), clock: systemClock });
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'benchprovince', password: 'Bench12345' } });
const cookie = `houbei_session=${login.cookies.find((item) => item.name === 'houbei_session')!.value}`;

const cases: [string, string][] = [
  ['roots', '/api/org-units/roots'],
  ['children of the province', `/api/org-units/${provinceCode}/children`],
  ['children of the largest county', `/api/org-units/${county}/children`],
  ['children of its largest township', `/api/org-units/${township}/children`],
  ['unit detail with breadcrumbs', `/api/org-units/${township}`],
  ['search by name (村, first 50)', `/api/org-units/search?q=${encodeURIComponent('村')}`],
  ['search by rare name', `/api/org-units/search?q=${encodeURIComponent('凤凰')}`],
  ['search by code prefix', `/api/org-units/search?q=${county.slice(0, 6)}`],
];
console.log(`\n| request (as the province org department, ${ITERATIONS} runs) | p50 ms | p95 ms |\n|---|---|---|`);
for (const [label, url] of cases) {
  const times: number[] = [];
  for (let run = 0; run < ITERATIONS; run += 1) {
    const start = performance.now();
    const response = await app.inject({ method: 'GET', url, headers: { cookie } });
    times.push(performance.now() - start);
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  }
  times.sort((a, b) => a - b);
  console.log(`| ${label} | ${percentile(times, 50).toFixed(2)} | ${percentile(times, 95).toFixed(2)} |`);
}
await app.close();
await database.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const { runRosterBenchmark } = await import('./roster.ts');
await runRosterBenchmark();

// The reminder list of a county and (on PostgreSQL) a province: runs when imported.
await import('./reminders.ts');

// Re-evaluating a jurisdiction after a policy change (a county on PGlite, 100,000 people on PostgreSQL): runs when imported.
await import('./policy.ts');
