import type { Executor } from '../../db/database.ts';
import { escapeLike } from '../../db/scope.ts';

/** A reserve with the person and unit details the form prints (sensitive fields still encrypted). */
export interface RecordFormReserveRow {
  reserve_id: string;
  org_code: string;
  status: string;
  person_id: string;
  village_name: string;
  township_name: string | null;
  name: string;
  gender: string;
  ethnicity: string | null;
  birth_date: string;
  id_number_cipher: string;
  id_number_masked: string;
  phone_cipher: string | null;
  phone_masked: string | null;
  native_place: string | null;
  birthplace: string | null;
  party_join_date: string | null;
  education: string;
  school: string | null;
  major: string | null;
  health: string | null;
  occupation: string | null;
  specialties: string | null;
  work_start_date: string | null;
}

export interface TrainingRow {
  reserve_id: string;
  name: string;
  method: string;
  start_date: string;
  end_date: string;
  days_attended: number;
  content: string | null;
}

export interface MentoringSummaryRow {
  reserve_id: string;
  quarter: number;
  period_text: string | null;
  content: string;
  opinion: string;
  mentor_name: string;
}

export interface MentorContactRow {
  reserve_id: string;
  contacted_on: string;
  form: string;
  work: string | null;
  help_given: string | null;
  mentor_name: string;
}

export interface PracticeRow {
  reserve_id: string;
  started_on: string;
  ended_on: string | null;
  content: string;
  performance: string | null;
  opinion: string | null;
}

export interface AssessmentRow {
  reserve_id: string;
  kind: string;
  assessor: string;
  quarter: number | null;
  grade: string | null;
  opinion: string;
}

const RESERVE_COLUMNS = [
  'r.id as reserve_id', 'r.org_code', 'r.status', 'r.person_id', 'v.name as village_name', 't.name as township_name',
  'p.name', 'p.gender', 'p.ethnicity', 'p.birth_date', 'p.id_number_cipher', 'p.id_number_masked', 'p.phone_cipher', 'p.phone_masked',
  'p.native_place', 'p.birthplace', 'p.party_join_date', 'p.education', 'p.school', 'p.major', 'p.health', 'p.occupation', 'p.specialties', 'p.work_start_date',
] as const;

function selectReserves(db: Executor) {
  return db
    .selectFrom('reserve as r')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .innerJoin('org_unit as v', 'v.code', 'r.org_code')
    .leftJoin('org_unit as t', 't.code', 'v.parent_code')
    .select(RESERVE_COLUMNS);
}

const yearStart = (year: number) => `${year}-01-01`;
const yearEnd = (year: number) => `${year}-12-31`;

/** SQL of the record form: reserves with their person, photo and the year's cultivation records. */
export const recordFormRepository = {
  async findReserve(db: Executor, reserveId: string): Promise<RecordFormReserveRow | undefined> {
    return selectReserves(db).where('r.id', '=', reserveId).executeTakeFirst();
  },

  /** Admitted reserves of a unit's subtree, in code and name order; at most `limit`. */
  async listAdmittedReserves(db: Executor, orgPrefix: string, limit: number): Promise<RecordFormReserveRow[]> {
    return selectReserves(db)
      .where('r.status', '=', 'admitted')
      .where('r.org_code', 'like', `${escapeLike(orgPrefix)}%`)
      .orderBy('r.org_code')
      .orderBy('p.name')
      .orderBy('r.id')
      .limit(limit)
      .execute();
  },

  async countAdmittedReserves(db: Executor, orgPrefix: string): Promise<number> {
    const row = await db
      .selectFrom('reserve')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('status', '=', 'admitted')
      .where('org_code', 'like', `${escapeLike(orgPrefix)}%`)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async listPhotos(db: Executor, personIds: readonly string[]): Promise<{ person_id: string; content_type: string; data: Buffer }[]> {
    if (personIds.length === 0) return [];
    return db.selectFrom('person_photo').select(['person_id', 'content_type', 'data']).where('person_id', 'in', personIds).execute();
  },

  /** Sessions attended, counted in the year they end (as the training rules count days). */
  async listTrainings(db: Executor, reserveIds: readonly string[], year: number): Promise<TrainingRow[]> {
    if (reserveIds.length === 0) return [];
    return db
      .selectFrom('training_attendance as a')
      .innerJoin('training_session as s', 's.id', 'a.session_id')
      .select(['a.reserve_id', 's.name', 's.method', 's.start_date', 's.end_date', 'a.days_attended', 's.content'])
      .where('a.reserve_id', 'in', reserveIds)
      .where('a.attended', '=', true)
      .where('a.end_date', '>=', yearStart(year))
      .where('a.end_date', '<=', yearEnd(year))
      .orderBy('s.start_date')
      .orderBy('s.name')
      .execute();
  },

  async listMentoringSummaries(db: Executor, reserveIds: readonly string[], year: number): Promise<MentoringSummaryRow[]> {
    if (reserveIds.length === 0) return [];
    return db
      .selectFrom('mentoring_summary as m')
      .innerJoin('mentoring_assignment as a', (join) => join.onRef('a.id', '=', 'm.assignment_id').onRef('a.county_code', '=', 'm.county_code'))
      .select(['m.reserve_id', 'm.quarter', 'm.period_text', 'm.content', 'm.opinion', 'a.mentor_name'])
      .where('m.reserve_id', 'in', reserveIds)
      .where('m.year', '=', year)
      .orderBy('m.quarter')
      .orderBy('a.started_on')
      .execute();
  },

  async listMentorContacts(db: Executor, reserveIds: readonly string[], year: number): Promise<MentorContactRow[]> {
    if (reserveIds.length === 0) return [];
    return db
      .selectFrom('mentor_contact as c')
      .innerJoin('mentoring_assignment as a', (join) => join.onRef('a.id', '=', 'c.assignment_id').onRef('a.county_code', '=', 'c.county_code'))
      .select(['c.reserve_id', 'c.contacted_on', 'c.form', 'c.work', 'c.help_given', 'a.mentor_name'])
      .where('c.reserve_id', 'in', reserveIds)
      .where('c.contacted_on', '>=', yearStart(year))
      .where('c.contacted_on', '<=', yearEnd(year))
      .orderBy('c.contacted_on')
      .execute();
  },

  /** Practice that overlaps the year. */
  async listPractice(db: Executor, reserveIds: readonly string[], year: number): Promise<PracticeRow[]> {
    if (reserveIds.length === 0) return [];
    return db
      .selectFrom('practice_record')
      .select(['reserve_id', 'started_on', 'ended_on', 'content', 'performance', 'opinion'])
      .where('reserve_id', 'in', reserveIds)
      .where('started_on', '<=', yearEnd(year))
      .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', yearStart(year))]))
      .orderBy('started_on')
      .execute();
  },

  async listAssessments(db: Executor, reserveIds: readonly string[], year: number): Promise<AssessmentRow[]> {
    if (reserveIds.length === 0) return [];
    return db
      .selectFrom('assessment')
      .select(['reserve_id', 'kind', 'assessor', 'quarter', 'grade', 'opinion'])
      .where('reserve_id', 'in', reserveIds)
      .where('year', '=', year)
      .where('kind', 'in', ['quarterly', 'annual'])
      .orderBy('assessed_on')
      .execute();
  },

  /** Labels of every dictionary item, enabled or not (old records keep codes no longer offered). */
  async listDictionaryLabels(db: Executor): Promise<{ dictionary: string; code: string; label: string }[]> {
    return db.selectFrom('dictionary_item').select(['dictionary', 'code', 'label']).execute();
  },
};
