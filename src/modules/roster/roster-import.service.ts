import type { Db, Executor } from '../../db/database.ts';
import { todayInChina, toIsoDate } from '../../domain/dates.ts';
import { subtreePrefix, villageUnitFromCommitteeName } from '../../domain/org-code.ts';
import { checkPerson, type CheckedPerson, type PersonInput } from '../../domain/person-rules.ts';
import { codeForText, readRosterDate, splitMentor } from '../../domain/roster.ts';
import type { Context } from '../../server/access.ts';
import { AppError, notFound } from '../../server/errors.ts';
import type { SensitiveCipher } from '../../server/sensitive-cipher.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { loadEnabledItems } from '../dictionaries/dictionaries.service.ts';
import { orgUnitsRepository } from '../org-units/org-units.repository.ts';
import { peopleRepository, type PersonRecord } from '../people/people.repository.ts';
import { encryptPerson } from '../people/people.service.ts';
import { isKnownRegion } from '../people/regions.ts';
import { reservesRepository } from '../reserves/reserves.repository.ts';
import { rosterImportRepository, type NewPersonPlacement, type StoredReserve } from './roster-import.repository.ts';
import { findGridHeader, findHeader, gridText, loadGrid, loadWorkbook } from './spreadsheet.ts';
import type { GridRow, GridValue } from './spreadsheet.ts';

export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

export interface RosterImportResult {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
}

const REQUIRED_COLUMNS = ['姓名', '身份证号码'] as const;

const PERSON_FIELD_COLUMNS: Partial<Record<keyof PersonInput, string>> = {
  name: '姓名', gender: '性别', birthDate: '出生年月', idNumber: '身份证号码', phone: '联系电话', partyJoinDate: '入党时间',
  education: '学历', politicalStatus: '政治面貌',
};

/** Columns of which at least one must be filled for a row to count (others may hold merged or leftover values). */
const MEANINGFUL_COLUMNS = ['姓名', '身份证号码', '乡镇', '村(社区)', '联系电话'];

/** A roster makes reserves (and their ledger entries); a talent ledger only ledger entries. */
export type ImportKind = 'roster' | 'ledger';

interface ParsedRow {
  row: number;
  orgCode: string;
  /** The checked person in plain text: encrypted only when written. */
  person: CheckedPerson;
  /** The ID number's blind index, to find the person already stored. */
  idNumberHash: string;
  isAway: boolean;
  reserve: { targetPost: string; readiness: string; sourceCategory: string; mentorName: string | null; mentorPost: string | null; notes: string | null };
}

/** A roster sheet ready to be checked row by row against the target unit and the dictionaries. */
interface RosterSheet {
  /** The rows below the header, in order. */
  dataRows: GridRow[];
  headerRow: number;
  columns: ReadonlyMap<string, number>;
  /** Checks one row: null for a blank row, else the row ready to write or its problems. */
  checkRow(row: GridRow): { parsed: ParsedRow | null; problems: ImportProblem[] } | null;
}

/**
 * Reads a roster workbook for the target unit (a county, township or village) and prepares the
 * check of every row and cell against the same rules as the forms. `hashOf` gives the blind
 * index of an ID number.
 */
