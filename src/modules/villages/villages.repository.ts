import { sql, type Selectable } from 'kysely';
import type { CommitteeMemberTable, PostVacancyTable } from '../../db/schema-management.ts';
import type { PersonTable } from '../../db/schema.ts';
import type { Executor } from '../../db/database.ts';
import { updateAtVersion } from '../../db/optimistic-lock.ts';
import { withinSubtrees } from '../../db/scope.ts';
import type { Committee, LeaveReason, Post } from '../../domain/committee.ts';
import type { CandidateProfile } from '../../domain/selection-procedure.ts';
import type { TrainingMethod } from '../../domain/training-rules.ts';
import { countyOf } from '../../db/distribution.ts';

/** A committee member's id and village: the records about the member are found by both. */
export interface MemberKey { id: string; org_code: string }

/** The rows of these members, named with their counties: the county's index serves it, and on Citus the county's shard. */
function ofMembers(members: readonly MemberKey[]) {
  const counties = [...new Set(members.map((member) => countyOf(member.org_code)))];
  return sql<boolean>`county_code = ANY(${counties}::text[]) AND member_id = ANY(${members.map((member) => member.id)}::uuid[])`;
}

export interface ProfileColumns {
  villageType: string | null;
  households: number | null;
  population: number | null;
  collectiveIncome: number | null;
  incomeYear: number | null;
  condition: string | null;
  hasProminentProblems: boolean;
  secretaryNeedsAdjustment: boolean;
  needOverride: CandidateProfile | null;
  needOverrideReason: string | null;
}

export interface ProfileRecord extends ProfileColumns {
  orgCode: string;
  version: number;
}

/** A member of a committee with the person's facts the roster shows; the columns' types come from the schema. */
export type MemberRow = Omit<Selectable<CommitteeMemberTable>, 'created_at' | 'updated_at'>
  & Pick<Selectable<PersonTable>, 'name' | 'gender' | 'birth_date' | 'education' | 'political_status'>;

export type VacancyRow = Omit<Selectable<PostVacancyTable>, 'created_at'> & { village_name: string; township_code: string };

export type SittingExportRow = Pick<Selectable<CommitteeMemberTable>, 'committee' | 'post' | 'term_year'> & { started_on: string }
  & Pick<Selectable<PersonTable>, 'name' | 'gender' | 'education' | 'political_status' | 'id_number_cipher' | 'id_number_masked' | 'phone_cipher' | 'phone_masked'>
  & { township_name: string; village_name: string; birth_date: string; party_join_date: string | null };

const MEMBER_COLUMNS = sql`m.id, m.org_code, m.person_id, p.name, p.gender, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.education, p.political_status,
  m.committee, m.post, m.term_year, to_char(m.started_on, 'YYYY-MM-DD') AS started_on, to_char(m.ended_on, 'YYYY-MM-DD') AS ended_on, m.leave_reason, m.version`;
const VACANCY_COLUMNS = sql`v.id, v.org_code, u.name AS village_name, coalesce(u.parent_code, '') AS township_code, v.committee, v.post,
  to_char(v.opened_on, 'YYYY-MM-DD') AS opened_on, v.cause, v.left_member_id, to_char(v.closed_on, 'YYYY-MM-DD') AS closed_on, v.version`;

function toProfile(row: {
  org_code: string; village_type: string | null; households: number | null; population: number | null; collective_income: string | null; income_year: number | null;
  condition: string | null; has_prominent_problems: boolean; secretary_needs_adjustment: boolean; need_override: CandidateProfile | null; need_override_reason: string | null; version: number;
}): ProfileRecord {
  return {
    orgCode: row.org_code, villageType: row.village_type, households: row.households, population: row.population,
    collectiveIncome: row.collective_income === null ? null : Number(row.collective_income), incomeYear: row.income_year, condition: row.condition,
    hasProminentProblems: row.has_prominent_problems, secretaryNeedsAdjustment: row.secretary_needs_adjustment,
    needOverride: row.need_override, needOverrideReason: row.need_override_reason, version: row.version,
  };
}

function profileRow(columns: ProfileColumns) {
  return {
    village_type: columns.villageType, households: columns.households, population: columns.population, collective_income: columns.collectiveIncome,
    income_year: columns.incomeYear, condition: columns.condition, has_prominent_problems: columns.hasProminentProblems,
    secretary_needs_adjustment: columns.secretaryNeedsAdjustment, need_override: columns.needOverride, need_override_reason: columns.needOverrideReason,
  };
}

