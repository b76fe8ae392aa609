import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { withinSubtrees } from '../../db/scope.ts';
import { PERSON_COLUMNS, type PersonSummaryRow } from '../people/people.service.ts';
import { updateAtVersion } from '../../db/optimistic-lock.ts';
import type { SelectionOutcome, SelectionStage } from '../../domain/selection-procedure.ts';
import { countyOf, countyOfRow } from '../../db/distribution.ts';

export interface CandidateRow extends PersonSummaryRow {
  id: string;
  org_code: string;
  village_name: string;
  township_code: string;
  township_name: string;
  stage: SelectionStage;
  outcome: SelectionOutcome;
  channel: string;
  profile: string;
  target_post: string;
  source_category: string;
  exclusions_found: string[];
  evaluation: Record<string, unknown> | null;
  public_notice_id: string | null;
  reserve_id: string | null;
  version: number;
}

const CANDIDATE_FROM = sql`selection_candidate x JOIN person p ON p.id = x.person_id JOIN org_unit v ON v.code = x.org_code LEFT JOIN org_unit t ON t.code = v.parent_code`;
const CANDIDATE_COLUMNS = sql`x.id, x.org_code, v.name AS village_name, coalesce(t.code, '') AS township_code, coalesce(t.name, '') AS township_name, x.stage, x.outcome,
  x.channel, x.profile, x.target_post, x.source_category, x.exclusions_found, x.evaluation, x.public_notice_id, x.reserve_id, x.version, ${PERSON_COLUMNS}`;

export interface CandidateFilter {
  prefixes: readonly string[];
  orgPrefix?: string | undefined;
  stage?: string | undefined;
  outcome?: string | undefined;
  ids?: readonly string[] | undefined;
  personId?: string | undefined;
}

function candidateConditions(filter: CandidateFilter): Expression<SqlBool> {
  const where: Expression<SqlBool>[] = [withinSubtrees('x.org_code', filter.prefixes, { countyColumn: 'x.county_code' })];
  if (filter.orgPrefix !== undefined) where.push(withinSubtrees('x.org_code', [filter.orgPrefix], { countyColumn: 'x.county_code' }));
  if (filter.stage) where.push(sql<SqlBool>`x.stage = ${filter.stage}`);
  if (filter.outcome) where.push(sql<SqlBool>`x.outcome = ${filter.outcome}`);
  if (filter.personId) where.push(sql<SqlBool>`x.person_id = ${filter.personId}`);
  if (filter.ids) where.push(filter.ids.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`x.id IN (${sql.join(filter.ids)})`);
  return sql<SqlBool>`${sql.join(where, sql` AND `)}`;
}

export interface StepInput {
  candidateId: string;
  /** A step of the procedure (SelectionAction), its nomination, or a side action (SideAction). */
  action: string;
  fromStage: SelectionStage | null;
  toStage: SelectionStage | null;
  occurredOn: string;
  actorName: string;
  details: Record<string, unknown>;
}

