import { sql } from 'kysely';
import type { Db, Executor } from '../../db/database.ts';
import { ageOn } from '../../domain/dates.ts';
import { maskIdNumber, maskPhone } from '../../domain/id-number.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import { checkPerson, type CheckedPerson, type FieldProblem, type PersonInput } from '../../domain/person-rules.ts';
import type { Permission } from '../../domain/roles.ts';
import type { Context } from '../../server/access.ts';
import { AppError, notFound, versionConflict } from '../../server/errors.ts';
import type { SensitiveCipher } from '../../server/sensitive-cipher.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { refreshCoverageOfPeople } from '../coverage/coverage.service.ts';
import { loadEnabledCodes } from '../dictionaries/dictionaries.service.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { peopleBulkRepository } from './people-bulk.repository.ts';
import { peopleListRepository, type PeopleQuery, type PersonSummaryRow } from './people-list.repository.ts';
import { peopleRepository, type PersonColumns, type PersonRecord } from './people.repository.ts';
import type { TPeopleFilter, TPerson } from './people.schemas.ts';
import { isKnownRegion } from './regions.ts';

const PERSON = { record: '人员', action: '查看该人员' };

// ---- What other modules use of people (reads of person records and of the shared list query; bulk writes for imports) ----

export type { PersonColumns, PersonRecord } from './people.repository.ts';
export type { LedgerRow, PeopleQuery, PersonSummaryRow, ReserveRow } from './people-list.repository.ts';
export type { NewPersonWithLedgerEntry } from './people-bulk.repository.ts';
export { PERSON_COLUMNS, presentTotal } from './people-list.repository.ts';
export { isKnownRegion } from './regions.ts';

/** Reads of person records (callers check scope through the units from listOrgCodes). */
export const personLookup: Pick<typeof peopleRepository, 'findById' | 'findByIdNumberHashList' | 'listOrgCodes'> = peopleRepository;

/** The shared people/ledger/reserve list query and single rows of it. */
export const peopleLists: Pick<typeof peopleListRepository, 'findReserveRow' | 'findLedgerRow' | 'listReserves' | 'streamReserves' | 'streamLedger'> = peopleListRepository;

/** Ledger entries of many people at once, and new ones in bulk (imports; the import records one audit event). */
export const ledgerBulk: Pick<typeof peopleBulkRepository, 'findLedgerPairs' | 'insertLedgerEntries' | 'insertPeopleWithLedgerEntries'> = peopleBulkRepository;

/**
 * Writes checked, encrypted columns over a stored person (imports; the import records the audit
 * event). Throws the 409 when someone changed the person since it was read.
 */
export async function overwritePerson(db: Executor, stored: PersonRecord, columns: PersonColumns): Promise<void> {
  if (!(await peopleRepository.update(db, stored.id, stored.version, columns))) throw versionConflict(`人员「${stored.name}」`);
}

export const FIELD_LABELS: Record<keyof PersonInput, string> = {
  name: '姓名', gender: '性别', ethnicity: '民族', birthDate: '出生日期', idNumber: '身份证号码', phone: '联系电话', nativePlace: '籍贯', birthplace: '出生地',
  politicalStatus: '政治面貌', partyJoinDate: '入党时间', education: '学历', school: '毕业院校', major: '专业', health: '健康状况',
  occupation: '从事职业', specialties: '专长', workStartDate: '参加工作时间', presentPosition: '现任职务', isLivingAway: '在外能人',
};

/**
 * Checks a person with the dictionaries in force; throws one Chinese message naming every problem,
 * and each problem as a field error under `fieldPath` (where the person sits in the request).
 */
export async function checkPersonInput(db: Executor, input: PersonInput, today: string, fieldPath = 'body'): Promise<CheckedPerson> {
  const codes = await loadEnabledCodes(db);
  const result = checkPerson(input, codes, isKnownRegion, today);
  if (result.person === null) {
    const fieldErrors = result.problems.map((problem) => ({ path: `${fieldPath}.${problem.field}`, message: problem.message }));
    throw new AppError('VALIDATION_FAILED', describeProblems(result.problems), result.problems, fieldErrors);
  }
  return result.person;
}

export function describeProblems(problems: readonly FieldProblem[]): string {
  return problems.map((problem) => `${FIELD_LABELS[problem.field]}：${problem.message}`).join('；');
}