export const villagesRepository = {
  async findProfiles(db: Executor, orgCodes: readonly string[]): Promise<Map<string, ProfileRecord>> {
    if (orgCodes.length === 0) return new Map();
    // The villages' counties named as well, so that on Citus only their shards are read.
    const counties = [...new Set(orgCodes.map(countyOf))];
    const rows = await db.selectFrom('village_profile').selectAll()
      .where(sql<boolean>`county_code = ANY(${counties}::text[]) AND org_code = ANY(${[...orgCodes]}::text[])`).execute();
    return new Map(rows.map((row) => [row.org_code, toProfile(row)]));
  },

  async insertProfile(db: Executor, orgCode: string, columns: ProfileColumns): Promise<void> {
    await db.insertInto('village_profile').values({ county_code: countyOf(orgCode), org_code: orgCode, ...profileRow(columns) }).execute();
  },

  async updateProfile(db: Executor, orgCode: string, version: number, columns: ProfileColumns): Promise<boolean> {
    return updateAtVersion(db, 'village_profile', { org_code: orgCode }, version, { ...profileRow(columns), updated_at: new Date() });
  },

  async listMembers(db: Executor, filter: { prefixes: readonly string[]; orgCode?: string; sittingOnly: boolean; committee?: Committee; post?: Post }): Promise<MemberRow[]> {
    const { rows } = await sql<MemberRow>`
      SELECT ${MEMBER_COLUMNS} FROM committee_member m JOIN person p ON p.id = m.person_id
      WHERE ${withinSubtrees('m.org_code', filter.prefixes, { countyColumn: 'm.county_code' })}
        ${filter.orgCode ? sql`AND m.org_code = ${filter.orgCode}` : sql``}
        ${filter.sittingOnly ? sql`AND m.ended_on IS NULL` : sql``}
        ${filter.committee ? sql`AND m.committee = ${filter.committee}` : sql``}
        ${filter.post ? sql`AND m.post = ${filter.post}` : sql``}
      ORDER BY m.org_code, m.ended_on IS NOT NULL, m.term_year DESC,
        array_position(ARRAY['party', 'villagers', 'supervision'], m.committee),
        array_position(ARRAY['secretary', 'director', 'chair', 'deputySecretary', 'deputyDirector', 'member'], m.post), p.name
      LIMIT 20000`.execute(db);
    return rows;
  },

  /** The sitting members under the prefixes with what the 两委 roster export writes of them, by township, village, committee and post. */
  async listSittingForExport(db: Executor, prefixes: readonly string[]): Promise<SittingExportRow[]> {
    const { rows } = await sql<SittingExportRow>`
      SELECT coalesce(t.name, '') AS township_name, u.name AS village_name, p.name, p.gender, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date,
        p.education, p.political_status, to_char(p.party_join_date, 'YYYY-MM-DD') AS party_join_date,
        p.id_number_cipher, p.id_number_masked, p.phone_cipher, p.phone_masked,
        m.committee, m.post, m.term_year, to_char(m.started_on, 'YYYY-MM-DD') AS started_on
      FROM committee_member m JOIN person p ON p.id = m.person_id JOIN org_unit u ON u.code = m.org_code LEFT JOIN org_unit t ON t.code = u.parent_code
      WHERE ${withinSubtrees('m.org_code', prefixes)} AND m.ended_on IS NULL
      ORDER BY m.org_code, array_position(ARRAY['party', 'villagers', 'supervision'], m.committee),
        array_position(ARRAY['secretary', 'director', 'chair', 'deputySecretary', 'deputyDirector', 'member'], m.post), p.name`.execute(db);
    return rows;
  },

  async findMember(db: Executor, id: string): Promise<MemberRow | undefined> {
    const { rows } = await sql<MemberRow>`SELECT ${MEMBER_COLUMNS} FROM committee_member m JOIN person p ON p.id = m.person_id WHERE m.id = ${id}`.execute(db);
    return rows[0];
  },

  async insertMember(db: Executor, member: { orgCode: string; personId: string; committee: Committee; post: Post; termYear: number; startedOn: string }): Promise<string> {
    const row = await db.insertInto('committee_member').values({
      county_code: countyOf(member.orgCode), org_code: member.orgCode, person_id: member.personId, committee: member.committee, post: member.post, term_year: member.termYear, started_on: member.startedOn,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async endMember(db: Executor, id: string, version: number, leaving: { endedOn: string; reason: LeaveReason }): Promise<boolean> {
    return updateAtVersion(db, 'committee_member', { id, ended_on: null }, version, { ended_on: leaving.endedOn, leave_reason: leaving.reason, updated_at: new Date() });
  },

  async insertVacancy(db: Executor, vacancy: { orgCode: string; committee: Committee; post: Post; openedOn: string; cause: string; leftMemberId: string | null }): Promise<string> {
    const row = await db.insertInto('post_vacancy').values({
      county_code: countyOf(vacancy.orgCode), org_code: vacancy.orgCode, committee: vacancy.committee, post: vacancy.post, opened_on: vacancy.openedOn, cause: vacancy.cause, left_member_id: vacancy.leftMemberId,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async findVacancy(db: Executor, id: string): Promise<VacancyRow | undefined> {
    const { rows } = await sql<VacancyRow>`SELECT ${VACANCY_COLUMNS} FROM post_vacancy v JOIN org_unit u ON u.code = v.org_code WHERE v.id = ${id}`.execute(db);
    return rows[0];
  },

  async listVacancies(db: Executor, filter: { prefixes: readonly string[]; openOnly: boolean }): Promise<VacancyRow[]> {
    const { rows } = await sql<VacancyRow>`
      SELECT ${VACANCY_COLUMNS} FROM post_vacancy v JOIN org_unit u ON u.code = v.org_code
      WHERE ${withinSubtrees('v.org_code', filter.prefixes, { countyColumn: 'v.county_code' })} ${filter.openOnly ? sql`AND v.closed_on IS NULL` : sql``}
      ORDER BY v.closed_on IS NOT NULL, v.opened_on, v.org_code LIMIT 5000`.execute(db);
    return rows;
  },

  async closeVacancy(db: Executor, id: string, version: number, closedOn: string): Promise<boolean> {
    return updateAtVersion(db, 'post_vacancy', { id, closed_on: null }, version, { closed_on: closedOn });
  },

  async insertReview(db: Executor, review: {
    memberId: string; orgCode: string; period: string; reviewedOn: string; reviewers: string; goodCount: number; fairlyGoodCount: number; averageCount: number; poorCount: number;
    result: 'good' | 'fairlyGood' | 'average' | 'poor'; finding: 'incompetent' | 'unqualified' | 'notDiligent' | null; recordedBy: string;
  }): Promise<string> {
    const row = await db.insertInto('secretary_review').values({
      member_id: review.memberId, county_code: countyOf(review.orgCode), org_code: review.orgCode, period: review.period, reviewed_on: review.reviewedOn, reviewers: review.reviewers, good_count: review.goodCount,
      fairly_good_count: review.fairlyGoodCount, average_count: review.averageCount, poor_count: review.poorCount, result: review.result, finding: review.finding, recorded_by: review.recordedBy,
    }).onConflict((oc) => oc.columns(['county_code', 'member_id', 'period']).doNothing()).returning('id').executeTakeFirst();
    return row?.id ?? '';
  },

  async listReviews(db: Executor, members: readonly MemberKey[]) {
    if (members.length === 0) return [];
    return db.selectFrom('secretary_review').selectAll().where(ofMembers(members)).orderBy('period', 'desc').execute();
  },

  async insertDiscipline(db: Executor, record: { memberId: string; orgCode: string; decidedOn: string; kind: string; description: string; recordedBy: string }): Promise<string> {
    const row = await db.insertInto('secretary_discipline').values({
      member_id: record.memberId, county_code: countyOf(record.orgCode), org_code: record.orgCode, decided_on: record.decidedOn, kind: record.kind, description: record.description, recorded_by: record.recordedBy,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async insertTraining(db: Executor, record: { memberId: string; orgCode: string; startedOn: string; days: number; method: TrainingMethod; course: string; organiser: string; recordedBy: string }): Promise<string> {
    const row = await db.insertInto('secretary_training').values({
      member_id: record.memberId, county_code: countyOf(record.orgCode), org_code: record.orgCode, started_on: record.startedOn, days: record.days, method: record.method,
      course: record.course, organiser: record.organiser, recorded_by: record.recordedBy,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async listTraining(db: Executor, members: readonly MemberKey[]) {
    if (members.length === 0) return [];
    return db.selectFrom('secretary_training').selectAll().where(ofMembers(members)).orderBy('started_on', 'desc').execute();
  },

  async listDiscipline(db: Executor, members: readonly MemberKey[]) {
    if (members.length === 0) return [];
    return db.selectFrom('secretary_discipline').selectAll().where(ofMembers(members)).orderBy('decided_on', 'desc').execute();
  },
};