async function openRoster(db: Db, ctx: Context, hashOf: (idNumber: string) => string, orgCode: string, file: Buffer, kind: ImportKind): Promise<RosterSheet> {
  ctx.access.require(kind === 'roster' ? 'reserve.write' : 'person.write', [orgCode], { record: '组织单位', action: kind === 'roster' ? '向该单位导入名册' : '向该单位导入人才台账' });
  const target = await orgUnitsRepository.findByCode(db, orgCode);
  if (!target) throw notFound('组织单位');
  const villages = await rosterImportRepository.listVillagesWithin(db, subtreePrefix(target.code, target.level));
  const isVillageTarget = target.level === 'village' || target.level === 'community';
  const targetVillage = isVillageTarget ? villages.find((unit) => unit.code === target.code) : undefined;
  const villagesByName = new Map<string, typeof villages>();
  for (const unit of villages) villagesByName.set(unit.name, [...(villagesByName.get(unit.name) ?? []), unit]);
  const items = await loadEnabledItems(db);
  const dictionaryCodes = Object.fromEntries(Object.entries(items).map(([name, list]) => [name, new Set(list.map((item) => item.code))])) as Record<keyof typeof items, Set<string>>;
  const today = todayInChina();

  const { rows: sheetRows, headerRow, columns } = findGridHeader(await loadGrid(file), REQUIRED_COLUMNS);
  const seenIdNumbers = new Map<string, number>();
  const sourceColumn = columns.has('来源类别') ? '来源类别' : '身份';

  // Column numbers, looked up once; a column the sheet does not have reads as empty.
  const at = (column: string) => columns.get(column);
  const column = {
    name: at('姓名'), idNumber: at('身份证号码'), township: at('乡镇'), village: at('村(社区)'), phone: at('联系电话'), education: at('学历'),
    sourceCategory: at(sourceColumn), away: at('是否在外'), gender: at('性别'), partyJoin: at('入党时间'), politicalStatus: at('政治面貌'),
    targetPost: at('拟任岗位'), readiness: at('成熟度'), birth: at('出生年月'), mentor: at('结对干部姓名及职务'), notes: at('备注'),
  };
  const meaningfulColumns = MEANINGFUL_COLUMNS.map(at).filter((index) => index !== undefined);
  // Values repeat from row to row (education, villages, months): each distinct one is worked out once.
  const codes = new Map<string, string | null>();
  const codeOf = (dictionary: keyof typeof items, value: string): string | null => {
    const key = `${dictionary}\u0000${value}`;
    let code = codes.get(key);
    if (code === undefined) {
      code = codeForText(dictionary, value, items[dictionary]);
      codes.set(key, code);
    }
    return code;
  };
  const villageNames = new Map<string, string>();

  /** A dictionary cell's code: null when empty (a problem if required) or not in the dictionary (a problem). */
  function dictionaryCell(cells: GridRow['cells'], index: number | undefined, columnName: string, dictionary: keyof typeof items, label: string, required: boolean, problems: ImportProblem[], rowNumber: number): string | null {
    const value = textAt(cells, index);
    if (!value) {
      if (required) problems.push({ row: rowNumber, column: columnName, message: `请填写${label}` });
      return null;
    }
    const code = codeOf(dictionary, value);
    if (!code) problems.push({ row: rowNumber, column: columnName, message: `${label}「${value}」不在字典中，可填：${items[dictionary].map((item) => item.label).join('、')}` });
    return code;
  }

  function checkRow({ row: rowNumber, cells }: GridRow): { parsed: ParsedRow | null; problems: ImportProblem[] } | null {
    if (!meaningfulColumns.some((index) => textAt(cells, index) !== '')) return null;
    const rowProblems: ImportProblem[] = [];

    // The village the row belongs to, which must lie under the target unit.
    const townshipName = textAt(cells, column.township);
    const villageText = textAt(cells, column.village);
    let village = targetVillage;
    if (villageText) {
      let villageName = villageNames.get(villageText);
      if (villageName === undefined) {
        villageName = villageUnitFromCommitteeName(villageText).name;
        villageNames.set(villageText, villageName);
      }
      const named = villageName === villageText ? villagesByName.get(villageText) ?? [] : [...(villagesByName.get(villageText) ?? []), ...(villagesByName.get(villageName) ?? [])];
      const matches = townshipName ? named.filter((unit) => unit.townshipName === townshipName) : named;
      if (matches.length === 1) village = matches[0];
      else if (matches.length > 1) rowProblems.push({ row: rowNumber, column: '乡镇', message: `有多个名为「${villageText}」的村（社区），请填写乡镇` });
      else {
        village = undefined;
        rowProblems.push({ row: rowNumber, column: '村(社区)', message: `「${townshipName}${villageText}」不在${target!.fullName}范围内，或不在您的管理范围内，请核对乡镇和村（社区）名称` });
      }
    } else if (!village) {
      rowProblems.push({ row: rowNumber, column: '村(社区)', message: '请填写村（社区）名称' });
    }
    if (village && townshipName && village.townshipName !== townshipName && !rowProblems.length) {
      rowProblems.push({ row: rowNumber, column: '乡镇', message: `「${village.name}」属于「${village.townshipName}」，不是「${townshipName}」` });
    }

    // The ID number must arrive as text: Excel keeps only 15 significant digits of a number.
    const idValue = rawAt(cells, column.idNumber);
    if (typeof idValue === 'number') rowProblems.push({ row: rowNumber, column: '身份证号码', message: '身份证号码被 Excel 存成了数字，末几位已丢失：请将该列设为「文本」格式后重新填写' });

    const education = dictionaryCell(cells, column.education, '学历', 'education', '学历', true, rowProblems, rowNumber);
    const sourceCategory = dictionaryCell(cells, column.sourceCategory, sourceColumn, 'sourceCategory', '身份（来源类别）', true, rowProblems, rowNumber);
    const awayText = textAt(cells, column.away);
    if (awayText && awayText !== '是' && awayText !== '否') rowProblems.push({ row: rowNumber, column: '是否在外', message: '是否在外应填「是」或「否」' });
    const gender = dictionaryCell(cells, column.gender, '性别', 'gender', '性别', false, rowProblems, rowNumber);
    const partyJoinText = rawAt(cells, column.partyJoin);
    const partyJoin = readRosterDate(partyJoinText, '入党时间');
    if (partyJoin.problem) rowProblems.push({ row: rowNumber, column: '入党时间', message: partyJoin.problem });
    const politicalStatus = dictionaryCell(cells, column.politicalStatus, '政治面貌', 'politicalStatus', '政治面貌', false, rowProblems, rowNumber) ?? (partyJoinText ? 'fullMember' : 'masses');
    const targetPost = dictionaryCell(cells, column.targetPost, '拟任岗位', 'targetPost', '拟任岗位', false, rowProblems, rowNumber) ?? 'committeeMember';
    const readiness = dictionaryCell(cells, column.readiness, '成熟度', 'readiness', '成熟度', false, rowProblems, rowNumber) ?? 'withinTwoYears';
    const birthValue = rawAt(cells, column.birth);
    const { date: birthDate, problem: birthProblem } = readRosterDate(birthValue, '出生年月', textAt(cells, column.idNumber));
    if (birthProblem) rowProblems.push({ row: rowNumber, column: '出生年月', message: birthProblem });

    const input: PersonInput = {
      name: textAt(cells, column.name),
      gender,
      birthDate: birthDate ? toIsoDate(birthDate).slice(0, birthDate.day === null ? 7 : 10) : null,
      idNumber: typeof idValue === 'number' ? '' : textAt(cells, column.idNumber),
      phone: textAt(cells, column.phone) || null,
      politicalStatus,
      partyJoinDate: partyJoin.date ? toIsoDate(partyJoin.date) : null,
      education: education ?? '',
    };
    const checked = checkPerson(input, dictionaryCodes, isKnownRegion, today);
    for (const fieldProblem of checked.problems) {
      if (fieldProblem.field === 'idNumber' && typeof idValue === 'number') continue;
      if ((fieldProblem.field === 'education' && !education)) continue;
      rowProblems.push({ row: rowNumber, column: PERSON_FIELD_COLUMNS[fieldProblem.field] ?? fieldProblem.field, message: fieldProblem.message });
    }
    if (checked.person) {
      const previous = seenIdNumbers.get(checked.person.idNumber);
      if (previous !== undefined) rowProblems.push({ row: rowNumber, column: '身份证号码', message: `与第 ${previous} 行的身份证号码重复` });
      else seenIdNumbers.set(checked.person.idNumber, rowNumber);
    }
    if (rowProblems.length > 0 || !checked.person || !village || !education || !sourceCategory) return { parsed: null, problems: rowProblems };
    const mentor = splitMentor(textAt(cells, column.mentor));
    return {
      parsed: {
        row: rowNumber,
        orgCode: village.code,
        person: checked.person,
        idNumberHash: hashOf(checked.person.idNumber),
        isAway: awayText === '是' || checked.person.isLivingAway === true,
        reserve: { targetPost, readiness, sourceCategory, ...mentor, notes: textAt(cells, column.notes) || null },
      },
      problems: NO_PROBLEMS,
    };
  }

  return { dataRows: sheetRows.filter((row) => row.row > headerRow), headerRow, columns, checkRow };
}

