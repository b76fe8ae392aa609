import crypto from 'node:crypto';
import type { Db, Tx } from '../../db/database.ts';
import { seatingProblem, type SeatHolder } from '../../domain/committee.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import type { Context } from '../../server/access.ts';
import type { SensitiveCipher } from '../../server/sensitive-cipher.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { encryptPerson, ledgerBulk, personLookup, type PersonRecord } from '../people/people.service.ts';
import { inImportTransaction, rejection } from '../roster/import-roster.ts';
import { loadSheetFacts } from '../roster/open-roster.ts';
import { markProblemsInWorkbook } from '../roster/roster-error-workbook.ts';
import { noDataRows } from '../roster/roster-sheet-checker.ts';
import type { ImportProblem } from '../roster/sheet-rows.ts';
import { loadGrid } from '../roster/spreadsheet.ts';
import { COMMITTEE_REQUIRED_COLUMNS, createCommitteeChecker, type CommitteeRow } from './committee-sheet-checker.ts';
import { toSeatHolder } from './committee-roster.ts';
import { villagesRepository } from './villages.repository.ts';

/** The talent-ledger category of a person who sits on a village committee. */
const SITTING_CADRE_CATEGORY = 'currentCadre';

export interface CommitteeImportResult {
  /** Rows of the file. */
  total: number;
  /** Seats written. */
  seated: number;
  /** Rows whose person already holds that post of that term from that date: nothing to do. */
  unchanged: number;
  /** People not stored before, created with a talent-ledger entry in their village. */
  createdPeople: number;
  isDryRun: boolean;
}

/** Reads and checks every row of a 两委 roster workbook for the target unit; nothing is written. */
async function checkCommitteeFile(db: Db, ctx: Context, cipher: SensitiveCipher, orgCode: string, file: Buffer) {
  ctx.access.require('village.manage', [orgCode], { record: '组织单位', action: '向该单位导入“两委”名册' });
  const facts = await loadSheetFacts(db, ctx, (idNumber) => cipher.blindIndex(idNumber), orgCode);
  const sheet = createCommitteeChecker(await loadGrid(file), facts);
  const rows: CommitteeRow[] = [];
  const problems: ImportProblem[] = [];
  for (const gridRow of sheet.dataRows) {
    const checked = sheet.checkRow(gridRow);
    if (!checked) continue;
    problems.push(...checked.problems);
    if (checked.parsed) rows.push(checked.parsed);
  }
  if (rows.length === 0 && problems.length === 0) problems.push(noDataRows(sheet.headerRow));
  return { target: facts.target, rows, problems };
}

/**
 * The rows checked against the members sitting now, found by the person's ID number: a row whose
 * person already holds that post of that term from that date is unchanged (so importing a file
 * again changes nothing); any other row the sitting members refuse (a head post held by someone
 * else, the person already on that committee in another post) is a problem of the row.
 */
async function checkAgainstSitting(tx: Tx, targetPrefix: string, rows: readonly CommitteeRow[]) {
  const people = new Map<string, PersonRecord>();
  for (const person of await personLookup.findByIdNumberHashList(tx, [...new Set(rows.map((row) => row.idNumberHash))])) people.set(person.idNumberHash, person);
  const sittingRows = await villagesRepository.listMembers(tx, { prefixes: [targetPrefix], sittingOnly: true });
  const sittingByVillage = new Map<string, SeatHolder[]>();
  for (const member of sittingRows) sittingByVillage.set(member.org_code, [...(sittingByVillage.get(member.org_code) ?? []), toSeatHolder(member)]);
  const problems: ImportProblem[] = [];
  const toSeat: CommitteeRow[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const stored = people.get(row.idNumberHash);
    const isSeated = stored !== undefined && sittingRows.some((member) => member.org_code === row.orgCode && member.person_id === stored.id
      && member.committee === row.committee && member.post === row.post && member.term_year === row.termYear && member.started_on === row.startedOn);
    if (isSeated) {
      unchanged += 1;
      continue;
    }
    const problem = seatingProblem(sittingByVillage.get(row.orgCode) ?? [], { personId: stored?.id ?? row.idNumberHash, name: row.person.name, committee: row.committee, post: row.post }, row.villageName);
    if (problem) problems.push({ row: row.row, column: problem.isSamePerson ? '姓名' : '职务', message: problem.message });
    else toSeat.push(row);
  }
  return { people, toSeat, unchanged, problems };
}

