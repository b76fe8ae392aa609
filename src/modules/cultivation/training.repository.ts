import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { withinSubtrees } from '../../db/scope.ts';
import { deleteAtVersion, updateAtVersion } from '../../db/optimistic-lock.ts';
import { countyOf } from '../../db/distribution.ts';

export interface TrainingSessionColumns {
  name: string;
  method: string;
  organiser: string;
  startDate: string;
  endDate: string;
  days: number;
  content: string | null;
  place: string | null;
}

const SESSION_COLUMNS = ['s.id', 's.org_code', 'u.name as org_name', 's.name', 's.method', 's.organiser', 's.start_date', 's.end_date', 's.days', 's.content', 's.place', 's.version'] as const;

export type TrainingSessionRow = {
  id: string; org_code: string; org_name: string; name: string; method: string; organiser: string; start_date: string; end_date: string;
  days: number; content: string | null; place: string | null; version: number;
};

export interface RuleSetRow {
  org_code: string;
  minimum_days_per_year: number;
  centralised_minimum_days: number;
  centralised_window_years: number;
  centralised_methods: string[];
  version: number;
}

export const trainingRepository = {
  /**
   * Sessions a caller sees: organised in one of their subtrees, or by a unit above them
   * (`ancestorCodes`: the codes of the units above the caller's units).
   */
  visibleSessions(prefixes: readonly string[], ancestorCodes: readonly string[]): Expression<SqlBool> {
    const within = withinSubtrees('s.org_code', prefixes);
    if (ancestorCodes.length === 0) return within;
    return sql<SqlBool>`(${within} OR ${sql.ref('s.org_code')} IN (${sql.join(ancestorCodes)}))`;
  },

  async listSessions(
    db: Executor,
    filter: { visible: Expression<SqlBool>; orgPrefix?: string | undefined; year?: number | undefined; method?: string | undefined; attendancePrefixes: readonly string[] },
    page: { offset: number; limit: number },
  ): Promise<{ total: number; rows: (TrainingSessionRow & { attendee_count: number })[] }> {
    let query = db.selectFrom('training_session as s').innerJoin('org_unit as u', 'u.code', 's.org_code').where(filter.visible);
    if (filter.orgPrefix !== undefined) query = query.where('s.org_code', 'like', `${filter.orgPrefix}%`);
    if (filter.year !== undefined) query = query.where('s.end_date', '>=', `${filter.year}-01-01`).where('s.end_date', '<=', `${filter.year}-12-31`);
    if (filter.method !== undefined) query = query.where('s.method', '=', filter.method);
    const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await query
      .select([...SESSION_COLUMNS])
      .select((eb) => eb.selectFrom('training_attendance as a').whereRef('a.session_id', '=', 's.id').where(withinSubtrees('a.org_code', filter.attendancePrefixes, { countyColumn: 'a.county_code' })).select((inner) => inner.fn.countAll<number>().as('n')).as('attendee_count'))
      .orderBy('s.start_date', 'desc')
      .orderBy('s.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute();
    return { total: Number(total.n), rows: rows.map((row) => ({ ...row, attendee_count: Number(row.attendee_count ?? 0) })) };
  },

  async findSession(db: Executor, id: string): Promise<TrainingSessionRow | undefined> {
    return db.selectFrom('training_session as s').innerJoin('org_unit as u', 'u.code', 's.org_code').select([...SESSION_COLUMNS]).where('s.id', '=', id).executeTakeFirst();
  },

  async insertSession(db: Executor, orgCode: string, columns: TrainingSessionColumns): Promise<string> {
    const row = await db.insertInto('training_session').values({
      org_code: orgCode, name: columns.name, method: columns.method, organiser: columns.organiser, start_date: columns.startDate, end_date: columns.endDate,
      days: columns.days, content: columns.content, place: columns.place,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async updateSession(db: Executor, id: string, version: number, columns: TrainingSessionColumns): Promise<boolean> {
    const updated = await updateAtVersion(db, 'training_session', { id }, version, {
      name: columns.name, method: columns.method, organiser: columns.organiser, start_date: columns.startDate, end_date: columns.endDate,
      days: columns.days, content: columns.content, place: columns.place, updated_at: new Date(),
    });
    if (!updated) return false;
    // Attendance keeps copies of the method and end date for the yearly sums.
    await db.updateTable('training_attendance').set({ method: columns.method, end_date: columns.endDate }).where('session_id', '=', id).execute();
    return true;
  },

  async countAttendance(db: Executor, sessionId: string): Promise<number> {
    const row = await db.selectFrom('training_attendance').select((eb) => eb.fn.countAll<number>().as('n')).where('session_id', '=', sessionId).executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async deleteSession(db: Executor, id: string, version: number): Promise<boolean> {
    return deleteAtVersion(db, 'training_session', { id }, version);
  },

  async listAttendance(db: Executor, sessionId: string, prefixes: readonly string[]) {
    return db.selectFrom('training_attendance').selectAll().where('session_id', '=', sessionId).where(withinSubtrees('org_code', prefixes)).orderBy('org_code').orderBy('created_at').execute();
  },

  /** Inserts or replaces attendance rows of a session, one per reserve. */
  async upsertAttendance(db: Executor, session: { id: string; method: string; endDate: string }, entries: readonly { reserveId: string; orgCode: string; attended: boolean; daysAttended: number; result: string | null }[]): Promise<void> {
    if (entries.length === 0) return;
    await db.insertInto('training_attendance').values(entries.map((entry) => ({
      session_id: session.id, reserve_id: entry.reserveId, county_code: countyOf(entry.orgCode), org_code: entry.orgCode, attended: entry.attended, days_attended: entry.daysAttended,
      method: session.method, end_date: session.endDate, result: entry.result,
    }))).onConflict((oc) => oc.columns(['county_code', 'session_id', 'reserve_id']).doUpdateSet((eb) => ({
      attended: eb.ref('excluded.attended'), days_attended: eb.ref('excluded.days_attended'), result: eb.ref('excluded.result'),
      version: sql<number>`training_attendance.version + 1`, updated_at: new Date(),
    }))).execute();
  },

  /** A reserve's attendance with its sessions, for the reserve's cultivation view and the training rules. */
  async listReserveAttendance(db: Executor, reserveId: string, countyCode: string) {
    return db.selectFrom('training_attendance as a').innerJoin('training_session as s', 's.id', 'a.session_id')
      .select(['a.session_id', 's.name', 's.method', 's.organiser', 's.start_date', 's.end_date', 's.days', 's.content', 'a.attended', 'a.days_attended', 'a.result'])
      .where('a.county_code', '=', countyCode).where('a.reserve_id', '=', reserveId).orderBy('s.start_date').execute();
  },

  /** Rule sets of the units above and at a code (nearest last is not guaranteed: caller picks the longest prefix). */
  async listRuleSetsFor(db: Executor, codes: readonly string[]): Promise<(RuleSetRow & { org_prefix: string })[]> {
    if (codes.length === 0) return [];
    return db.selectFrom('training_rule_set').select(['org_code', 'org_prefix', 'minimum_days_per_year', 'centralised_minimum_days', 'centralised_window_years', 'centralised_methods', 'version'])
      .where('org_code', 'in', codes).execute();
  },

  async upsertRuleSet(db: Executor, rules: { orgCode: string; orgPrefix: string; minimumDaysPerYear: number; centralisedMinimumDays: number; centralisedWindowYears: number; centralisedMethods: string[] }, version: number | undefined): Promise<boolean> {
    const values = {
      minimum_days_per_year: rules.minimumDaysPerYear, centralised_minimum_days: rules.centralisedMinimumDays,
      centralised_window_years: rules.centralisedWindowYears, centralised_methods: rules.centralisedMethods,
    };
    if (version === undefined) {
      const inserted = await db.insertInto('training_rule_set').values({ org_code: rules.orgCode, org_prefix: rules.orgPrefix, ...values }).onConflict((oc) => oc.column('org_code').doNothing()).returning('org_code').executeTakeFirst();
      return inserted !== undefined;
    }
    return updateAtVersion(db, 'training_rule_set', { org_code: rules.orgCode }, version, { ...values, updated_at: new Date() });
  },
};