/** The stored form of a checked person: ID number and phone encrypted, hashed and masked (`idNumberHash`: the blind index when the caller has it already). */
export function encryptPerson(cipher: SensitiveCipher, person: CheckedPerson, histories?: Partial<Pick<PersonColumns, 'educationHistory' | 'workHistory' | 'familyMembers'>>, idNumberHash?: string): PersonColumns {
  return {
    name: person.name,
    gender: person.gender,
    ethnicity: person.ethnicity ?? null,
    birthDate: person.birthDate,
    idNumberCipher: cipher.encrypt(person.idNumber),
    idNumberHash: idNumberHash ?? cipher.blindIndex(person.idNumber),
    idNumberMasked: maskIdNumber(person.idNumber),
    phoneCipher: person.phone ? cipher.encrypt(person.phone) : null,
    phoneMasked: person.phone ? maskPhone(person.phone) : null,
    nativePlace: person.nativePlace ?? null,
    birthplace: person.birthplace,
    politicalStatus: person.politicalStatus,
    partyJoinDate: person.partyJoinDate ?? null,
    education: person.education,
    school: person.school ?? null,
    major: person.major ?? null,
    health: person.health ?? null,
    occupation: person.occupation ?? null,
    specialties: person.specialties ?? null,
    workStartDate: person.workStartDate ?? null,
    presentPosition: person.presentPosition ?? null,
    isLivingAway: person.isLivingAway ?? false,
    educationHistory: histories?.educationHistory ?? [],
    workHistory: histories?.workHistory ?? [],
    familyMembers: histories?.familyMembers ?? [],
  };
}

export function presentSummary(row: PersonSummaryRow, referenceDate: string) {
  return {
    id: row.person_id,
    name: row.name,
    gender: row.gender,
    birthDate: row.birth_date,
    age: ageOn(row.birth_date, referenceDate),
    idNumberMasked: row.id_number_masked,
    phoneMasked: row.phone_masked,
    politicalStatus: row.political_status,
    partyJoinDate: row.party_join_date,
    education: row.education,
    isLivingAway: row.is_living_away,
  };
}

/**
 * Turns list filters into a scoped query: the caller's subtrees for the permission, narrowed to
 * the chosen unit (which must be in scope), with an 18-character search matched by ID number.
 */
export async function resolvePeopleQuery(
  db: Db,
  ctx: Context,
  cipher: SensitiveCipher,
  filter: TPeopleFilter & { status?: string | undefined; targetPost?: string | undefined; readiness?: string | undefined; sortBy?: PeopleQuery['sortBy']; sortOrder?: PeopleQuery['sortOrder'] },
  permission: Permission,
): Promise<PeopleQuery> {
  ctx.access.requireAnywhere(permission, '查看人员');
  let orgPrefix: string | undefined;
  if (filter.orgCode) {
    ctx.access.require(permission, [filter.orgCode], { record: '组织单位', action: '查看该单位的人员' });
    const unit = await orgUnitLookup.findByCode(db, filter.orgCode);
    if (!unit) throw notFound('组织单位');
    orgPrefix = subtreePrefix(unit.code, unit.level);
  }
  const search = filter.search?.trim();
  const isIdNumber = search !== undefined && /^\d{17}[\dXx]$/.test(search);
  return {
    prefixes: ctx.access.prefixes(permission),
    orgPrefix,
    nameContains: isIdNumber ? undefined : search || undefined,
    idNumberHash: isIdNumber ? cipher.blindIndex(search.toUpperCase()) : undefined,
    sourceCategory: filter.sourceCategory,
    education: filter.education,
    politicalStatus: filter.politicalStatus,
    ageMin: filter.ageMin,
    ageMax: filter.ageMax,
    isAway: filter.isAway,
    status: filter.status,
    targetPost: filter.targetPost,
    readiness: filter.readiness,
    referenceDate: filter.referenceDate ?? ctx.today,
    sortBy: filter.sortBy ?? 'orgCode',
    sortOrder: filter.sortOrder ?? 'asc',
  };
}

async function findVisiblePerson(db: Executor, ctx: Context, id: string, permission: Permission, action: string): Promise<{ person: PersonRecord; orgCodes: string[] }> {
  const person = await peopleRepository.findById(db, id);
  if (!person) throw notFound('人员');
  const orgCodes = (await peopleRepository.listOrgCodes(db, [id])).get(id) ?? [];
  ctx.access.requireSome(permission, orgCodes, { record: '人员', action });
  return { person, orgCodes };
}

export async function getPerson(db: Db, ctx: Context, id: string): Promise<TPerson> {
  const { person, orgCodes } = await findVisiblePerson(db, ctx, id, 'person.read', PERSON.action);
  return presentPerson(db, ctx, person, orgCodes);
}