export const selectionRepository = {
  async insertCandidate(db: Executor, candidate: { personId: string; orgCode: string; stage: SelectionStage; channel: string; profile: string; targetPost: string; sourceCategory: string }): Promise<string> {
    const row = await db
      .insertInto('selection_candidate')
      .values({ person_id: candidate.personId, county_code: countyOf(candidate.orgCode), org_code: candidate.orgCode, stage: candidate.stage, channel: candidate.channel, profile: candidate.profile, target_post: candidate.targetPost, source_category: candidate.sourceCategory })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async findActiveCandidate(db: Executor, personId: string, orgCode: string): Promise<{ id: string } | undefined> {
    return db.selectFrom('selection_candidate').select('id').where('person_id', '=', personId).where('org_code', '=', orgCode).where('outcome', '=', 'inProgress').executeTakeFirst();
  },

  async findCandidate(db: Executor, id: string): Promise<CandidateRow | undefined> {
    const { rows } = await sql<CandidateRow>`SELECT ${CANDIDATE_COLUMNS} FROM ${CANDIDATE_FROM} WHERE x.id = ${id}`.execute(db);
    return rows[0];
  },

  async listCandidates(db: Executor, filter: CandidateFilter, page: { offset: number; limit: number }): Promise<{ total: number; rows: CandidateRow[] }> {
    const where = candidateConditions(filter);
    const { rows } = await sql<CandidateRow>`SELECT ${CANDIDATE_COLUMNS} FROM ${CANDIDATE_FROM} WHERE ${where}
      ORDER BY x.org_code, p.name, x.id OFFSET ${page.offset} LIMIT ${page.limit}`.execute(db);
    const count = await sql<{ total: number }>`SELECT count(*)::int AS total FROM selection_candidate x WHERE ${where}`.execute(db);
    return { total: count.rows[0]?.total ?? 0, rows };
  },

  /**
   * Moves a candidate on, guarded by its version and stage so that two officers acting at once
   * cannot both succeed. Returns false when the candidate changed in between.
   */
  async updateCandidate(
    db: Executor,
    id: string,
    expected: { version: number; stage: SelectionStage },
    changes: { stage?: SelectionStage; outcome?: SelectionOutcome; exclusionsFound?: string[]; evaluation?: Record<string, unknown>; publicNoticeId?: string; reserveId?: string },
  ): Promise<boolean> {
    return updateAtVersion(db, 'selection_candidate', { id, stage: expected.stage }, expected.version, {
        ...(changes.stage !== undefined && { stage: changes.stage }),
        ...(changes.outcome !== undefined && { outcome: changes.outcome }),
        ...(changes.exclusionsFound !== undefined && { exclusions_found: JSON.stringify(changes.exclusionsFound) }),
        ...(changes.evaluation !== undefined && { evaluation: JSON.stringify(changes.evaluation) }),
        ...(changes.publicNoticeId !== undefined && { public_notice_id: changes.publicNoticeId }),
        ...(changes.reserveId !== undefined && { reserve_id: changes.reserveId }),
      updated_at: new Date(),
    });
  },

  async insertStep(db: Executor, step: StepInput): Promise<void> {
    await db
      .insertInto('selection_step')
      .values({ county_code: await countyOfRow(db, 'selection_candidate', step.candidateId), candidate_id: step.candidateId, action: step.action, from_stage: step.fromStage, to_stage: step.toStage, occurred_on: step.occurredOn, actor_name: step.actorName, details: JSON.stringify(step.details) })
      .execute();
  },

  async listSteps(db: Executor, candidateId: string) {
    return db.selectFrom('selection_step').selectAll().where('candidate_id', '=', candidateId).orderBy('id').execute();
  },

  // ---- Exceptions (破格) ----

  async insertException(db: Executor, exception: { candidateId: string; rule: string; reason: string; requestedBy: string }): Promise<string> {
    const row = await db.insertInto('eligibility_exception').values({ county_code: await countyOfRow(db, 'selection_candidate', exception.candidateId), candidate_id: exception.candidateId, rule: exception.rule, reason: exception.reason, requested_by: exception.requestedBy }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async findException(db: Executor, id: string) {
    return db.selectFrom('eligibility_exception').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async listExceptions(db: Executor, candidateIds: readonly string[]) {
    if (candidateIds.length === 0) return [];
    return db.selectFrom('eligibility_exception').selectAll().where('candidate_id', 'in', candidateIds).orderBy('created_at').execute();
  },

  async decideException(db: Executor, id: string, decision: { status: 'approved' | 'refused'; decidedBy: string; note: string }): Promise<boolean> {
    const result = await db
      .updateTable('eligibility_exception')
      .set({ status: decision.status, decided_by: decision.decidedBy, decision_note: decision.note, decided_at: new Date() })
      .where('id', '=', id)
      .where('status', '=', 'requested')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  // ---- Joint review (联审) ----

  async insertJointReviews(db: Executor, candidateId: string, departments: readonly string[]): Promise<void> {
    const countyCode = await countyOfRow(db, 'selection_candidate', candidateId);
    await db.insertInto('joint_review').values(departments.map((department) => ({ county_code: countyCode, candidate_id: candidateId, department }))).execute();
  },

  async listJointReviews(db: Executor, candidateIds: readonly string[]) {
    if (candidateIds.length === 0) return [];
    return db.selectFrom('joint_review').selectAll().where('candidate_id', 'in', candidateIds).orderBy('created_at').orderBy(sql`department COLLATE "C"`).execute();
  },

  async findJointReview(db: Executor, id: string) {
    return db.selectFrom('joint_review').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** A department's inbox: the reviews sent to it about candidates within the given subtrees. */
  /**
   * Joint reviews sent to the departments within their subtrees (one review with `reviewId`), with
   * the date the send step carries (the day the review was created when no step names the department).
   */
  async listJointReviewsForDepartments(db: Executor, scopes: readonly { department: string; prefix: string }[], status: string | undefined, reviewId?: string) {
    if (scopes.length === 0) return [];
    const scopeConditions = scopes.map((scope) => sql<SqlBool>`(r.department = ${scope.department} AND ${withinSubtrees('c.org_code', [scope.prefix], { countyColumn: 'c.county_code' })})`);
    const { rows } = await sql<{
      id: string; candidate_id: string; department: string; status: string; comment: string | null; answered_by: string | null; answered_at: Date | null;
      resolution: string | null; resolved_by: string | null; version: number; name: string; gender: string; birth_date: string; village_name: string; township_name: string; target_post: string;
      person_id: string; org_code: string; sent_on: string;
    }>`SELECT r.id, r.candidate_id, r.department, r.status, r.comment, r.answered_by, r.answered_at, r.resolution, r.resolved_by, r.version,
        p.name, p.gender, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, v.name AS village_name, coalesce(t.name, '') AS township_name, c.target_post,
        c.person_id, c.org_code,
        to_char(coalesce(
          (SELECT max(s.occurred_on) FROM selection_step s
            WHERE s.county_code = r.county_code AND s.candidate_id = r.candidate_id AND s.action = 'sendJointReview' AND s.details->'departments' ? r.department),
          (r.created_at AT TIME ZONE 'Asia/Shanghai')::date), 'YYYY-MM-DD') AS sent_on
      FROM joint_review r JOIN selection_candidate c ON c.county_code = r.county_code AND c.id = r.candidate_id JOIN person p ON p.id = c.person_id
        JOIN org_unit v ON v.code = c.org_code LEFT JOIN org_unit t ON t.code = v.parent_code
      WHERE (${sql.join(scopeConditions, sql` OR `)}) ${status ? sql`AND r.status = ${status}` : sql``} ${reviewId ? sql`AND r.id = ${reviewId}` : sql``}
      ORDER BY r.status = 'pending' DESC, r.created_at, r.id LIMIT 500`.execute(db);
    return rows;
  },

  async answerJointReview(db: Executor, id: string, version: number, answer: { status: 'passed' | 'concern'; comment: string | null; answeredBy: string }): Promise<boolean> {
    return updateAtVersion(db, 'joint_review', { id }, version, { status: answer.status, comment: answer.comment, answered_by: answer.answeredBy, answered_at: new Date() });
  },

  async resolveJointReview(db: Executor, id: string, version: number, resolution: { resolution: string; resolvedBy: string }): Promise<boolean> {
    return updateAtVersion(db, 'joint_review', { id, status: 'concern' }, version, { status: 'resolved', resolution: resolution.resolution, resolved_by: resolution.resolvedBy, resolved_at: new Date() });
  },

  /** Departments that have a joint-review user bound to a unit above (or at) the given code. */
  async listJointReviewDepartments(db: Executor, ancestorCodes: readonly string[]): Promise<string[]> {
    if (ancestorCodes.length === 0) return [];
    const rows = await db
      .selectFrom('user_role')
      .innerJoin('app_user', 'app_user.id', 'user_role.user_id')
      .select('user_role.department')
      .distinct()
      .where('user_role.role', '=', 'jointReviewDepartment')
      .where('user_role.org_code', 'in', ancestorCodes)
      .where('app_user.is_disabled', '=', false)
      .where('user_role.department', 'is not', null)
      .execute();
    // Sorted here, by code point, so that the order does not depend on the server's collation.
    return rows.map((row) => row.department!).filter((department) => department.length > 0).sort();
  },

  // ---- Public notice (公示) and objections ----

  async insertNotice(db: Executor, notice: { orgCode: string; startsOn: string; workingDays: number; postingDayCounts: boolean; endsOn: string; objectionContact: string; noticeText: string; createdBy: string }): Promise<string> {
    const row = await db
      .insertInto('public_notice')
      .values({
        county_code: countyOf(notice.orgCode), org_code: notice.orgCode, starts_on: notice.startsOn, working_days: notice.workingDays, posting_day_counts: notice.postingDayCounts, ends_on: notice.endsOn,
        objection_contact: notice.objectionContact, notice_text: notice.noticeText, created_by: notice.createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async findNotice(db: Executor, id: string) {
    return db
      .selectFrom('public_notice')
      .innerJoin('org_unit', 'org_unit.code', 'public_notice.org_code')
      .selectAll('public_notice')
      .select('org_unit.name as township_name')
      .where('public_notice.id', '=', id)
      .executeTakeFirst();
  },

  async insertObjection(db: Executor, objection: { publicNoticeId: string; candidateId: string; receivedOn: string; content: string; recordedBy: string }): Promise<string> {
    const row = await db
      .insertInto('notice_objection')
      .values({ county_code: await countyOfRow(db, 'selection_candidate', objection.candidateId), public_notice_id: objection.publicNoticeId, candidate_id: objection.candidateId, received_on: objection.receivedOn, content: objection.content, recorded_by: objection.recordedBy })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async findObjection(db: Executor, id: string) {
    return db.selectFrom('notice_objection').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async listObjections(db: Executor, where: { candidateIds?: readonly string[]; publicNoticeId?: string }) {
    let query = db
      .selectFrom('notice_objection')
      .innerJoin('selection_candidate', (join) => join.onRef('selection_candidate.id', '=', 'notice_objection.candidate_id').onRef('selection_candidate.county_code', '=', 'notice_objection.county_code'))
      .innerJoin('person', 'person.id', 'selection_candidate.person_id')
      .selectAll('notice_objection')
      .select('person.name as candidate_name');
    if (where.candidateIds) {
      if (where.candidateIds.length === 0) return [];
      query = query.where('notice_objection.candidate_id', 'in', where.candidateIds);
    }
    if (where.publicNoticeId) query = query.where('notice_objection.public_notice_id', '=', where.publicNoticeId);
    return query.orderBy('notice_objection.received_on').orderBy('notice_objection.created_at').execute();
  },

  async handleObjection(db: Executor, id: string, handling: { handling: string; isSubstantiated: boolean; handledBy: string }): Promise<boolean> {
    const result = await db
      .updateTable('notice_objection')
      .set({ handling: handling.handling, is_substantiated: handling.isSubstantiated, handled_by: handling.handledBy, handled_at: new Date() })
      .where('id', '=', id)
      .where('handling', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  // ---- Evidence attachments ----

  async insertAttachment(db: Executor, attachment: { candidateId: string; stepAction: string | null; fileName: string; contentType: string; data: Buffer; uploadedBy: string }): Promise<string> {
    const row = await db
      .insertInto('selection_attachment')
      .values({ county_code: await countyOfRow(db, 'selection_candidate', attachment.candidateId), candidate_id: attachment.candidateId, step_action: attachment.stepAction, file_name: attachment.fileName, content_type: attachment.contentType, size_bytes: attachment.data.length, data: attachment.data, uploaded_by: attachment.uploadedBy })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async listAttachments(db: Executor, candidateId: string) {
    return db.selectFrom('selection_attachment').select(['id', 'step_action', 'file_name', 'content_type', 'size_bytes', 'uploaded_by', 'created_at']).where('candidate_id', '=', candidateId).orderBy('created_at').execute();
  },

  async findAttachment(db: Executor, id: string) {
    return db.selectFrom('selection_attachment').selectAll().where('id', '=', id).executeTakeFirst();
  },

  // ---- Village needs (因村选人) ----




  async linkReserve(db: Executor, candidateId: string, reserveId: string): Promise<void> {
    await db.updateTable('selection_candidate').set({ reserve_id: reserveId }).where('id', '=', candidateId).execute();
  },

  /** Admitted reserves per village, for the board. */
  async countAdmittedReserves(db: Executor, orgPrefix: string): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('reserve')
      .select(['org_code', (eb) => eb.fn.countAll<number>().as('count')])
      .where('status', '=', 'admitted')
      .where(withinSubtrees('org_code', [orgPrefix], { countyColumn: 'county_code' }))
      .groupBy('org_code')
      .execute();
    return new Map(rows.map((row) => [row.org_code, Number(row.count)]));
  },
};