/** Every problem of a roster workbook, with its Excel row number and column (nothing is written). */
async function findRosterProblems(db: Db, ctx: Context, cipher: SensitiveCipher, orgCode: string, file: Buffer, kind: ImportKind): Promise<ImportProblem[]> {
  const sheet = await openRoster(db, ctx, (idNumber) => cipher.blindIndex(idNumber), orgCode, file, kind);
  const problems: ImportProblem[] = [];
  let rowCount = 0;
  for (const row of sheet.dataRows) {
    const checked = sheet.checkRow(row);
    if (!checked) continue;
    problems.push(...checked.problems);
    if (checked.parsed) rowCount += 1;
  }
  if (rowCount === 0 && problems.length === 0) problems.push(noDataRows(sheet.headerRow));
  return problems;
}

const NO_PROBLEMS: ImportProblem[] = [];

function textAt(cells: GridRow['cells'], index: number | undefined): string {
  return index === undefined ? '' : gridText(cells[index]);
}

function rawAt(cells: GridRow['cells'], index: number | undefined): GridValue {
  return index === undefined ? null : cells[index] ?? null;
}

const noDataRows = (headerRow: number): ImportProblem => ({ row: headerRow + 1, column: '姓名', message: '表格中没有数据行' });

function rejection(problems: readonly ImportProblem[]): AppError {
  const shown = problems.slice(0, 3).map((item) => `第 ${item.row} 行「${item.column}」：${item.message}`).join('；');
  return new AppError('IMPORT_REJECTED', `文件中有 ${problems.length} 处错误，未导入任何数据。${shown}${problems.length > 3 ? '……' : ''}`, problems);
}

