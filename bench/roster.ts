/**
 * Roster benchmark (issue acceptance 6): export of 100,000 reserves against exceljs's own
 * streaming writer, import of 10,000 rows with full validation, and the reserve page query at
 * 100,000 reserves. Called by bench/run.ts after the org-tree benchmark; also runs alone with
 * `npx tsx bench/roster.ts` (PGlite in a temp directory, or DATABASE_URL).
 */
import crypto from 'node:crypto';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { faker } from '@faker-js/faker/locale/zh_CN';
import ExcelJS from 'exceljs';
import { AliasNode, sql, TableNode, type KyselyPlugin, type OperationNode, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryId, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import type { Db } from '../src/db/database.ts';
import { openBenchDatabase } from './bench-database.ts';
import { migrate } from '../src/db/migrate.ts';
import { ageOn, formatYearMonth, todayInChina } from '../src/domain/dates.ts';
import { idNumberCheckCharacter } from '../src/domain/id-number.ts';
import { subtreePrefix, toStatisticalCode } from '../src/domain/org-code.ts';
import { checkPerson, type CheckedPerson, type PersonInput } from '../src/domain/person-rules.ts';
import { codeForText, joinMentor, ROSTER_COLUMNS } from '../src/domain/roster.ts';
import { loadEnabledItems } from '../src/modules/dictionaries/dictionaries.service.ts';
import { importCounty } from '../src/modules/org-units/org-units.service.ts';
import { peopleListRepository, type PeopleQuery } from '../src/modules/people/people-list.repository.ts';
import type { PersonColumns } from '../src/modules/people/people.service.ts';
import { encryptPerson, resolvePeopleQuery } from '../src/modules/people/people.service.ts';
import { isKnownRegion } from '../src/modules/people/regions.ts';
import { listReserves } from '../src/modules/reserves/reserves.service.ts';
import { exportRoster } from '../src/modules/roster/roster-export.service.ts';
import { orgUnitLookup } from '../src/modules/org-units/org-units.service.ts';
import { ledgerBulk } from '../src/modules/people/people.service.ts';
import { admitReservesInBulk } from '../src/modules/reserves/reserves.service.ts';
import { importRoster } from '../src/modules/roster/import-roster.ts';
import { findGridHeader, gridText, loadGrid, loadWorkbook } from '../src/modules/roster/spreadsheet.ts';
import { Access, systemContext, type SystemContext } from '../src/server/access.ts';
import { systemClock } from '../src/server/clock.ts';
import { SensitiveCipher } from '../src/server/sensitive-cipher.ts';

/** Counties of Meishan, Sichuan: 732 villages and communities in 67 townships. */
export const COUNTIES = ['511425', '511402', '511421', '511423'] as const;
/** The county the 10,000-row file is imported into (it also holds part of the 100,000). */
const IMPORT_COUNTY = '511425';
const RESERVES = Number(process.env.BENCH_RESERVES ?? 100_000);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const PAGE_RUNS = 100;
/** Which parts to run, e.g. BENCH_ROSTER_PARTS=import (default: export,page,import). */
const PARTS = new Set((process.env.BENCH_ROSTER_PARTS ?? 'export,page,import').split(',').map((part) => part.trim()));
/** How many times to run the first import (each into a fresh copy of the county's people), for a median. */
const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 1);
const SEED_CHUNK = 5000;

const BIRTH_DAYS = 11_000; // 1971-01-01 onwards, about 30 years
const BIRTH_START = Date.UTC(1971, 0, 1);
const EDUCATION = ['juniorHigh', 'seniorHigh', 'seniorHigh', 'juniorCollege', 'juniorCollege', 'bachelor', 'bachelor', 'postgraduate'];
const SOURCES_VILLAGE = ['currentCadre', 'groupLeader', 'veteran', 'wealthyEntrepreneur', 'migrantWorker', 'graduate', 'cooperativeHead', 'villageDoctorTeacher', 'returneeEntrepreneur'];
const SOURCES_COMMUNITY = ['gridWorker', 'residentsGroupLeader', 'residentsRepresentative', 'socialOrganisationHead', 'socialWorker', 'buildingHead'];
const MENTOR_POSTS = ['镇党委副书记', '镇党委委员', '包村干部', '驻村第一书记', '村党组织书记'];

