import type { Db, Executor } from '../../db/database.ts';
import { parseLooseDate, todayInChina, toIsoDate } from '../../domain/dates.ts';
import { subtreePrefix, villageUnitFromCommitteeName } from '../../domain/org-code.ts';
import { checkPerson, type PersonInput } from '../../domain/person-rules.ts';
import { codeForText, splitMentor } from '../../domain/roster.ts';
import type { Context } from '../../server/access.ts';
import { AppError, notFound } from '../../server/errors.ts';
import type { SensitiveCipher } from '../../server/sensitive-cipher.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { loadEnabledItems } from '../dictionaries/dictionaries.service.ts';
import { orgUnitsRepository } from '../org-units/org-units.repository.ts';
import { peopleRepository, type PersonColumns, type PersonRecord } from '../people/people.repository.ts';
import { auditView, encryptPerson } from '../people/people.service.ts';
import { isKnownRegion } from '../people/regions.ts';
import { reservesRepository } from '../reserves/reserves.repository.ts';
import { rosterImportRepository } from './roster-import.repository.ts';
import { cellText, cellValue, findHeader, loadWorkbook } from './spreadsheet.ts';

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

/** A roster makes reserves (and their ledger entries); a talent ledger only ledger entries. */
export type ImportKind = 'roster' | 'ledger';

interface ParsedRow {
  row: number;
  orgCode: string;
  person: PersonColumns;
  personName: string;
  isAway: boolean;
  reserve: { targetPost: string; readiness: string; sourceCategory: string; mentorName: string | null; mentorPost: string | null; notes: string | null };
}

/**
 * Reads a roster workbook for the target unit (a county, township or village) and checks every
 * row and cell against the same rules as the forms. Returns the rows ready to write, or every
 * problem with its Excel row number and column.
 */