/** Whether the stored person already says what the row says (the stored phone is decrypted to compare). */
function isSamePerson(cipher: SensitiveCipher, stored: PersonRecord, person: CheckedPerson): boolean {
  const storedPhone = stored.phoneCipher ? cipher.decrypt(stored.phoneCipher) : null;
  return storedPhone === (person.phone || null) && stored.name === person.name && stored.gender === person.gender && stored.birthDate === person.birthDate
    && stored.politicalStatus === person.politicalStatus && stored.partyJoinDate === (person.partyJoinDate ?? null) && stored.education === person.education;
}

/** Rows per insert statement: each chunk is checked and encrypted while the previous one is being written. */
const CHUNK_ROWS = 1000;
/** The first chunk is smaller, so that the database starts writing early. */
const FIRST_CHUNK_ROWS = 250;
/** Checked rows between two turns of the event loop. */
const YIELD_ROWS = 1000;

const ID_NUMBER_PATTERN = /^\d{17}[\dX]$/;

type Inserted = { personIds: string[]; reserveIds: string[] };

/**
 * Imports a roster or a ledger all-or-nothing: one bad row rejects the whole file (422, with every problem);
 * a good file creates or updates people, ledger entries and reserves in one transaction, matched
 * by ID number, so importing the same file again changes nothing.
 *
 * To keep both the database and this process busy, the transaction is opened before the rows are
 * checked: the stored people are looked up by the blind indexes of the ID numbers as written,
 * and every CHUNK_ROWS checked rows of new people are encrypted and sent while the following rows
 * are checked. A problem in any row stops the writing, every row is still checked, and the
 * transaction is rolled back, so nothing of the file remains.
 */