// ---------------------------------------------------------------------------------------------
// Helpers: garbage collection, memory sampling, byte-counting sink, percentiles.

v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

interface MemoryPeaks { rssMiB: number; heapMiB: number; peakRssMiB: number }

/** Samples rss and heapUsed every 50 ms; peaks are reported above the values at start. */
export class MemorySampler {
  #baseline = process.memoryUsage();
  #peakRss = 0;
  #peakHeap = 0;
  #timer: NodeJS.Timeout | undefined;

  start(): void {
    collectGarbage();
    this.#baseline = process.memoryUsage();
    this.#peakRss = this.#baseline.rss;
    this.#peakHeap = this.#baseline.heapUsed;
    this.#timer = setInterval(() => this.#sample(), 50);
  }

  #sample(): void {
    const usage = process.memoryUsage();
    this.#peakRss = Math.max(this.#peakRss, usage.rss);
    this.#peakHeap = Math.max(this.#peakHeap, usage.heapUsed);
  }

  stop(): MemoryPeaks {
    this.#sample();
    clearInterval(this.#timer);
    const mib = (bytes: number) => bytes / 1024 / 1024;
    return { rssMiB: mib(this.#peakRss - this.#baseline.rss), heapMiB: mib(this.#peakHeap - this.#baseline.heapUsed), peakRssMiB: mib(this.#peakRss) };
  }
}

/** A stream that counts bytes and throws them away. */
export class CountingSink extends Writable {
  bytes = 0;
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.bytes += chunk.length;
    callback();
  }
}

/**
 * Times every query sent through the Kysely instance it is attached to (from compilation to the
 * result), to split a service call's wall time into SQL and the rest. Queries run one at a time
 * in the import and the export, so the sum is the time spent waiting on the database.
 */
export class SqlTimer implements KyselyPlugin {
  #started = new WeakMap<QueryId, { at: number; kind: string }>();
  ms = 0;
  queries = 0;
  /** Time and count per kind of statement ("insert person", "select reserve", "raw"). */
  byKind = new Map<string, { ms: number; count: number }>();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.#started.set(args.queryId, { at: performance.now(), kind: describeQuery(args.node) });
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const started = this.#started.get(args.queryId);
    if (started !== undefined) {
      const ms = performance.now() - started.at;
      this.ms += ms;
      this.queries += 1;
      const kind = this.byKind.get(started.kind) ?? { ms: 0, count: 0 };
      this.byKind.set(started.kind, { ms: kind.ms + ms, count: kind.count + 1 });
    }
    return args.result;
  }

  reset(): void {
    this.ms = 0;
    this.queries = 0;
    this.byKind.clear();
  }

  /** The kinds of statement by time spent, e.g. "insert person 20× 1.20 s". */
  summary(): string {
    return [...this.byKind].sort((a, b) => b[1].ms - a[1].ms).map(([kind, { ms, count }]) => `${kind} ${count}× ${seconds(ms)} s`).join(', ');
  }
}

function tableName(node: OperationNode | undefined): string {
  if (node === undefined) return '?';
  if (TableNode.is(node)) return node.table.identifier.name;
  if (AliasNode.is(node)) return tableName(node.node);
  return node.kind;
}

