import crypto from 'node:crypto';
import type { Db, Tx } from '../../db/database.ts';
import { describePersonChanges, describeReserveChanges, type FieldChange, type ImportedPersonFields } from '../../domain/import-changes.ts';
import type { Context } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import type { SensitiveCipher } from '../../server/sensitive-cipher.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { encryptPerson, ledgerBulk, overwritePerson, personLookup, type PersonRecord } from '../people/people.service.ts';
import { refreshCoverageOfPeople } from '../coverage/coverage.service.ts';
import { admitReservesInBulk, findReservesOfPeople, overwriteReserves, type StoredReserve } from '../reserves/reserves.service.ts';
import { openRoster } from './open-roster.ts';
import { noDataRows, type ImportKind, type ImportProblem, type ParsedRow } from './roster-sheet-checker.ts';
import { gridText } from './spreadsheet.ts';

/** What an updated person's row changed: the fields, with what was stored and what the row says. */
export interface UpdatedPerson {
  row: number;
  name: string;
  changes: FieldChange[];
}

export interface RosterImportResult {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Every updated person with every changed field (an ID number already stored under another name shows as a change of 姓名). */
  updatedPeople: UpdatedPerson[];
  /** True for a preview: everything was checked and computed, nothing was kept. */
  isDryRun: boolean;
}

/** Rows per insert statement: each chunk is checked and encrypted while the previous one is being written. */
const CHUNK_ROWS = 1000;
/** The first chunk is smaller, so that the database starts writing early. */
const FIRST_CHUNK_ROWS = 250;
/** Checked rows between two turns of the event loop. */
const YIELD_ROWS = 1000;

const ID_NUMBER_PATTERN = /^\d{17}[\dX]$/;

/** Thrown inside the transaction of a preview to roll it back, carrying the result out. */
class PreviewRollback extends Error {
  constructor(readonly result: unknown) {
    super('preview');
  }
}

/**
 * Runs an import's work in one transaction; for a preview (`isDryRun`) the same work is done and
 * rolled back, and its result returned.
 */
export async function inImportTransaction<T>(db: Db, isDryRun: boolean, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(async (tx) => {
      const result = await work(tx);
      if (isDryRun) throw new PreviewRollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof PreviewRollback) return error.result as T;
    throw error;
  }
}

export function rejection(problems: readonly ImportProblem[]): AppError {
  const shown = problems.slice(0, 3).map((item) => `第 ${item.row} 行「${item.column}」：${item.message}`).join('；');
  return new AppError('IMPORT_REJECTED', `文件中有 ${problems.length} 处错误，未导入任何数据。${shown}${problems.length > 3 ? '……' : ''}`, problems);
}

/**
 * Imports a roster or a ledger all-or-nothing: one bad row rejects the whole file (422, with every problem);
 * a good file creates or updates people, ledger entries and reserves in one transaction, matched
 * by ID number, so importing the same file again changes nothing. With `dryRun` the same work is
 * done and rolled back: the officer sees what would change (every changed field of every updated
 * person) before confirming.
 *
 * To keep both the database and this process busy, the transaction is opened before the rows are
 * checked: the stored people are looked up by the blind indexes of the ID numbers as written,
 * and every CHUNK_ROWS checked rows of new people are encrypted and sent while the following rows
 * are checked. A problem in any row stops the writing, every row is still checked, and the
 * transaction is rolled back, so nothing of the file remains. People and ledger entries are
 * written through the people module, reserves through the reserves module.
 */
export async function importRoster(
  db: Db,
  ctx: Context,
  cipher: SensitiveCipher,
  input: { orgCode: string; file: Buffer; kind?: ImportKind; dryRun?: boolean },
): Promise<RosterImportResult> {
  const kind = input.kind ?? 'roster';
  const hashes = new Map<string, string>();
  const hashOf = (idNumber: string) => {
    let hash = hashes.get(idNumber);
    if (hash === undefined) {
      hash = cipher.blindIndex(idNumber);
      hashes.set(idNumber, hash);
    }
    return hash;
  };
  const sheet = await openRoster(db, ctx, hashOf, input.orgCode, input.file, kind);
  // The ID numbers as written (checkIdNumber trims and upper-cases them the same way).
  const idColumn = sheet.columns.get('身份证号码')!;
  for (const row of sheet.dataRows) {
    const idNumber = gridText(row.cells[idColumn]).toUpperCase();
    if (ID_NUMBER_PATTERN.test(idNumber)) hashOf(idNumber);
  }
  const surveyedOn = ctx.today;

  return inImportTransaction(db, input.dryRun === true, (tx) => writeRoster(tx, ctx, cipher, {
    sheet, kind, surveyedOn, lookedUp: new Set(hashes.values()), orgCode: input.orgCode, isDryRun: input.dryRun === true,
  }));
}