async function presentPerson(db: Executor, ctx: Context, person: PersonRecord, orgCodes: string[]): Promise<TPerson> {
  const visible = (code: string) => ctx.access.can('person.read', code);
  const ledger = await db
    .selectFrom('talent_ledger_entry as e')
    .innerJoin('org_unit as o', 'o.code', 'e.org_code')
    .select(['e.id', 'e.org_code', 'o.full_name', 'e.source_category', 'e.is_away', 'e.notes', sql<string>`to_char(e.surveyed_on, 'YYYY-MM-DD')`.as('surveyed_on')])
    .where('e.person_id', '=', person.id)
    .orderBy('e.org_code')
    .execute();
  const reserves = await db
    .selectFrom('reserve as r')
    .innerJoin('org_unit as o', 'o.code', 'r.org_code')
    .select(['r.id', 'r.org_code', 'o.full_name', 'r.status', 'r.target_post', 'r.readiness'])
    .where('r.person_id', '=', person.id)
    .orderBy('r.org_code')
    .execute();
  return {
    id: person.id,
    name: person.name,
    gender: person.gender,
    ethnicity: person.ethnicity,
    birthDate: person.birthDate,
    age: ageOn(person.birthDate, ctx.today),
    idNumberMasked: person.idNumberMasked,
    phoneMasked: person.phoneMasked,
    nativePlace: person.nativePlace,
    birthplace: person.birthplace ?? null,
    politicalStatus: person.politicalStatus,
    partyJoinDate: person.partyJoinDate,
    education: person.education,
    school: person.school,
    major: person.major,
    health: person.health,
    occupation: person.occupation,
    specialties: person.specialties,
    workStartDate: person.workStartDate,
    presentPosition: person.presentPosition,
    isLivingAway: person.isLivingAway,
    educationHistory: (person.educationHistory ?? []) as TPerson['educationHistory'],
    workHistory: (person.workHistory ?? []) as TPerson['workHistory'],
    familyMembers: (person.familyMembers ?? []) as TPerson['familyMembers'],
    hasPhoto: person.hasPhoto,
    version: person.version,
    ledgerEntries: ledger.filter((row) => visible(row.org_code)).map((row) => ({
      id: row.id, orgCode: row.org_code, orgName: row.full_name, sourceCategory: row.source_category, isAway: row.is_away, notes: row.notes, surveyedOn: row.surveyed_on,
    })),
    reserves: reserves.filter((row) => visible(row.org_code)).map((row) => ({
      id: row.id, orgCode: row.org_code, orgName: row.full_name, status: row.status, targetPost: row.target_post, readiness: row.readiness,
    })),
    policies: {
      update: orgCodes.some((code) => ctx.access.can('person.write', code)),
      reveal: orgCodes.some((code) => ctx.access.can('person.revealSensitive', code)),
    },
  };
}

export async function updatePerson(
  db: Db,
  ctx: Context,
  cipher: SensitiveCipher,
  id: string,
  input: Omit<PersonInput, 'idNumber'> & { idNumber?: string | undefined; version: number; educationHistory?: unknown[] | undefined; workHistory?: unknown[] | undefined; familyMembers?: unknown[] | undefined },
): Promise<TPerson> {
  return db.transaction().execute(async (tx) => {
    const { person, orgCodes } = await findVisiblePerson(tx, ctx, id, 'person.write', '修改该人员档案');
    // Omitted ID number and phone stay as stored (forms only ever see them masked); null clears the phone.
    const idNumber = input.idNumber ?? cipher.decrypt(person.idNumberCipher);
    const phone = input.phone === undefined ? (person.phoneCipher ? cipher.decrypt(person.phoneCipher) : null) : input.phone;
    const checked = await checkPersonInput(tx, { ...input, idNumber, phone }, ctx.today);
    const columns = encryptPerson(cipher, checked, {
      educationHistory: input.educationHistory ?? person.educationHistory,
      workHistory: input.workHistory ?? person.workHistory,
      familyMembers: input.familyMembers ?? person.familyMembers,
    });
    if (columns.idNumberHash !== person.idNumberHash && (await peopleRepository.findByIdNumberHashes(tx, [columns.idNumberHash])).length > 0) {
      throw new AppError('CONFLICT', '该身份证号码已属于系统中的另一人员，请核对');
    }
    if (columns.idNumberHash === person.idNumberHash) columns.idNumberCipher = person.idNumberCipher;
    if (!(await peopleRepository.update(tx, id, input.version, columns))) throw versionConflict('该人员档案');
    // Age and education count in the coverage of the villages where the person is a reserve.
    await refreshCoverageOfPeople(tx, [id], ctx.today);
    await recordAuditEvent(tx, ctx, {
      action: 'person.update',
      entityType: 'person',
      entityId: id,
      orgCode: orgCodes[0] ?? null,
      summary: `修改人员档案：${person.name}`,
      before: auditView(person),
      after: auditView({ ...person, ...columns }),
    });
    return presentPerson(tx, ctx, (await peopleRepository.findById(tx, id))!, orgCodes);
  });
}