function describeQuery(node: RootOperationNode): string {
  switch (node.kind) {
    case 'InsertQueryNode': return `insert ${tableName(node.into)}`;
    case 'SelectQueryNode': return `select ${(node.from?.froms ?? []).map(tableName).join('+')}`;
    case 'UpdateQueryNode': return `update ${tableName(node.table)}`;
    case 'DeleteQueryNode': return `delete ${node.from.froms.map(tableName).join('+')}`;
    case 'RawNode': return 'raw sql';
    default: return node.kind;
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const perSecond = (count: number, ms: number) => Math.round(count / (ms / 1000));
const fmt = (value: number) => value.toLocaleString('en-US');

/** A valid ID number unique per index (birth day and sequence block), gender from the index. */
export function syntheticPerson(index: number, region: string): { idNumber: string; birthDate: string; gender: 'male' | 'female'; phone: string } {
  const day = index % BIRTH_DAYS;
  const block = Math.floor(index / BIRTH_DAYS);
  if (block > 9) throw new Error('too many synthetic people for the ID number scheme');
  const birth = new Date(BIRTH_START + day * 86_400_000).toISOString().slice(0, 10);
  const sequence = block * 100 + (index % 100);
  const first17 = `${region}${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return {
    idNumber: `${first17}${idNumberCheckCharacter(first17)}`,
    birthDate: birth,
    gender: sequence % 2 === 1 ? 'male' : 'female',
    phone: `13${String(index).padStart(9, '0')}`,
  };
}

function partyJoinDate(birthDate: string, index: number): string | null {
  if (index % 10 >= 7) return null;
  const year = Math.min(2024, Number(birthDate.slice(0, 4)) + 20 + (index % 11));
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

// ---------------------------------------------------------------------------------------------
// Setup: counties and 100,000 reserves.

export interface Village { code: string; level: string; name: string; townshipName: string }

export async function listVillages(db: Db, county: string): Promise<Village[]> {
  return (await orgUnitLookup.listVillagesWithin(db, county)).sort((a, b) => a.code.localeCompare(b.code));
}

export async function seedReserves(db: Db, cipher: SensitiveCipher, villages: readonly Village[]): Promise<void> {
  faker.seed(20261122);
  for (let start = 0; start < RESERVES; start += SEED_CHUNK) {
    const people: PersonColumns[] = [];
    const placements: { orgCode: string; sourceCategory: string; readiness: string; targetPost: string; mentorName: string; mentorPost: string; notes: string | null }[] = [];
    for (let index = start; index < Math.min(RESERVES, start + SEED_CHUNK); index += 1) {
      const village = villages[index % villages.length]!;
      const synthetic = syntheticPerson(index, COUNTIES[index % COUNTIES.length]!);
      const joined = partyJoinDate(synthetic.birthDate, index);
      const checked: CheckedPerson = {
        name: faker.person.fullName({ sex: synthetic.gender }).replace(/\s+/g, ''),
        gender: synthetic.gender,
        birthDate: synthetic.birthDate,
        idNumber: synthetic.idNumber,
        phone: synthetic.phone,
        ethnicity: 'han',
        politicalStatus: joined ? 'fullMember' : 'masses',
        partyJoinDate: joined,
        education: EDUCATION[index % EDUCATION.length]!,
        health: 'healthy',
        isLivingAway: index % 7 === 0,
      };
      people.push(encryptPerson(cipher, checked));
      placements.push({
        orgCode: village.code,
        sourceCategory: village.level === 'community' ? SOURCES_COMMUNITY[index % SOURCES_COMMUNITY.length]! : SOURCES_VILLAGE[index % SOURCES_VILLAGE.length]!,
        readiness: ['readyNow', 'withinTwoYears', 'withinTwoYears', 'longer'][index % 4]!,
        targetPost: index % 5 === 0 ? 'secretary' : 'committeeMember',
        mentorName: faker.person.fullName().replace(/\s+/g, ''),
        mentorPost: MENTOR_POSTS[index % MENTOR_POSTS.length]!,
        notes: index % 9 === 0 ? '在外务工，计划返乡' : null,
      });
    }
    await db.transaction().execute(async (tx) => {
      const personIds = people.map(() => crypto.randomUUID());
      await ledgerBulk.insertPeopleWithLedgerEntries(tx, placements.map((placement, index) => ({
        id: personIds[index]!, person: people[index]!, ledgerEntry: { orgCode: placement.orgCode, sourceCategory: placement.sourceCategory, isAway: false },
      })), '2026-08-25');
      await admitReservesInBulk(tx, systemContext(systemClock.today()), placements.map((placement, index) => ({
        id: crypto.randomUUID(), personId: personIds[index]!, orgCode: placement.orgCode, targetPost: placement.targetPost, readiness: placement.readiness,
        sourceCategory: placement.sourceCategory, mentorName: placement.mentorName, mentorPost: placement.mentorPost, notes: placement.notes,
      })), '名册导入');
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Export and the exceljs baseline.

type RowValues = (string | number)[];

/**
 * The 14 cell values of every exported row, computed the way the export does and held in memory:
 * masked and in full, from one pass over the same keyset reads. Also times each batch read and
 * the decryptions, to show where the export's time goes.
 */
export async function precomputeRows(db: Db, cipher: SensitiveCipher, query: PeopleQuery): Promise<{ masked: RowValues[]; full: RowValues[]; batchMs: number[]; decryptMs: number }> {
  const items = await loadEnabledItems(db);
  const label = (dictionary: keyof typeof items, code: string) => items[dictionary].find((item) => item.code === code)?.label ?? code;
  const masked: RowValues[] = [];
  const full: RowValues[] = [];
  const batchMs: number[] = [];
  let decryptMs = 0;
  let batchStart = performance.now();
  for await (const batch of peopleListRepository.streamReserves(db, query)) {
    batchMs.push(performance.now() - batchStart);
    for (const row of batch) {
      const common = [
        masked.length + 1, row.township_name, row.village_name, row.name,
        row.gender === 'male' ? '男' : row.gender === 'female' ? '女' : row.gender,
        formatYearMonth(row.birth_date), row.party_join_date ? formatYearMonth(row.party_join_date) : '', ageOn(row.birth_date, query.referenceDate),
        label('education', row.education), label('sourceCategory', row.source_category),
      ];
      const tail = [joinMentor(row.mentor_name, row.mentor_post), row.notes ?? ''];
      const decryptStart = performance.now();
      const idNumber = cipher.decrypt(row.id_number_cipher);
      const phone = row.phone_cipher ? cipher.decrypt(row.phone_cipher) : '';
      decryptMs += performance.now() - decryptStart;
      masked.push([...common, row.id_number_masked, row.phone_masked ?? '', ...tail]);
      full.push([...common, idNumber, phone, ...tail]);
    }
    batchStart = performance.now();
  }
  return { masked, full, batchMs, decryptMs };
}

/** exceljs alone: the same sheet set-up and writer options as the export, rows from memory. */
export async function writeWithExcelJs(rows: readonly RowValues[], output: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('名册', { views: [{ state: 'frozen', ySplit: 3 }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [6, 12, 14, 10, 6, 10, 10, 6, 10, 16, 22, 14, 22, 16].map((width) => ({ width }));
  sheet.mergeCells(1, 1, 1, ROSTER_COLUMNS.length);
  sheet.mergeCells(2, 1, 2, ROSTER_COLUMNS.length);
  sheet.getRow(1).getCell(1).value = '村级后备干部名册';
  sheet.getRow(1).getCell(1).font = { bold: true, size: 16 };
  sheet.getRow(1).commit();
  sheet.getRow(2).getCell(1).value = '单位';
  sheet.getRow(2).commit();
  const header = sheet.getRow(3);
  ROSTER_COLUMNS.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column;
    cell.font = { bold: true };
  });
  header.commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}

export interface Timed { ms: number; rows: number; bytes: number; memory: MemoryPeaks; sqlMs: number; queries: number }

export async function timeExport(db: Db, timer: SqlTimer, cipher: SensitiveCipher, orgCode: string, includeSensitive: boolean): Promise<Timed> {
  const sink = new CountingSink();
  const sampler = new MemorySampler();
  sampler.start();
  timer.reset();
  const start = performance.now();
  const rosterExport = await exportRoster(db, systemContext(systemClock.today()), cipher, { orgCode, includeSensitive });
  const rows = await rosterExport.write(sink);
  const ms = performance.now() - start;
  return { ms, rows, bytes: sink.bytes, memory: sampler.stop(), sqlMs: timer.ms, queries: timer.queries };
}

export async function timeBaseline(rows: readonly RowValues[]): Promise<Timed> {
  const sink = new CountingSink();
  const sampler = new MemorySampler();
  sampler.start();
  const start = performance.now();
  await writeWithExcelJs(rows, sink);
  const ms = performance.now() - start;
  return { ms, rows: rows.length, bytes: sink.bytes, memory: sampler.stop(), sqlMs: 0, queries: 0 };
}

// ---------------------------------------------------------------------------------------------
// Import fixture.

interface FixtureRow { township: string; village: string; name: string; sex: string; birth: string; party: string; education: string; identity: string; id: string; phone: string; mentor: string; notes: string }

export async function buildImportFixture(db: Db, villages: readonly Village[]): Promise<{ file: Buffer; rows: FixtureRow[] }> {
  const items = await loadEnabledItems(db);
  const labelOf = (dictionary: keyof typeof items, code: string) => items[dictionary].find((item) => item.code === code)!.label;
  // Only villages whose name is unique within their township, so every row resolves to one unit.
  const counts = new Map<string, number>();
  for (const village of villages) counts.set(`${village.townshipName}/${village.name}`, (counts.get(`${village.townshipName}/${village.name}`) ?? 0) + 1);
  const usable = villages.filter((village) => counts.get(`${village.townshipName}/${village.name}`) === 1);
  faker.seed(11);
  const rows: FixtureRow[] = [];
  for (let offset = 0; offset < IMPORT_ROWS; offset += 1) {
    const index = RESERVES + offset; // ID numbers and phones not used by the 100,000
    const synthetic = syntheticPerson(index, IMPORT_COUNTY);
    const village = usable[offset % usable.length]!;
    const joined = partyJoinDate(synthetic.birthDate, index);
    rows.push({
      township: village.townshipName,
      village: village.name,
      name: faker.person.fullName({ sex: synthetic.gender }).replace(/\s+/g, ''),
      sex: synthetic.gender === 'male' ? '男' : '女',
      birth: formatYearMonth(synthetic.birthDate),
      party: joined ? formatYearMonth(joined) : '',
      education: labelOf('education', EDUCATION[index % EDUCATION.length]!),
      identity: labelOf('sourceCategory', village.level === 'community' ? SOURCES_COMMUNITY[index % SOURCES_COMMUNITY.length]! : SOURCES_VILLAGE[index % SOURCES_VILLAGE.length]!),
      id: synthetic.idNumber,
      phone: synthetic.phone,
      mentor: `${faker.person.fullName().replace(/\s+/g, '')} ${MENTOR_POSTS[index % MENTOR_POSTS.length]!}`,
      notes: index % 9 === 0 ? '在外务工，计划返乡' : '',
    });
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  sheet.mergeCells(1, 1, 1, ROSTER_COLUMNS.length);
  sheet.getCell(1, 1).value = '村级后备干部名册';
  sheet.addRow([...ROSTER_COLUMNS]);
  const idColumn = ROSTER_COLUMNS.indexOf('身份证号码') + 1;
  const phoneColumn = ROSTER_COLUMNS.indexOf('联系电话') + 1;
  sheet.getColumn(idColumn).numFmt = '@';
  sheet.getColumn(phoneColumn).numFmt = '@';
  const today = todayInChina();
  rows.forEach((row, index) => {
    const birthIso = `${row.birth.replace('.', '-')}-01`;
    sheet.addRow([index + 1, row.township, row.village, row.name, row.sex, row.birth, row.party, ageOn(birthIso, today), row.education, row.identity, row.id, row.phone, row.mentor, row.notes]);
  });
  return { file: Buffer.from(await workbook.xlsx.writeBuffer()), rows };
}

/**
 * Where the import's time goes, measured piece by piece with the same functions the import
 * calls: parsing the xlsx, reading cells, validating (checkPerson), encrypting (encryptPerson).
 * What is left of the import's wall time is SQL and bookkeeping.
 */
export async function profileImport(db: Db, cipher: SensitiveCipher, file: Buffer): Promise<{ parseMs: number; excelJsMs: number; cellsMs: number; validateMs: number; hashMs: number; encryptMs: number }> {
  const items = await loadEnabledItems(db);
  const codes = Object.fromEntries(Object.entries(items).map(([name, list]) => [name, new Set(list.map((item) => item.code))])) as Record<keyof typeof items, Set<string>>;
  const today = todayInChina();
  let start = performance.now();
  await loadWorkbook(file);
  const excelJsMs = performance.now() - start;
  start = performance.now();
  const grid = await loadGrid(file);
  const parseMs = performance.now() - start;
  start = performance.now();
  const { rows, headerRow, columns } = findGridHeader(grid, ['姓名', '身份证号码']);
  const inputs: PersonInput[] = [];
  for (const row of rows) {
    if (row.row <= headerRow) continue;
    const text = (column: string) => (columns.has(column) ? gridText(row.cells[columns.get(column)!]) : '');
    const party = text('入党时间');
    inputs.push({
      name: text('姓名'), gender: codeForText('gender', text('性别'), items.gender), birthDate: text('出生年月').replace('.', '-'), idNumber: text('身份证号码'),
      phone: text('联系电话') || null, politicalStatus: party ? 'fullMember' : 'masses', partyJoinDate: party ? `${party.replace('.', '-')}-01` : null,
      education: codeForText('education', text('学历'), items.education) ?? '',
    });
    codeForText('sourceCategory', text('身份'), items.sourceCategory);
  }
  const cellsMs = performance.now() - start;
  start = performance.now();
  const checked: CheckedPerson[] = [];
  for (const input of inputs) {
    const result = checkPerson(input, codes, isKnownRegion, today);
    if (!result.person) throw new Error(`fixture row invalid: ${JSON.stringify(result.problems)}`);
    checked.push(result.person);
  }
  const validateMs = performance.now() - start;
  start = performance.now();
  for (const person of checked) cipher.blindIndex(person.idNumber);
  const hashMs = performance.now() - start;
  start = performance.now();
  for (const person of checked) encryptPerson(cipher, person);
  const encryptMs = performance.now() - start;
  return { parseMs, excelJsMs, cellsMs, validateMs, hashMs, encryptMs };
}

// ---------------------------------------------------------------------------------------------

export async function runRosterBenchmark(): Promise<void> {
  // Its own database (dropped afterwards): a second run never meets the rows of the first, encrypted with another key.
  const { database, drop } = await openBenchDatabase('roster');
  const { db } = database;
  await migrate(database);
  const cipher = new SensitiveCipher(crypto.randomBytes(32));
  const system = systemContext(systemClock.today());
  const provinceCode = toStatisticalCode('51');

  let start = performance.now();
  const villages: Village[] = [];
  for (const county of COUNTIES) {
    await importCounty(db, system, county);
    villages.push(...await listVillages(db, county));
  }
  const importVillages = villages.filter((village) => village.code.startsWith(IMPORT_COUNTY));
  console.log(`\n## Roster benchmark (${database.kind})\n\ncounties ${COUNTIES.join(', ')}: ${villages.length} villages and communities, loaded in ${seconds(performance.now() - start)} s`);

  start = performance.now();
  await seedReserves(db, cipher, villages);
  const seedMs = performance.now() - start;
  console.log(`${fmt(RESERVES)} people, ledger entries and reserves inserted in ${seconds(seedMs)} s (${fmt(perSecond(RESERVES, seedMs))} reserves/s)`);
  if (database.kind === 'postgresql') await database.executeScript('VACUUM ANALYZE');
  else await database.executeScript('ANALYZE');

  const ctx = system;
  const sqlTimer = new SqlTimer();
  const timedDb = db.withPlugin(sqlTimer);
  if (PARTS.has('export')) {
    // 1. Export: masked, with ID numbers and phones in full, and exceljs alone on the same rows.
    const masked = await timeExport(timedDb, sqlTimer, cipher, provinceCode, false);
    const sensitive = await timeExport(timedDb, sqlTimer, cipher, provinceCode, true);
    if (masked.rows !== RESERVES || sensitive.rows !== RESERVES) throw new Error(`export wrote ${masked.rows} / ${sensitive.rows} rows`);

    const query = await resolvePeopleQuery(db, ctx, cipher, { orgCode: provinceCode, status: 'admitted' }, 'person.read');
    const precomputed = await precomputeRows(db, cipher, query);
    const baselineMasked = await timeBaseline(precomputed.masked);
    const baselineSensitive = await timeBaseline(precomputed.full);
    precomputed.masked.length = 0;
    precomputed.full.length = 0;
    const batchTimes = precomputed.batchMs;
    const readMs = batchTimes.reduce((sum, ms) => sum + ms, 0);
    const decryptMs = precomputed.decryptMs;

    const exportLine = (label: string, timed: Timed, baseline: Timed) => {
      const ratio = (timed.rows / timed.ms) / (baseline.rows / baseline.ms);
      return `| ${label} | ${seconds(timed.ms)} | ${fmt(perSecond(timed.rows, timed.ms))} | ${fmt(perSecond(baseline.rows, baseline.ms))} | **${ratio.toFixed(2)}** | ${seconds(timed.sqlMs)} (${timed.queries} queries) | ${(timed.bytes / 1024 / 1024).toFixed(1)} | ${timed.memory.rssMiB.toFixed(0)} / ${timed.memory.heapMiB.toFixed(0)} (${timed.memory.peakRssMiB.toFixed(0)}) | ${baseline.memory.rssMiB.toFixed(0)} / ${baseline.memory.heapMiB.toFixed(0)} (${baseline.memory.peakRssMiB.toFixed(0)}) |`;
    };
    console.log(`\n| export of ${fmt(RESERVES)} reserves | wall s | rows/s | exceljs alone rows/s | ratio (target ≥ 0.6) | of which SQL s | file MiB | peak RSS / heap above baseline MiB (absolute peak RSS) | exceljs alone: same |\n|---|---|---|---|---|---|---|---|---|`);
    console.log(exportLine('masked (default)', masked, baselineMasked));
    console.log(exportLine('ID numbers and phones in full', sensitive, baselineSensitive));
    const sortedBatches = [...batchTimes].sort((a, b) => a - b);
    console.log(`\nexport pieces: keyset reads alone ${seconds(readMs)} s (${batchTimes.length} batches of 2,000: first ${batchTimes[0]!.toFixed(0)} ms, median ${percentile(sortedBatches, 50).toFixed(0)} ms, last ${batchTimes[batchTimes.length - 1]!.toFixed(0)} ms); ${fmt(RESERVES * 2)} decryptions ${seconds(decryptMs)} s; exceljs alone ${seconds(baselineMasked.ms)} s masked / ${seconds(baselineSensitive.ms)} s in full`);

  }

  if (PARTS.has('page')) {
    // 3. The reserve page at 100,000, as the province's org department (scope predicate included).
    const provinceDepartment: SystemContext = { actor: null, access: new Access([{ role: 'orgDepartment', orgCode: provinceCode, orgLevel: 'province' }]), ip: 'bench', today: systemClock.today() };
    const pageCases: [string, Parameters<typeof listReserves>[3]][] = [
      ['first page of 20, default sort (orgCode)', { page: 1, pageSize: 20, sortBy: 'orgCode', sortOrder: 'asc' }],
      ['sortBy name', { page: 1, pageSize: 20, sortBy: 'name', sortOrder: 'asc' }],
      ['education = bachelor', { page: 1, pageSize: 20, sortBy: 'orgCode', sortOrder: 'asc', education: 'bachelor' }],
      ['ageMin 30, ageMax 40', { page: 1, pageSize: 20, sortBy: 'orgCode', sortOrder: 'asc', ageMin: 30, ageMax: 40 }],
      ['one county (orgCode 511421), default sort', { page: 1, pageSize: 20, sortBy: 'orgCode', sortOrder: 'asc', orgCode: toStatisticalCode('511421') }],
    ];
    console.log(`\n| reserve page at ${fmt(RESERVES)} (listReserves as the province org department, ${PAGE_RUNS} runs) | total | p50 ms | p95 ms |\n|---|---|---|---|`);
    for (const [label, pageQuery] of pageCases) {
      const times: number[] = [];
      let total = 0;
      for (let run = 0; run < PAGE_RUNS + 3; run += 1) {
        const begin = performance.now();
        const result = await listReserves(db, provinceDepartment, cipher, pageQuery);
        if (run >= 3) times.push(performance.now() - begin); // three warm-up runs
        total = result.total;
        if (result.reserves.length !== Math.min(20, total)) throw new Error(`${label}: ${result.reserves.length} rows`);
      }
      times.sort((a, b) => a - b);
      console.log(`| ${label} | ${fmt(total)} | ${percentile(times, 50).toFixed(2)} | ${percentile(times, 95).toFixed(2)} |`);
    }

  }

  // 2. Import of 10,000 rows into one county, then the same file again; repeated BENCH_IMPORT_RUNS
  // times (the imported people are deleted between runs), the median run reported.
  if (PARTS.has('import')) {
    const fixture = await buildImportFixture(db, importVillages);
    const countyCode = toStatisticalCode(IMPORT_COUNTY);
    const importProfile = await profileImport(db, cipher, fixture.file);
    const runs: { firstMs: number; secondMs: number; firstSql: { ms: number; queries: number; summary: string }; secondSql: { ms: number; queries: number; summary: string } }[] = [];
    for (let run = 0; run < IMPORT_RUNS; run += 1) {
      const before = (await sql<{ now: Date }>`SELECT clock_timestamp() AS now`.execute(db)).rows[0]!.now;
      sqlTimer.reset();
      start = performance.now();
      const first = await importRoster(timedDb, system, cipher, { orgCode: countyCode, file: fixture.file });
      const firstMs = performance.now() - start;
      const firstSql = { ms: sqlTimer.ms, queries: sqlTimer.queries, summary: sqlTimer.summary() };
      sqlTimer.reset();
      if (first.created !== IMPORT_ROWS) throw new Error(`first import: ${JSON.stringify(first)}`);
      start = performance.now();
      const second = await importRoster(timedDb, system, cipher, { orgCode: countyCode, file: fixture.file });
      const secondMs = performance.now() - start;
      const secondSql = { ms: sqlTimer.ms, queries: sqlTimer.queries, summary: sqlTimer.summary() };
      if (second.unchanged !== IMPORT_ROWS) throw new Error(`second import: ${JSON.stringify(second)}`);
      runs.push({ firstMs, secondMs, firstSql, secondSql });
      console.log(`import run ${run + 1}: first ${seconds(firstMs)} s (${fmt(perSecond(IMPORT_ROWS, firstMs))} rows/s), again ${seconds(secondMs)} s (${fmt(perSecond(IMPORT_ROWS, secondMs))} rows/s)`);
      if (run + 1 < IMPORT_RUNS) {
        const imported = db.selectFrom('person').select('id').where('created_at', '>=', before);
        await db.deleteFrom('reserve').where('person_id', 'in', imported).execute();
        await db.deleteFrom('talent_ledger_entry').where('person_id', 'in', imported).execute();
        await db.deleteFrom('person').where('created_at', '>=', before).execute();
      }
    }
    const median = [...runs].sort((x, y) => x.firstMs - y.firstMs)[Math.floor((runs.length - 1) / 2)]!;
    const secondMedianMs = [...runs].map((item) => item.secondMs).sort((x, y) => x - y)[Math.floor((runs.length - 1) / 2)]!;
    const { firstMs, firstSql, secondSql } = median;
    const villageCount = await db.selectFrom('reserve').select((eb) => eb.fn.countAll<number>().as('count')).where('org_code', 'like', `${subtreePrefix(countyCode, 'county')}%`).executeTakeFirstOrThrow();
    console.log(`\n| import of ${fmt(IMPORT_ROWS)} rows into county ${IMPORT_COUNTY} (${fmt(fixture.file.length)} bytes, ${importVillages.length} villages; median of ${runs.length}) | wall s | rows/s (target ≥ 5,000) | SQL s (time queries were outstanding) | result |\n|---|---|---|---|---|`);
    console.log(`| first import (all new) | ${seconds(firstMs)} | **${fmt(perSecond(IMPORT_ROWS, firstMs))}** | ${seconds(firstSql.ms)} (${firstSql.queries} queries) | created ${fmt(IMPORT_ROWS)} |`);
    console.log(`| same file again (no-op) | ${seconds(secondMedianMs)} | **${fmt(perSecond(IMPORT_ROWS, secondMedianMs))}** | ${seconds(secondSql.ms)} (${secondSql.queries} queries) | unchanged ${fmt(IMPORT_ROWS)} |`);
    console.log(`\nimport pieces, each timed alone on the same file: xlsx read (loadGrid) ${seconds(importProfile.parseMs)} s (exceljs's full load of the same file: ${seconds(importProfile.excelJsMs)} s), reading cells ${seconds(importProfile.cellsMs)} s, checkPerson ${seconds(importProfile.validateMs)} s, blind index ${seconds(importProfile.hashMs)} s, encryptPerson ${seconds(importProfile.encryptMs)} s. County now holds ${fmt(villageCount.count)} reserves.`);
    console.log(`\nSQL of the first import by statement: ${firstSql.summary}.\nSQL of the second: ${secondSql.summary}.`);
  }

  await drop();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runRosterBenchmark();