async function writeRoster(
  tx: Tx,
  ctx: Context,
  cipher: SensitiveCipher,
  options: { sheet: Awaited<ReturnType<typeof openRoster>>; kind: ImportKind; surveyedOn: string; lookedUp: Set<string>; orgCode: string; isDryRun: boolean },
): Promise<RosterImportResult> {
  const { sheet, kind, surveyedOn, lookedUp } = options;
  // Every statement sent below is tracked, and all are settled before the transaction ends.
  const pending: Promise<unknown>[] = [];
  let writeFailed = false;
  const track = <T>(promise: Promise<T>): Promise<T> => {
    promise.catch(() => {
      writeFailed = true;
    });
    pending.push(promise);
    return promise;
  };
  const settle = async () => {
    const results = await Promise.allSettled(pending);
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
  };

  const existing = new Map<string, PersonRecord>();
  const lookup = track(personLookup.findByIdNumberHashList(tx, [...lookedUp]).then((people) => {
    for (const person of people) existing.set(person.idNumberHash, person);
  }));
  const rows: ParsedRow[] = [];
  const newRows: ParsedRow[] = [];
  const newPersonIds: string[] = [];
  const newReserveIds: string[] = [];
  const inserts: Promise<void>[] = [];
  const writeChunk = (chunk: ParsedRow[]) => inserts.push(track(lookup.then(async () => {
    // A row whose ID number was not looked up above (it cannot happen while checkIdNumber only trims and upper-cases).
    const notLookedUp = chunk.filter((row) => !lookedUp.has(row.idNumberHash)).map((row) => row.idNumberHash);
    if (notLookedUp.length > 0) for (const person of await personLookup.findByIdNumberHashList(tx, notLookedUp)) existing.set(person.idNumberHash, person);
    const fresh = chunk.filter((row) => !existing.has(row.idNumberHash));
    newRows.push(...fresh);
    if (fresh.length === 0) return;
    const personIds = fresh.map(() => crypto.randomUUID());
    newPersonIds.push(...personIds);
    await ledgerBulk.insertPeopleWithLedgerEntries(tx, fresh.map((row, index) => ({
      id: personIds[index]!,
      person: encryptPerson(cipher, row.person, undefined, row.idNumberHash),
      ledgerEntry: { orgCode: row.orgCode, sourceCategory: row.reserve.sourceCategory, isAway: row.isAway },
    })), surveyedOn);
    if (kind !== 'roster') return;
    const reserveIds = fresh.map(() => crypto.randomUUID());
    newReserveIds.push(...reserveIds);
    await admitReservesInBulk(tx, ctx, fresh.map((row, index) => ({ id: reserveIds[index]!, personId: personIds[index]!, orgCode: row.orgCode, ...row.reserve })), '名册导入');
  })));

  const problems: ImportProblem[] = [];
  let chunk: ParsedRow[] = [];
  let checkedSinceYield = 0;
  for (const gridRow of sheet.dataRows) {
    const checked = sheet.checkRow(gridRow);
    if (!checked) continue;
    problems.push(...checked.problems);
    if (!checked.parsed) continue;
    rows.push(checked.parsed);
    if (problems.length > 0 || writeFailed) continue;
    chunk.push(checked.parsed);
    if (chunk.length === (inserts.length === 0 ? FIRST_CHUNK_ROWS : CHUNK_ROWS)) {
      writeChunk(chunk);
      chunk = [];
    }
    checkedSinceYield += 1;
    if (checkedSinceYield === YIELD_ROWS) {
      checkedSinceYield = 0;
      // Let the driver take in the answer to the statement running and send the next one, so
      // that the database does not wait for the checking.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (rows.length === 0 && problems.length === 0) problems.push(noDataRows(sheet.headerRow));
  if (problems.length > 0) {
    await Promise.allSettled(pending);
    throw rejection(problems);
  }
  if (chunk.length > 0 && !writeFailed) writeChunk(chunk);
  await settle();

  // People already stored: what they have now (the new people's rows do not touch theirs).
  const knownPairs = rows.flatMap((row) => {
    const stored = existing.get(row.idNumberHash);
    return stored ? [{ row, stored, personId: stored.id }] : [];
  });
  const knownIds = [...new Set(knownPairs.map((pair) => pair.personId))];
  const ledger = await ledgerBulk.findLedgerPairs(tx, knownIds);
  const reserves = await findReservesOfPeople(tx, knownIds);
  // The units through which each known person is seen (their ledger entries and reserves).
  const unitsOf = new Map<string, string[]>();
  for (const key of [...ledger, ...reserves.keys()]) {
    const [personId, orgCode] = key.split('/') as [string, string];
    unitsOf.set(personId, [...(unitsOf.get(personId) ?? []), orgCode]);
  }

  const changesByRow = new Map<number, UpdatedPerson>();
  const noteChanges = (row: ParsedRow, changes: readonly FieldChange[]) => {
    const entry = changesByRow.get(row.row) ?? { row: row.row, name: row.person.name, changes: [] };
    entry.changes.push(...changes);
    changesByRow.set(row.row, entry);
  };
  const overwrittenPeople: string[] = [];
  for (const { row, stored } of knownPairs) {
    const changes = describePersonChanges(storedPersonFields(cipher, stored), { ...row.person, partyJoinDate: row.person.partyJoinDate ?? null });
    if (changes.length === 0) continue;
    const mayWrite = (unitsOf.get(stored.id) ?? []).some((code) => ctx.access.can('person.write', code));
    if (!mayWrite) continue;
    const columns = encryptPerson(cipher, row.person);
    await overwritePerson(tx, stored, { ...columns, idNumberCipher: stored.idNumberCipher, educationHistory: stored.educationHistory, workHistory: stored.workHistory, familyMembers: stored.familyMembers });
    overwrittenPeople.push(stored.id);
    noteChanges(row, changes);
  }
  await refreshCoverageOfPeople(tx, overwrittenPeople, ctx.today);

  const newLedgerPairs = knownPairs.filter((pair) => !ledger.has(`${pair.personId}/${pair.row.orgCode}`));
  await ledgerBulk.insertLedgerEntries(tx, newLedgerPairs.map((pair) => ({
    personId: pair.personId, orgCode: pair.row.orgCode, sourceCategory: pair.row.reserve.sourceCategory, isAway: pair.row.isAway, surveyedOn,
  })));
  const createdRows = new Set(newRows.map((row) => row.row));
  const createdReserveIds = [...newReserveIds];
  if (kind === 'roster') {
    const written = await writeReserves(tx, ctx, knownPairs, reserves, noteChanges);
    for (const row of written.createdRows) createdRows.add(row);
    createdReserveIds.push(...written.createdReserveIds);
  } else {
    for (const pair of newLedgerPairs) createdRows.add(pair.row.row);
  }
  const updatedPeople = [...changesByRow.values()].filter((entry) => !createdRows.has(entry.row)).sort((a, b) => a.row - b.row);
  const created = createdRows.size;
  const updated = updatedPeople.length;
  const result: RosterImportResult = { total: rows.length, created, updated, unchanged: rows.length - created - updated, updatedPeople, isDryRun: options.isDryRun };
  if (created + updated > 0) {
    await recordAuditEvent(tx, ctx, {
      action: kind === 'roster' ? 'roster.import' : 'talentLedger.import',
      entityType: kind === 'roster' ? 'roster' : 'talentLedger',
      entityId: options.orgCode,
      orgCode: options.orgCode,
      summary: `导入${kind === 'roster' ? '名册' : '人才台账'}：新增 ${created} 人，更新 ${updated} 人，未变 ${result.unchanged} 人`,
      after: { total: result.total, created, updated, unchanged: result.unchanged, newPeople: newPersonIds, createdReserves: createdReserveIds, updatedPeople },
    });
  }
  return result;
}

/** The stored person's fields as the row states them (the stored phone decrypted, to compare). */
function storedPersonFields(cipher: SensitiveCipher, stored: PersonRecord): ImportedPersonFields {
  return {
    name: stored.name,
    gender: stored.gender,
    birthDate: stored.birthDate,
    phone: stored.phoneCipher ? cipher.decrypt(stored.phoneCipher) : null,
    politicalStatus: stored.politicalStatus,
    partyJoinDate: stored.partyJoinDate,
    education: stored.education,
  };
}

/** Creates the missing reserves of people already stored and updates the changed ones; returns the rows created. */
async function writeReserves(
  tx: Tx,
  ctx: Context,
  pairs: readonly { row: ParsedRow; personId: string }[],
  reserves: ReadonlyMap<string, StoredReserve>,
  noteChanges: (row: ParsedRow, changes: readonly FieldChange[]) => void,
): Promise<{ createdRows: Set<number>; createdReserveIds: string[] }> {
  const toCreate = pairs.filter((pair) => !reserves.has(`${pair.personId}/${pair.row.orgCode}`));
  const createdReserveIds = toCreate.map(() => crypto.randomUUID());
  await admitReservesInBulk(tx, ctx, toCreate.map((pair, index) => ({ id: createdReserveIds[index]!, personId: pair.personId, orgCode: pair.row.orgCode, ...pair.row.reserve })), '名册导入');
  const overwritten: { stored: StoredReserve; orgCode: string; columns: ParsedRow['reserve'] }[] = [];
  for (const pair of pairs) {
    const stored = reserves.get(`${pair.personId}/${pair.row.orgCode}`);
    if (!stored) continue;
    const changes = describeReserveChanges(stored, pair.row.reserve);
    if (changes.length === 0) continue;
    overwritten.push({ stored, orgCode: pair.row.orgCode, columns: pair.row.reserve });
    noteChanges(pair.row, changes);
  }
  await overwriteReserves(tx, ctx, overwritten);
  return { createdRows: new Set(toCreate.map((pair) => pair.row.row)), createdReserveIds };
}
