/**
 * The web client's first visit, before and after, in the same run: `npx tsx bench/web-client.ts`.
 * The baseline is another commit of the system (BENCH_WEB_BASELINE, default the last commit that
 * served one uncompressed bundle), unpacked with `git archive` beside this checkout's node_modules
 * and built; both servers run with the demo, and the visits alternate between them (RUNS each,
 * empty cache) on loopback and on an emulated 4 Mbps line with 40 ms round trips.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../tests/e2e/browser.ts';
import { bytesOf, measureFirstVisit, type FirstVisit } from '../tests/e2e/client-loading.ts';
import { startServer } from '../tests/helpers/server-process.ts';

const BASELINE = process.env.BENCH_WEB_BASELINE ?? 'd532c1e';
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);
const root = path.resolve(import.meta.dirname, '..');
const SLOW_LINE = { bytesPerSecond: 4_000_000 / 8, latencyMs: 40 };

function buildBaseline(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'houbei-web-baseline-'));
  execFileSync('bash', ['-c', `git -C ${root} archive ${BASELINE} | tar -x -C ${dir}`]);
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'error'], { cwd: dir, stdio: 'inherit' });
  return dir;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const baselineDir = buildBaseline();
  execFileSync('npm', ['run', 'build:web', '--silent'], { cwd: root, stdio: 'inherit' });
  const [before, after, browser] = await Promise.all([startServer({ root: baselineDir, timeoutMs: 300_000 }), startServer({ timeoutMs: 300_000 }), launchBrowser()]);
  const visits: Record<'before' | 'after', { loopback: FirstVisit[]; slow: FirstVisit[] }> = { before: { loopback: [], slow: [] }, after: { loopback: [], slow: [] } };
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const [label, server] of [['before', before], ['after', after]] as const) {
        visits[label].loopback.push(await measureFirstVisit(browser, server.baseUrl));
        visits[label].slow.push(await measureFirstVisit(browser, server.baseUrl, SLOW_LINE));
      }
    }
  } finally {
    await browser.close();
    await Promise.all([before.stop(), after.stop()]);
    fs.rmSync(baselineDir, { recursive: true, force: true });
  }
  const row = (name: string, pick: (visit: FirstVisit) => number, kind: 'loopback' | 'slow', unit: string) => {
    const b = median(visits.before[kind].map(pick));
    const a = median(visits.after[kind].map(pick));
    console.log(`| ${name} | ${b.toLocaleString('en')} ${unit} | ${a.toLocaleString('en')} ${unit} | ${(a / b).toFixed(2)} |`);
  };
  console.log(`baseline ${BASELINE}, ${RUNS} visits each, medians; load average ${os.loadavg().map((value) => value.toFixed(1)).join(' ')}`);
  console.log('| | before | after | after / before |\n|---|---|---|---|');
  row('login page JavaScript on the wire', (visit) => bytesOf(visit.loginScripts), 'loopback', 'B');
  row('JavaScript fetched after login until the first row', (visit) => bytesOf(visit.laterScripts), 'loopback', 'B');
  row('files of JavaScript for the login page', (visit) => visit.loginScripts.length, 'loopback', '');
  row('login form visible, loopback', (visit) => visit.loginFormMs, 'loopback', 'ms');
  row('first table row after login, loopback', (visit) => visit.firstRowAfterLoginMs, 'loopback', 'ms');
  row('login form visible, 4 Mbps', (visit) => visit.loginFormMs, 'slow', 'ms');
  row('first table row after login, 4 Mbps', (visit) => visit.firstRowAfterLoginMs, 'slow', 'ms');
}

await main();
