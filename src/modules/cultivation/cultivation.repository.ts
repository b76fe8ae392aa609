import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { withinSubtrees } from '../../db/scope.ts';
import type { RecordEntry } from './record-entry.ts';
import { deleteAtVersion, updateAtVersion } from '../../db/optimistic-lock.ts';
import { countyOf } from '../../db/distribution.ts';

/** Filters shared by the lists of records about reserves. */
export interface RecordFilter {
  /** Which records the caller may read (from readableRecords). */
  readable: Expression<SqlBool>;
  reserveId?: string | undefined;
  /** The county of the reserve named (the distribution key): Citus then reads that county's shard only. */
  countyCode?: string | undefined;
  orgPrefix?: string | undefined;
}

export interface Page { offset: number; limit: number }

/** The columns that say who entered a record (contact logs, summaries, talks, assessments). */
function entryColumns(entry: RecordEntry) {
  return { recorded_by: entry.recordedBy, recorded_by_user_id: entry.recordedByUserId, is_proxy: entry.isProxy };
}

/** The records a list may show: readable by the caller, of the reserve, county and subtree named. `table` is the records' alias in a join. */
function recordFilter(filter: RecordFilter, table?: string): Expression<SqlBool> {
  const column = (name: string) => sql.ref(table ? `${table}.${name}` : name);
  const conditions: Expression<SqlBool>[] = [filter.readable];
  if (filter.reserveId) conditions.push(sql<SqlBool>`${column('reserve_id')} = ${filter.reserveId}`);
  if (filter.countyCode) conditions.push(sql<SqlBool>`${column('county_code')} = ${filter.countyCode}`);
  if (filter.orgPrefix !== undefined) conditions.push(withinSubtrees(table ? `${table}.org_code` : 'org_code', [filter.orgPrefix]));
  return sql<SqlBool>`(${sql.join(conditions, sql` AND `)})`;
}

function counted(row: { n: number | string | bigint }): number {
  return Number(row.n);
}