/**
 * Imports the current 两委 rosters of a county, township or village from xlsx, all-or-nothing: one
 * bad cell, or one row the sitting members refuse, rejects the whole file (422, every problem with
 * its row and column). People are found by ID number or created (with a talent-ledger entry as
 * 现任村“两委”干部 in their village, like a person the village registers); people already stored
 * keep their records. The seats are written in one transaction with one audit event for the
 * import. Members sitting now and absent from the file keep their seats: a member leaves through
 * the roster (届满 and the other ways). With `dryRun` the same work is done and rolled back.
 */
export async function importCommittees(db: Db, ctx: Context, cipher: SensitiveCipher, input: { orgCode: string; file: Buffer; dryRun?: boolean }): Promise<CommitteeImportResult> {
  const { target, rows, problems } = await checkCommitteeFile(db, ctx, cipher, input.orgCode, input.file);
  if (problems.length > 0) throw rejection(problems);
  const isDryRun = input.dryRun === true;
  return inImportTransaction(db, isDryRun, async (tx) => {
    const checked = await checkAgainstSitting(tx, subtreePrefix(target.code, target.level), rows);
    if (checked.problems.length > 0) throw rejection(checked.problems);
    const { people, toSeat } = checked;

    // People not stored yet, each once (a person may hold seats on two committees: 一肩挑, 交叉任职).
    const newPeople = new Map<string, { id: string; row: CommitteeRow }>();
    for (const row of toSeat) if (!people.has(row.idNumberHash) && !newPeople.has(row.idNumberHash)) newPeople.set(row.idNumberHash, { id: crypto.randomUUID(), row });
    await ledgerBulk.insertPeopleWithLedgerEntries(tx, [...newPeople.values()].map(({ id, row }) => ({
      id, person: encryptPerson(cipher, row.person, undefined, row.idNumberHash), ledgerEntry: { orgCode: row.orgCode, sourceCategory: SITTING_CADRE_CATEGORY, isAway: false },
    })), ctx.today);
    const personIdOf = (row: CommitteeRow) => people.get(row.idNumberHash)?.id ?? newPeople.get(row.idNumberHash)!.id;

    // Stored people are seen in the village through a talent-ledger entry there.
    const knownIds = [...new Set(toSeat.filter((row) => people.has(row.idNumberHash)).map(personIdOf))];
    const ledger = await ledgerBulk.findLedgerPairs(tx, knownIds);
    const missing = new Map<string, { personId: string; orgCode: string; sourceCategory: string; surveyedOn: string }>();
    for (const row of toSeat) {
      const personId = personIdOf(row);
      const key = `${personId}/${row.orgCode}`;
      if (people.has(row.idNumberHash) && !ledger.has(key)) missing.set(key, { personId, orgCode: row.orgCode, sourceCategory: SITTING_CADRE_CATEGORY, surveyedOn: ctx.today });
    }
    await ledgerBulk.insertLedgerEntries(tx, [...missing.values()]);

    const memberIds: string[] = [];
    for (const row of toSeat) {
      memberIds.push(await villagesRepository.insertMember(tx, { orgCode: row.orgCode, personId: personIdOf(row), committee: row.committee, post: row.post, termYear: row.termYear, startedOn: row.startedOn }));
    }
    const result: CommitteeImportResult = { total: rows.length, seated: toSeat.length, unchanged: checked.unchanged, createdPeople: newPeople.size, isDryRun };
    if (toSeat.length > 0) {
      await recordAuditEvent(tx, ctx, {
        action: 'committeeRoster.import', entityType: 'committeeRoster', entityId: target.code, orgCode: target.code,
        summary: `导入${target.fullName}“两委”名册：任职 ${result.seated} 人次（新建人员 ${result.createdPeople} 人），未变 ${result.unchanged} 行`,
        after: { total: result.total, seated: result.seated, unchanged: result.unchanged, newPeople: [...newPeople.values()].map((entry) => entry.id), members: memberIds },
      });
    }
    return result;
  });
}

/**
 * The uploaded workbook with every problem marked (the cells' and the rows' against the members
 * sitting now); nothing is written.
 */
export async function annotateCommitteeErrors(db: Db, ctx: Context, cipher: SensitiveCipher, input: { orgCode: string; file: Buffer }): Promise<Buffer> {
  const { target, rows, problems } = await checkCommitteeFile(db, ctx, cipher, input.orgCode, input.file);
  const sittingProblems = problems.length > 0 ? [] : (await db.transaction().execute((tx) => checkAgainstSitting(tx, subtreePrefix(target.code, target.level), rows))).problems;
  return markProblemsInWorkbook(input.file, [...problems, ...sittingProblems], COMMITTEE_REQUIRED_COLUMNS);
}