async function parseRoster(db: Db, ctx: Context, cipher: SensitiveCipher, orgCode: string, file: Buffer, kind: ImportKind): Promise<{ rows: ParsedRow[]; problems: ImportProblem[] }> {
  ctx.access.require(kind === 'roster' ? 'reserve.write' : 'person.write', [orgCode], { record: '组织单位', action: kind === 'roster' ? '向该单位导入名册' : '向该单位导入人才台账' });
  const target = await orgUnitsRepository.findByCode(db, orgCode);
  if (!target) throw notFound('组织单位');
  const villages = await rosterImportRepository.listVillagesWithin(db, subtreePrefix(target.code, target.level));
  const isVillageTarget = target.level === 'village' || target.level === 'community';
  const items = await loadEnabledItems(db);
  const codes = Object.fromEntries(Object.entries(items).map(([name, list]) => [name, new Set(list.map((item) => item.code))])) as Record<keyof typeof items, Set<string>>;
  const today = todayInChina();

  const workbook = await loadWorkbook(file);
  const { sheet, headerRow, columns } = findHeader(workbook, REQUIRED_COLUMNS);
  const problems: ImportProblem[] = [];
  const rows: ParsedRow[] = [];
  const seenIdNumbers = new Map<string, number>();

  for (let rowNumber = headerRow + 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    const text = (column: string) => (columns.has(column) ? cellText(row.getCell(columns.get(column)!)) : '');
    const raw = (column: string) => (columns.has(column) ? cellValue(row.getCell(columns.get(column)!)) : null);
    const meaningful = ['姓名', '身份证号码', '乡镇', '村(社区)', '联系电话'].some((column) => text(column) !== '');
    if (!meaningful) continue;
    const rowProblems: ImportProblem[] = [];
    const problem = (column: string, message: string) => rowProblems.push({ row: rowNumber, column, message });

    // The village the row belongs to, which must lie under the target unit.
    const townshipName = text('乡镇');
    const villageText = text('村(社区)');
    let village = isVillageTarget ? villages.find((unit) => unit.code === target.code) : undefined;
    if (villageText) {
      const villageName = villageUnitFromCommitteeName(villageText).name;
      const matches = villages.filter((unit) => (unit.name === villageText || unit.name === villageName) && (!townshipName || unit.townshipName === townshipName));
      if (matches.length === 1) village = matches[0];
      else if (matches.length > 1) problem('乡镇', `有多个名为「${villageText}」的村（社区），请填写乡镇`);
      else {
        village = undefined;
        problem('村(社区)', `「${townshipName}${villageText}」不在${target.fullName}范围内，或不在您的管理范围内，请核对乡镇和村（社区）名称`);
      }
    } else if (!village) {
      problem('村(社区)', '请填写村（社区）名称');
    }
    if (village && townshipName && village.townshipName !== townshipName && !rowProblems.length) {
      problem('乡镇', `「${village.name}」属于「${village.townshipName}」，不是「${townshipName}」`);
    }

    // The ID number must arrive as text: Excel keeps only 15 significant digits of a number.
    const idValue = raw('身份证号码');
    if (typeof idValue === 'number') problem('身份证号码', '身份证号码被 Excel 存成了数字，末几位已丢失：请将该列设为「文本」格式后重新填写');

    const dictionaryCell = (column: string, dictionary: keyof typeof items, label: string, required: boolean): string | null => {
      const value = text(column);
      if (!value) {
        if (required) problem(column, `请填写${label}`);
        return null;
      }
      const code = codeForText(dictionary, value, items[dictionary]);
      if (!code) problem(column, `${label}「${value}」不在字典中，可填：${items[dictionary].map((item) => item.label).join('、')}`);
      return code;
    };
    const education = dictionaryCell('学历', 'education', '学历', true);
    const sourceCategory = dictionaryCell(columns.has('来源类别') ? '来源类别' : '身份', 'sourceCategory', '身份（来源类别）', true);
    const awayText = text('是否在外');
    if (awayText && !['是', '否'].includes(awayText)) problem('是否在外', '是否在外应填「是」或「否」');
    const gender = dictionaryCell('性别', 'gender', '性别', false);
    const partyJoinText = raw('入党时间');
    const partyJoinDate = partyJoinText === null || partyJoinText === '' ? null : parseLooseDate(partyJoinText);
    const politicalStatus = dictionaryCell('政治面貌', 'politicalStatus', '政治面貌', false) ?? (partyJoinText ? 'fullMember' : 'masses');
    const targetPost = dictionaryCell('拟任岗位', 'targetPost', '拟任岗位', false) ?? 'committeeMember';
    const readiness = dictionaryCell('成熟度', 'readiness', '成熟度', false) ?? 'withinTwoYears';
    const birthValue = raw('出生年月');
    const birthDate = birthValue === null || birthValue === '' ? null : parseLooseDate(birthValue);
    if (birthValue !== null && birthValue !== '' && !birthDate) problem('出生年月', `出生年月「${text('出生年月')}」不是有效日期，可写作 1985.03、1985-03 或 1985年3月`);

    const input: PersonInput = {
      name: text('姓名'),
      gender,
      birthDate: birthDate ? toIsoDate(birthDate).slice(0, birthDate.day === null ? 7 : 10) : null,
      idNumber: typeof idValue === 'number' ? '' : text('身份证号码'),
      phone: text('联系电话') || null,
      politicalStatus,
      partyJoinDate: partyJoinText === null || partyJoinText === '' ? null : partyJoinDate ? toIsoDate(partyJoinDate) : String(partyJoinText),
      education: education ?? '',
    };
    const checked = checkPerson(input, codes, isKnownRegion, today);
    for (const fieldProblem of checked.problems) {
      const column = PERSON_FIELD_COLUMNS[fieldProblem.field] ?? fieldProblem.field;
      if (fieldProblem.field === 'idNumber' && typeof idValue === 'number') continue;
      if ((fieldProblem.field === 'education' && !education)) continue;
      problem(column, fieldProblem.message);
    }
    if (checked.person) {
      const previous = seenIdNumbers.get(checked.person.idNumber);
      if (previous !== undefined) problem('身份证号码', `与第 ${previous} 行的身份证号码重复`);
      else seenIdNumbers.set(checked.person.idNumber, rowNumber);
    }
    if (rowProblems.length > 0 || !checked.person || !village || !education || !sourceCategory) {
      problems.push(...rowProblems);
      continue;
    }
    const mentor = splitMentor(text('结对干部姓名及职务'));
    rows.push({
      row: rowNumber,
      orgCode: village.code,
      person: encryptPerson(cipher, checked.person),
      personName: checked.person.name,
      isAway: awayText === '是' || checked.person.isLivingAway === true,
      reserve: { targetPost, readiness, sourceCategory, ...mentor, notes: text('备注') || null },
    });
  }
  if (rows.length === 0 && problems.length === 0) problems.push({ row: headerRow + 1, column: '姓名', message: '表格中没有数据行' });
  return { rows, problems };
}

/** Whether the stored person already says what the row says (ciphertexts differ per write, so compare plain values). */
function isSamePerson(cipher: SensitiveCipher, stored: PersonRecord, row: PersonColumns): boolean {
  const storedPhone = stored.phoneCipher ? cipher.decrypt(stored.phoneCipher) : null;
  const rowPhone = row.phoneCipher ? cipher.decrypt(row.phoneCipher) : null;
  const a = auditView(stored);
  const b = auditView(row);
  const keys = ['name', 'gender', 'birthDate', 'politicalStatus', 'partyJoinDate', 'education'] as const;
  return storedPhone === rowPhone && keys.every((key) => a[key] === b[key]);
}