export async function importRoster(db: Db, ctx: Context, cipher: SensitiveCipher, input: { orgCode: string; file: Buffer; kind?: ImportKind }): Promise<RosterImportResult> {
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
  const surveyedOn = todayInChina();
  const actorName = ctx.actor?.username ?? 'system';

  return db.transaction().execute(async (tx) => {
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

    const lookedUp = new Set(hashes.values());
    const existing = new Map<string, PersonRecord>();
    const lookup = track(peopleRepository.findByIdNumberHashList(tx, [...lookedUp]).then((people) => {
      for (const person of people) existing.set(person.idNumberHash, person);
    }));
    const rows: ParsedRow[] = [];
    const newRows: ParsedRow[] = [];
    const inserts: Promise<Inserted>[] = [];
    const writeChunk = (chunk: ParsedRow[]) => inserts.push(track(lookup.then(async () => {
      // A row whose ID number was not looked up above (it cannot happen while checkIdNumber only trims and upper-cases).
      const notLookedUp = chunk.filter((row) => !lookedUp.has(row.idNumberHash)).map((row) => row.idNumberHash);
      if (notLookedUp.length > 0) for (const person of await peopleRepository.findByIdNumberHashList(tx, notLookedUp)) existing.set(person.idNumberHash, person);
      const fresh = chunk.filter((row) => !existing.has(row.idNumberHash));
      newRows.push(...fresh);
      if (fresh.length === 0) return { personIds: [], reserveIds: [] };
      return rosterImportRepository.insertPeopleWithPlacements(tx, fresh.map((row) => placementOf(cipher, row, kind)), { surveyedOn, actorName });
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
    const parts = await Promise.all(inserts);
    const inserted: Inserted = { personIds: parts.flatMap((part) => part.personIds), reserveIds: parts.flatMap((part) => part.reserveIds) };

    // People already stored: what they have now (the new people's rows do not touch theirs).
    const knownPairs = rows.flatMap((row) => {
      const stored = existing.get(row.idNumberHash);
      return stored ? [{ row, stored, personId: stored.id }] : [];
    });
    const knownIds = [...new Set(knownPairs.map((pair) => pair.personId))];
    const ledger = await rosterImportRepository.findLedgerPairs(tx, knownIds);
    const reserves = await rosterImportRepository.findReserves(tx, knownIds);
    // The units through which each known person is seen (their ledger entries and reserves).
    const unitsOf = new Map<string, string[]>();
    for (const key of [...ledger, ...reserves.keys()]) {
      const [personId, orgCode] = key.split('/') as [string, string];
      unitsOf.set(personId, [...(unitsOf.get(personId) ?? []), orgCode]);
    }

    const updatedRows = new Set<number>();
    for (const { row, stored } of knownPairs) {
      if (isSamePerson(cipher, stored, row.person)) continue;
      const mayWrite = (unitsOf.get(stored.id) ?? []).some((code) => ctx.access.can('person.write', code));
      if (!mayWrite) continue;
      const columns = encryptPerson(cipher, row.person);
      await peopleRepository.update(tx, stored.id, stored.version, { ...columns, idNumberCipher: stored.idNumberCipher, educationHistory: stored.educationHistory, workHistory: stored.workHistory, familyMembers: stored.familyMembers });
      updatedRows.add(row.row);
    }

    const newLedgerPairs = knownPairs.filter((pair) => !ledger.has(`${pair.personId}/${pair.row.orgCode}`));
    await rosterImportRepository.insertLedgerEntries(tx, newLedgerPairs.map((pair) => ({
      personId: pair.personId, orgCode: pair.row.orgCode, sourceCategory: pair.row.reserve.sourceCategory, isAway: pair.row.isAway, surveyedOn,
    })));
    const createdRows = new Set(newRows.map((row) => row.row));
    let createdReserveIds = inserted.reserveIds;
    if (kind === 'roster') {
      const written = await writeReserves(tx, actorName, knownPairs, reserves, updatedRows);
      for (const row of written.createdRows) createdRows.add(row);
      createdReserveIds = [...createdReserveIds, ...written.createdReserveIds];
    } else {
      for (const pair of newLedgerPairs) createdRows.add(pair.row.row);
    }
    const created = createdRows.size;
    const updated = [...updatedRows].filter((row) => !createdRows.has(row)).length;
    const result = { total: rows.length, created, updated, unchanged: rows.length - created - updated };
    if (created + updated > 0) {
      await recordAuditEvent(tx, ctx, {
        action: kind === 'roster' ? 'roster.import' : 'talentLedger.import',
        entityType: kind === 'roster' ? 'roster' : 'talentLedger',
        entityId: input.orgCode,
        orgCode: input.orgCode,
        summary: `导入${kind === 'roster' ? '名册' : '人才台账'}：新增 ${created} 人，更新 ${updated} 人，未变 ${result.unchanged} 人`,
        after: { ...result, newPeople: inserted.personIds, createdReserves: createdReserveIds },
      });
    }
    return result;
  });
}

/** What is written for a new person: the person encrypted, their ledger entry and (for a roster) their reserve. */
function placementOf(cipher: SensitiveCipher, row: ParsedRow, kind: ImportKind): NewPersonPlacement {
  const { reserve } = row;
  return {
    person: encryptPerson(cipher, row.person, undefined, row.idNumberHash),
    orgCode: row.orgCode,
    sourceCategory: reserve.sourceCategory,
    isAway: row.isAway,
    reserve: kind === 'roster' ? { targetPost: reserve.targetPost, readiness: reserve.readiness, mentorName: reserve.mentorName, mentorPost: reserve.mentorPost, notes: reserve.notes } : null,
  };
}

/** Creates the missing reserves of people already stored and updates the changed ones; returns the rows created. */
async function writeReserves(
  tx: Executor,
  actorName: string,
  pairs: readonly { row: ParsedRow; personId: string }[],
  reserves: ReadonlyMap<string, StoredReserve>,
  updatedRows: Set<number>,
): Promise<{ createdRows: Set<number>; createdReserveIds: string[] }> {
  const toCreate = pairs.filter((pair) => !reserves.has(`${pair.personId}/${pair.row.orgCode}`));
  const createdReserveIds = await rosterImportRepository.insertReserves(tx, toCreate.map((pair) => ({ personId: pair.personId, orgCode: pair.row.orgCode, ...pair.row.reserve })), actorName);
  for (const pair of pairs) {
    const stored = reserves.get(`${pair.personId}/${pair.row.orgCode}`);
    if (!stored) continue;
    const wanted = pair.row.reserve;
    const isSame = stored.targetPost === wanted.targetPost && stored.readiness === wanted.readiness && stored.sourceCategory === wanted.sourceCategory
      && stored.mentorName === wanted.mentorName && stored.mentorPost === wanted.mentorPost && stored.notes === wanted.notes;
    if (isSame) continue;
    await reservesRepository.update(tx, stored.id, stored.version, wanted);
    updatedRows.add(pair.row.row);
  }
  return { createdRows: new Set(toCreate.map((pair) => pair.row.row)), createdReserveIds };
}

/** The uploaded workbook with each bad cell filled red and noted, and a column that lists the row's problems. */
export async function annotateRosterErrors(db: Db, ctx: Context, cipher: SensitiveCipher, input: { orgCode: string; file: Buffer; kind?: ImportKind }): Promise<Buffer> {
  const problems = await findRosterProblems(db, ctx, cipher, input.orgCode, input.file, input.kind ?? 'roster');
  const workbook = await loadWorkbook(input.file);
  const { sheet, headerRow, columns } = findHeader(workbook, REQUIRED_COLUMNS);
  const messageColumn = Math.max(sheet.columnCount, ...columns.values()) + 1;
  sheet.getCell(headerRow, messageColumn).value = '错误说明';
  sheet.getCell(headerRow, messageColumn).font = { bold: true, color: { argb: 'FFC00000' } };
  sheet.getColumn(messageColumn).width = 60;
  const byRow = new Map<number, ImportProblem[]>();
  for (const item of problems) byRow.set(item.row, [...(byRow.get(item.row) ?? []), item]);
  for (const [rowNumber, rowProblems] of byRow) {
    for (const item of rowProblems) {
      const column = columns.get(item.column);
      if (!column) continue;
      const cell = sheet.getCell(rowNumber, column);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
      cell.note = item.message;
    }
    const message = sheet.getCell(rowNumber, messageColumn);
    message.value = rowProblems.map((item) => `${item.column}：${item.message}`).join('；');
    message.font = { color: { argb: 'FFC00000' } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