/** What the audit log keeps of a person: the masked forms, never the plaintext ID number or phone. */
export function auditView(person: PersonColumns | PersonRecord) {
  return {
    name: person.name, gender: person.gender, ethnicity: person.ethnicity, birthDate: person.birthDate, idNumberMasked: person.idNumberMasked,
    phoneMasked: person.phoneMasked, nativePlace: person.nativePlace, birthplace: person.birthplace ?? null, politicalStatus: person.politicalStatus, partyJoinDate: person.partyJoinDate,
    education: person.education, school: person.school, major: person.major, health: person.health, occupation: person.occupation,
    specialties: person.specialties, workStartDate: person.workStartDate, presentPosition: person.presentPosition, isLivingAway: person.isLivingAway,
  };
}

/** Shows the full ID number and phone to a role allowed to see them, and records that it did. */
export async function revealPerson(db: Db, ctx: Context, cipher: SensitiveCipher, id: string): Promise<{ idNumber: string; phone: string | null }> {
  return db.transaction().execute(async (tx) => {
    const { person, orgCodes } = await findVisiblePerson(tx, ctx, id, 'person.revealSensitive', '查看完整身份证号码和联系电话');
    await recordAuditEvent(tx, ctx, {
      action: 'person.reveal',
      entityType: 'person',
      entityId: id,
      orgCode: orgCodes.find((code) => ctx.access.can('person.revealSensitive', code)) ?? null,
      summary: `查看了 ${person.name} 的完整身份证号码和联系电话`,
    });
    return { idNumber: cipher.decrypt(person.idNumberCipher), phone: person.phoneCipher ? cipher.decrypt(person.phoneCipher) : null };
  });
}

/**
 * A person's full ID number and phone for a use case of another module that has already decided
 * the caller may see them (a joint-review department checking a candidate sent to it); the reveal
 * is recorded in the audit log like every other.
 */
export async function revealPersonOnBehalf(
  db: Db,
  ctx: Context,
  cipher: SensitiveCipher,
  personId: string,
  audit: { orgCode: string; summary: string },
): Promise<{ idNumber: string; phone: string | null }> {
  return db.transaction().execute(async (tx) => {
    const person = await peopleRepository.findById(tx, personId);
    if (!person) throw notFound('人员');
    await recordAuditEvent(tx, ctx, { action: 'person.reveal', entityType: 'person', entityId: personId, orgCode: audit.orgCode, summary: audit.summary });
    return { idNumber: cipher.decrypt(person.idNumberCipher), phone: person.phoneCipher ? cipher.decrypt(person.phoneCipher) : null };
  });
}

const PHOTO_TYPES: Record<string, (data: Buffer) => boolean> = {
  'image/jpeg': (data) => data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff,
  'image/png': (data) => data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
};
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

export async function savePersonPhoto(db: Db, ctx: Context, id: string, photo: { contentType: string; data: Buffer }): Promise<void> {
  const isContent = PHOTO_TYPES[photo.contentType];
  if (!isContent || !isContent(photo.data)) throw new AppError('VALIDATION_FAILED', '照片须为 JPEG 或 PNG 图片');
  await db.transaction().execute(async (tx) => {
    const { person, orgCodes } = await findVisiblePerson(tx, ctx, id, 'person.write', '修改该人员档案');
    await peopleRepository.savePhoto(tx, id, photo);
    await recordAuditEvent(tx, ctx, {
      action: 'person.photo',
      entityType: 'person',
      entityId: id,
      orgCode: orgCodes[0] ?? null,
      summary: `上传 ${person.name} 的照片（${Math.round(photo.data.length / 1024)} KB）`,
    });
  });
}

export async function getPersonPhoto(db: Db, ctx: Context, id: string): Promise<{ contentType: string; data: Buffer }> {
  await findVisiblePerson(db, ctx, id, 'person.read', PERSON.action);
  const photo = await peopleRepository.findPhoto(db, id);
  if (!photo) throw notFound('照片');
  return photo;
}