export const cultivationRepository = {
  /** Reserves (admitted or candidates) in the subtrees, with the keyed hash of the ID number, for matching sign-in sheets. */
  async listReservesForMatching(db: Executor, prefixes: readonly string[]) {
    return db.selectFrom('reserve as r').innerJoin('person as p', 'p.id', 'r.person_id')
      .select(['r.id', 'r.org_code', 'p.name', 'p.id_number_hash'])
      .where(withinSubtrees('r.org_code', prefixes, { countyColumn: 'r.county_code' })).where('r.status', 'in', ['admitted', 'candidate']).execute();
  },

  // ----- mentoring assignments -----

  async insertAssignment(db: Executor, values: { reserveId: string; orgCode: string; mentorUserId: string | null; mentorName: string; mentorPost: string; mentorTitle: string | null; startedOn: string; endedOn: string | null }): Promise<string> {
    const row = await db.insertInto('mentoring_assignment').values({
      reserve_id: values.reserveId, county_code: countyOf(values.orgCode), org_code: values.orgCode, mentor_user_id: values.mentorUserId, mentor_name: values.mentorName,
      mentor_post: values.mentorPost, mentor_title: values.mentorTitle, started_on: values.startedOn, ended_on: values.endedOn,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async findAssignment(db: Executor, id: string) {
    return db.selectFrom('mentoring_assignment').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async updateAssignment(db: Executor, id: string, version: number, changes: { mentorPost?: string | undefined; mentorTitle?: string | null | undefined; endedOn?: string | null | undefined }): Promise<boolean> {
    return updateAtVersion(db, 'mentoring_assignment', { id }, version, {
      ...(changes.mentorPost !== undefined && { mentor_post: changes.mentorPost }),
      ...(changes.mentorTitle !== undefined && { mentor_title: changes.mentorTitle }),
      ...(changes.endedOn !== undefined && { ended_on: changes.endedOn }),
      updated_at: new Date(),
    });
  },

  async listAssignments(db: Executor, filter: RecordFilter & { activeOn?: string | undefined; mentorUserId?: string | undefined }, page: Page) {
    let query = db.selectFrom('mentoring_assignment').where(recordFilter(filter));
    if (filter.mentorUserId) query = query.where('mentor_user_id', '=', filter.mentorUserId);
    if (filter.activeOn) query = query.where('started_on', '<=', filter.activeOn).where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', filter.activeOn!)]));
    const total = counted(await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
    const rows = await query.selectAll().orderBy('org_code').orderBy('started_on', 'desc').orderBy('id').offset(page.offset).limit(page.limit).execute();
    return { total, rows };
  },

  async listAssignmentsOfReserve(db: Executor, reserveId: string, countyCode: string) {
    return db.selectFrom('mentoring_assignment').selectAll().where('county_code', '=', countyCode).where('reserve_id', '=', reserveId).orderBy('started_on').orderBy('id').execute();
  },

  /**
   * Users holding the mentor role on a unit in the subtree of `prefix`, with their number of active
   * mentees. The mentees are counted per mentor in a CTE of their own, not by a subquery per user:
   * the users are a shared (reference) table, the assignments a county's, and Citus refuses a
   * subquery that looks up a county table row by row from a reference table.
   */
  async listMentorCandidates(db: Executor, prefix: string, onDate: string) {
    return db
      .with((wb) => wb('candidate').materialized(), (qb) => qb.selectFrom('user_role as ur').innerJoin('app_user as u', 'u.id', 'ur.user_id').innerJoin('org_unit as o', 'o.code', 'ur.org_code')
        .select(['u.id', 'u.display_name', 'ur.org_code', 'o.name as org_name'])
        .where('ur.role', '=', 'mentor').where('u.is_disabled', '=', false).where('ur.org_code', 'like', `${prefix}%`))
      .with((wb) => wb('mentees').materialized(), (qb) => qb.selectFrom('mentoring_assignment as m')
        .where('m.mentor_user_id', 'in', (eb) => eb.selectFrom('candidate').select('candidate.id'))
        .where('m.started_on', '<=', onDate).where((inner) => inner.or([inner('m.ended_on', 'is', null), inner('m.ended_on', '>=', onDate)]))
        .groupBy('m.mentor_user_id').select(['m.mentor_user_id', (eb) => eb.fn.countAll<number>().as('n')]))
      .selectFrom('candidate as c').leftJoin('mentees', 'mentees.mentor_user_id', 'c.id')
      .select(['c.id', 'c.display_name', 'c.org_code', 'c.org_name', 'mentees.n as mentee_count'])
      .execute();
  },

  async findUserWithRole(db: Executor, userId: string, role: string) {
    return db.selectFrom('app_user as u').innerJoin('user_role as ur', 'ur.user_id', 'u.id')
      .select(['u.id', 'u.display_name', 'u.is_disabled', 'ur.org_code']).where('u.id', '=', userId).where('ur.role', '=', role).execute();
  },

  // ----- mentor contacts -----

  async insertContact(db: Executor, values: { assignmentId: string; reserveId: string; orgCode: string; contactedOn: string; form: string; thoughts: string | null; work: string | null; problems: string | null; helpGiven: string | null } & RecordEntry): Promise<string> {
    const row = await db.insertInto('mentor_contact').values({
      assignment_id: values.assignmentId, reserve_id: values.reserveId, county_code: countyOf(values.orgCode), org_code: values.orgCode, contacted_on: values.contactedOn, form: values.form,
      thoughts: values.thoughts, work: values.work, problems: values.problems, help_given: values.helpGiven, ...entryColumns(values),
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async findContact(db: Executor, id: string) {
    return db.selectFrom('mentor_contact as c').innerJoin('mentoring_assignment as m', (join) => join.onRef('m.id', '=', 'c.assignment_id').onRef('m.county_code', '=', 'c.county_code'))
      .selectAll('c').select(['m.mentor_name', 'm.mentor_user_id', 'm.started_on', 'm.ended_on']).where('c.id', '=', id).executeTakeFirst();
  },

  async updateContact(db: Executor, id: string, version: number, changes: { contactedOn?: string | undefined; form?: string | undefined; thoughts?: string | null | undefined; work?: string | null | undefined; problems?: string | null | undefined; helpGiven?: string | null | undefined }): Promise<boolean> {
    return updateAtVersion(db, 'mentor_contact', { id }, version, {
      ...(changes.contactedOn !== undefined && { contacted_on: changes.contactedOn }),
      ...(changes.form !== undefined && { form: changes.form }),
      ...(changes.thoughts !== undefined && { thoughts: changes.thoughts }),
      ...(changes.work !== undefined && { work: changes.work }),
      ...(changes.problems !== undefined && { problems: changes.problems }),
      ...(changes.helpGiven !== undefined && { help_given: changes.helpGiven }),
      updated_at: new Date(),
    });
  },

  async deleteContact(db: Executor, id: string, version: number): Promise<boolean> {
    return deleteAtVersion(db, 'mentor_contact', { id }, version);
  },

  async listContacts(db: Executor, filter: RecordFilter & { assignmentId?: string | undefined; from?: string | undefined; to?: string | undefined }, page: Page) {
    let query = db.selectFrom('mentor_contact as c').innerJoin('mentoring_assignment as m', (join) => join.onRef('m.id', '=', 'c.assignment_id').onRef('m.county_code', '=', 'c.county_code')).where(recordFilter(filter, 'c'));
    if (filter.assignmentId) query = query.where('c.assignment_id', '=', filter.assignmentId);
    if (filter.from) query = query.where('c.contacted_on', '>=', filter.from);
    if (filter.to) query = query.where('c.contacted_on', '<=', filter.to);
    const total = counted(await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
    const rows = await query.selectAll('c').select(['m.mentor_name', 'm.mentor_user_id', 'm.started_on', 'm.ended_on'])
      .orderBy('c.contacted_on', 'desc').orderBy('c.id').offset(page.offset).limit(page.limit).execute();
    return { total, rows };
  },

  // ----- quarterly mentoring summaries -----

  async insertSummary(db: Executor, values: { assignmentId: string; reserveId: string; orgCode: string; year: number; quarter: number; periodText: string | null; content: string; opinion: string } & RecordEntry): Promise<string | undefined> {
    const row = await db.insertInto('mentoring_summary').values({
      assignment_id: values.assignmentId, reserve_id: values.reserveId, county_code: countyOf(values.orgCode), org_code: values.orgCode, year: values.year, quarter: values.quarter,
      period_text: values.periodText, content: values.content, opinion: values.opinion, ...entryColumns(values),
    }).onConflict((oc) => oc.columns(['county_code', 'assignment_id', 'year', 'quarter']).doNothing()).returning('id').executeTakeFirst();
    return row?.id;
  },

  async findSummary(db: Executor, id: string) {
    return db.selectFrom('mentoring_summary as s').innerJoin('mentoring_assignment as m', (join) => join.onRef('m.id', '=', 's.assignment_id').onRef('m.county_code', '=', 's.county_code'))
      .selectAll('s').select(['m.mentor_name', 'm.mentor_user_id']).where('s.id', '=', id).executeTakeFirst();
  },

  async updateSummary(db: Executor, id: string, version: number, changes: { periodText?: string | null | undefined; content?: string | undefined; opinion?: string | undefined }): Promise<boolean> {
    return updateAtVersion(db, 'mentoring_summary', { id }, version, {
      ...(changes.periodText !== undefined && { period_text: changes.periodText }),
      ...(changes.content !== undefined && { content: changes.content }),
      ...(changes.opinion !== undefined && { opinion: changes.opinion }),
      updated_at: new Date(),
    });
  },

  async listSummaries(db: Executor, filter: RecordFilter & { year?: number | undefined }, page: Page) {
    let query = db.selectFrom('mentoring_summary as s').innerJoin('mentoring_assignment as m', (join) => join.onRef('m.id', '=', 's.assignment_id').onRef('m.county_code', '=', 's.county_code')).where(recordFilter(filter, 's'));
    if (filter.year !== undefined) query = query.where('s.year', '=', filter.year);
    const total = counted(await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
    const rows = await query.selectAll('s').select(['m.mentor_name', 'm.mentor_user_id']).orderBy('s.year', 'desc').orderBy('s.quarter').orderBy('s.id').offset(page.offset).limit(page.limit).execute();
    return { total, rows };
  },

  // ----- annual talks -----

  async insertTalk(db: Executor, values: { reserveId: string; orgCode: string; talkedOn: string; talkerName: string; content: string } & RecordEntry): Promise<string> {
    const row = await db.insertInto('annual_talk').values({
      reserve_id: values.reserveId, county_code: countyOf(values.orgCode), org_code: values.orgCode, talked_on: values.talkedOn, talker_name: values.talkerName, content: values.content, ...entryColumns(values),
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async findTalk(db: Executor, id: string) {
    return db.selectFrom('annual_talk').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async listTalks(db: Executor, filter: RecordFilter & { year?: number | undefined }, page: Page) {
    let query = db.selectFrom('annual_talk').where(recordFilter(filter));
    if (filter.year !== undefined) query = query.where('talked_on', '>=', `${filter.year}-01-01`).where('talked_on', '<=', `${filter.year}-12-31`);
    const total = counted(await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
    const rows = await query.selectAll().orderBy('talked_on', 'desc').orderBy('id').offset(page.offset).limit(page.limit).execute();
    return { total, rows };
  },

  // ----- practice -----

  async insertPractice(db: Executor, values: { reserveId: string; orgCode: string; kind: string; category: string; startedOn: string; endedOn: string | null; content: string; performance: string | null; opinion: string | null } & Omit<RecordEntry, 'isProxy'>): Promise<string> {
    const row = await db.insertInto('practice_record').values({
      reserve_id: values.reserveId, county_code: countyOf(values.orgCode), org_code: values.orgCode, kind: values.kind, category: values.category, started_on: values.startedOn, ended_on: values.endedOn,
      content: values.content, performance: values.performance, opinion: values.opinion, recorded_by: values.recordedBy, recorded_by_user_id: values.recordedByUserId,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async findPractice(db: Executor, id: string) {
    return db.selectFrom('practice_record').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async updatePractice(db: Executor, id: string, version: number, changes: { category?: string | undefined; startedOn?: string | undefined; endedOn?: string | null | undefined; content?: string | undefined; performance?: string | null | undefined; opinion?: string | null | undefined }): Promise<boolean> {
    return updateAtVersion(db, 'practice_record', { id }, version, {
      ...(changes.category !== undefined && { category: changes.category }),
      ...(changes.startedOn !== undefined && { started_on: changes.startedOn }),
      ...(changes.endedOn !== undefined && { ended_on: changes.endedOn }),
      ...(changes.content !== undefined && { content: changes.content }),
      ...(changes.performance !== undefined && { performance: changes.performance }),
      ...(changes.opinion !== undefined && { opinion: changes.opinion }),
      updated_at: new Date(),
    });
  },

  async deletePractice(db: Executor, id: string, version: number): Promise<boolean> {
    return deleteAtVersion(db, 'practice_record', { id }, version);
  },

  async listPractice(db: Executor, filter: RecordFilter & { year?: number | undefined; kind?: string | undefined }, page: Page) {
    let query = db.selectFrom('practice_record').where(recordFilter(filter));
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (filter.year !== undefined) {
      const year = filter.year;
      query = query.where('started_on', '<=', `${year}-12-31`).where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', `${year}-01-01`)]));
    }
    const total = counted(await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
    const rows = await query.selectAll().orderBy('started_on', 'desc').orderBy('id').offset(page.offset).limit(page.limit).execute();
    return { total, rows };
  },

  // ----- observer attendance -----

  async insertObserver(db: Executor, values: { reserveId: string; orgCode: string; meetingType: string; meetingDate: string; topic: string | null } & Omit<RecordEntry, 'isProxy'>): Promise<string> {
    const row = await db.insertInto('observer_attendance').values({
      reserve_id: values.reserveId, county_code: countyOf(values.orgCode), org_code: values.orgCode, meeting_type: values.meetingType, meeting_date: values.meetingDate, topic: values.topic, recorded_by: values.recordedBy, recorded_by_user_id: values.recordedByUserId,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async findObserver(db: Executor, id: string) {
    return db.selectFrom('observer_attendance').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async deleteObserver(db: Executor, id: string, version: number): Promise<boolean> {
    return deleteAtVersion(db, 'observer_attendance', { id }, version);
  },

  async listObservers(db: Executor, filter: RecordFilter & { year?: number | undefined }, page: Page) {
    let query = db.selectFrom('observer_attendance').where(recordFilter(filter));
    if (filter.year !== undefined) query = query.where('meeting_date', '>=', `${filter.year}-01-01`).where('meeting_date', '<=', `${filter.year}-12-31`);
    const total = counted(await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
    const rows = await query.selectAll().orderBy('meeting_date', 'desc').orderBy('id').offset(page.offset).limit(page.limit).execute();
    return { total, rows };
  },

  // ----- assessments -----

  async insertAssessment(db: Executor, values: { reserveId: string; orgCode: string; kind: string; assessor: string; year: number; quarter: number | null; grade: string | null; opinion: string; assessedOn: string } & RecordEntry): Promise<string> {
    const row = await db.insertInto('assessment').values({
      reserve_id: values.reserveId, county_code: countyOf(values.orgCode), org_code: values.orgCode, kind: values.kind, assessor: values.assessor, year: values.year, quarter: values.quarter,
      grade: values.grade, opinion: values.opinion, assessed_on: values.assessedOn, ...entryColumns(values),
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async findAssessmentFor(db: Executor, key: { reserveId: string; kind: string; assessor: string; year: number; quarter: number | null }) {
    let query = db.selectFrom('assessment').select('id').where('reserve_id', '=', key.reserveId).where('kind', '=', key.kind).where('assessor', '=', key.assessor).where('year', '=', key.year);
    query = key.quarter === null ? query.where('quarter', 'is', null) : query.where('quarter', '=', key.quarter);
    return query.executeTakeFirst();
  },

  async findAssessment(db: Executor, id: string) {
    return db.selectFrom('assessment').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async updateAssessment(db: Executor, id: string, version: number, changes: { grade?: string | null | undefined; opinion?: string | undefined; assessedOn?: string | undefined }): Promise<boolean> {
    return updateAtVersion(db, 'assessment', { id }, version, {
      ...(changes.grade !== undefined && { grade: changes.grade }),
      ...(changes.opinion !== undefined && { opinion: changes.opinion }),
      ...(changes.assessedOn !== undefined && { assessed_on: changes.assessedOn }),
      updated_at: new Date(),
    });
  },

  async listAssessments(db: Executor, filter: RecordFilter & { year?: number | undefined; kind?: string | undefined }, page: Page) {
    let query = db.selectFrom('assessment').where(recordFilter(filter));
    if (filter.year !== undefined) query = query.where('year', '=', filter.year);
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    const total = counted(await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
    const rows = await query.selectAll().orderBy('year', 'desc').orderBy('kind').orderBy('quarter').orderBy('assessor', 'desc').orderBy('id').offset(page.offset).limit(page.limit).execute();
    return { total, rows };
  },

  // ----- Party-joining track -----

  async listPartySteps(db: Executor, reserveId: string, countyCode: string) {
    return db.selectFrom('party_joining_step').select(['stage', 'reached_on', 'notes']).where('county_code', '=', countyCode).where('reserve_id', '=', reserveId).orderBy('reached_on').orderBy('stage').execute();
  },

  async replacePartySteps(db: Executor, reserveId: string, orgCode: string, steps: readonly { stage: string; reachedOn: string; notes: string | null }[]): Promise<void> {
    await db.deleteFrom('party_joining_step').where('reserve_id', '=', reserveId).execute();
    if (steps.length === 0) return;
    await db.insertInto('party_joining_step').values(steps.map((step) => ({ reserve_id: reserveId, county_code: countyOf(orgCode), org_code: orgCode, stage: step.stage, reached_on: step.reachedOn, notes: step.notes }))).execute();
  },
};