/**
 * Imports a roster or a ledger all-or-nothing: one bad row rejects the whole file (422, with every problem);
 * a good file creates or updates people, ledger entries and reserves in one transaction, matched
 * by ID number, so importing the same file again changes nothing.
 */
export async function importRoster(db: Db, ctx: Context, cipher: SensitiveCipher, input: { orgCode: string; file: Buffer; kind?: ImportKind }): Promise<RosterImportResult> {
  const kind = input.kind ?? 'roster';
  const { rows, problems } = await parseRoster(db, ctx, cipher, input.orgCode, input.file, kind);
  if (problems.length > 0) {
    const shown = problems.slice(0, 3).map((item) => `第 ${item.row} 行「${item.column}」：${item.message}`).join('；');
    throw new AppError('IMPORT_REJECTED', `文件中有 ${problems.length} 处错误，未导入任何数据。${shown}${problems.length > 3 ? '……' : ''}`, problems);
  }
  return db.transaction().execute(async (tx) => {
    const existing = new Map((await peopleRepository.findByIdNumberHashes(tx, rows.map((row) => row.person.idNumberHash))).map((person) => [person.idNumberHash, person]));
    const existingUnits = await peopleRepository.listOrgCodes(tx, [...existing.values()].map((person) => person.id));
    const newPeople = rows.filter((row) => !existing.has(row.person.idNumberHash));
    const inserted = await peopleRepository.insertMany(tx, newPeople.map((row) => row.person));
    const personIdByHash = new Map([...[...existing.values()].map((person) => [person.idNumberHash, person.id] as const), ...inserted.map((row) => [row.idNumberHash, row.id] as const)]);

    const updatedRows = new Set<number>();
    for (const row of rows) {
      const stored = existing.get(row.person.idNumberHash);
      if (!stored || isSamePerson(cipher, stored, row.person)) continue;
      const mayWrite = (existingUnits.get(stored.id) ?? []).some((code) => ctx.access.can('person.write', code));
      if (!mayWrite) continue;
      await peopleRepository.update(tx, stored.id, stored.version, { ...row.person, idNumberCipher: stored.idNumberCipher, educationHistory: stored.educationHistory, workHistory: stored.workHistory, familyMembers: stored.familyMembers });
      updatedRows.add(row.row);
    }

    const pairs = rows.map((row) => ({ row, personId: personIdByHash.get(row.person.idNumberHash)! }));
    const ledger = await rosterImportRepository.findLedgerPairs(tx, pairs.map((pair) => pair.personId));
    const newLedgerPairs = pairs.filter((pair) => !ledger.has(`${pair.personId}/${pair.row.orgCode}`));
    await rosterImportRepository.insertLedgerEntries(tx, newLedgerPairs.map((pair) => ({
      personId: pair.personId, orgCode: pair.row.orgCode, sourceCategory: pair.row.reserve.sourceCategory, isAway: pair.row.isAway, surveyedOn: todayInChina(),
    })));
    const written = kind === 'roster' ? await writeReserves(tx, ctx, pairs, updatedRows) : { createdRows: new Set(newLedgerPairs.map((pair) => pair.row.row)), createdReserveIds: [] };
    const created = written.createdRows.size;
    const updated = [...updatedRows].filter((row) => !written.createdRows.has(row)).length;
    const result = { total: rows.length, created, updated, unchanged: rows.length - created - updated };
    if (created + updated > 0) {
      await recordAuditEvent(tx, ctx, {
        action: kind === 'roster' ? 'roster.import' : 'talentLedger.import',
        entityType: kind === 'roster' ? 'roster' : 'talentLedger',
        entityId: input.orgCode,
        orgCode: input.orgCode,
        summary: `导入${kind === 'roster' ? '名册' : '人才台账'}：新增 ${created} 人，更新 ${updated} 人，未变 ${result.unchanged} 人`,
        after: { ...result, newPeople: inserted.map((row) => row.id), createdReserves: written.createdReserveIds },
      });
    }
    return result;
  });
}

/** Creates the missing reserves and updates the changed ones; returns the rows created. */
async function writeReserves(
  tx: Executor,
  ctx: Context,
  pairs: readonly { row: ParsedRow; personId: string }[],
  updatedRows: Set<number>,
): Promise<{ createdRows: Set<number>; createdReserveIds: string[] }> {
  const reserves = await rosterImportRepository.findReserves(tx, pairs.map((pair) => pair.personId));
  const toCreate = pairs.filter((pair) => !reserves.has(`${pair.personId}/${pair.row.orgCode}`));
  const createdReserveIds = await rosterImportRepository.insertReserves(tx, toCreate.map((pair) => ({ personId: pair.personId, orgCode: pair.row.orgCode, ...pair.row.reserve })), ctx.actor?.username ?? 'system');
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
  const { problems } = await parseRoster(db, ctx, cipher, input.orgCode, input.file, input.kind ?? 'roster');
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

