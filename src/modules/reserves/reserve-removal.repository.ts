import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { updateAtVersion } from '../../db/optimistic-lock.ts';
import { withinSubtrees } from '../../db/scope.ts';
import type { RemovalStatus } from '../../domain/removal.ts';
import type { ReserveRemovalTable } from '../../db/schema-management.ts';
import { countyOf } from '../../db/distribution.ts';

/** A removal with the names the lists show; the columns' types come from the schema. */
export type RemovalRow = Omit<Selectable<ReserveRemovalTable>, 'created_at' | 'updated_at'> & { village_name: string; township_code: string; person_name: string };

const COLUMNS = sql`x.id, x.reserve_id, x.org_code, u.name AS village_name, coalesce(u.parent_code, '') AS township_code, p.name AS person_name, x.reason_code, x.reason_text, x.status,
  to_char(x.proposed_on, 'YYYY-MM-DD') AS proposed_on, x.proposed_by, to_char(x.decided_on, 'YYYY-MM-DD') AS decided_on, x.decided_by, x.decision_note,
  to_char(x.filed_on, 'YYYY-MM-DD') AS filed_on, x.filed_by, x.version`;
const FROM = sql`reserve_removal x JOIN reserve r ON r.id = x.reserve_id JOIN person p ON p.id = r.person_id JOIN org_unit u ON u.code = x.org_code`;

/** An admitted reserve with the facts the 建议调整 rules read. */
export interface AdjustmentFactsRow {
  reserve_id: string;
  name: string;
  org_code: string;
  village_name: string;
  township_code: string;
  birth_date: string;
  political_status: string;
  education: string;
  /** Annual results (年度考核), newest first. */
  annual_grades: string[];
  has_open_removal: boolean;
}

export const removalRepository = {
  /** The admitted reserves of the subtrees with their annual results and whether a removal is under way. */
  async listAdjustmentFacts(db: Executor, prefixes: readonly string[]): Promise<AdjustmentFactsRow[]> {
    const { rows } = await sql<AdjustmentFactsRow>`
      SELECT r.id AS reserve_id, p.name, r.org_code, u.name AS village_name, coalesce(u.parent_code, '') AS township_code,
        to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.political_status, p.education,
        coalesce((SELECT array_agg(s.grade ORDER BY s.year DESC, s.assessed_on DESC) FROM assessment s
          WHERE s.county_code = r.county_code AND s.reserve_id = r.id AND s.kind = 'annual' AND s.grade IS NOT NULL), ARRAY[]::text[]) AS annual_grades,
        EXISTS (SELECT 1 FROM reserve_removal x WHERE x.county_code = r.county_code AND x.reserve_id = r.id AND x.status = 'proposed') AS has_open_removal
      FROM reserve r JOIN person p ON p.id = r.person_id JOIN org_unit u ON u.code = r.org_code
      WHERE r.status = 'admitted' AND ${withinSubtrees('r.org_code', prefixes, { countyColumn: 'r.county_code' })}
      ORDER BY u.parent_code, u.sort_order, r.org_code, p.name`.execute(db);
    return rows;
  },

  async insert(db: Executor, removal: { reserveId: string; orgCode: string; reasonCode: string; reasonText: string; proposedOn: string; proposedBy: string }): Promise<string> {
    const row = await db.insertInto('reserve_removal').values({
      reserve_id: removal.reserveId, county_code: countyOf(removal.orgCode), org_code: removal.orgCode, reason_code: removal.reasonCode, reason_text: removal.reasonText, proposed_on: removal.proposedOn, proposed_by: removal.proposedBy,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async find(db: Executor, id: string): Promise<RemovalRow | undefined> {
    const { rows } = await sql<RemovalRow>`SELECT ${COLUMNS} FROM ${FROM} WHERE x.id = ${id}`.execute(db);
    return rows[0];
  },

  async findOpenOfReserve(db: Executor, reserveId: string): Promise<{ id: string } | undefined> {
    return db.selectFrom('reserve_removal').select('id').where('reserve_id', '=', reserveId).where('status', '=', 'proposed').executeTakeFirst();
  },

  async list(db: Executor, filter: { prefixes: readonly string[]; status?: RemovalStatus | undefined }): Promise<RemovalRow[]> {
    const { rows } = await sql<RemovalRow>`SELECT ${COLUMNS} FROM ${FROM}
      WHERE ${withinSubtrees('x.org_code', filter.prefixes, { countyColumn: 'x.county_code' })} ${filter.status ? sql`AND x.status = ${filter.status}` : sql``}
      ORDER BY x.status = 'proposed' DESC, x.status = 'approved' DESC, x.proposed_on DESC, x.id LIMIT 2000`.execute(db);
    return rows;
  },

  async decide(db: Executor, id: string, version: number, decision: { status: 'approved' | 'refused'; decidedOn: string; decidedBy: string; note: string | null }): Promise<boolean> {
    return updateAtVersion(db, 'reserve_removal', { id, status: 'proposed' }, version, {
      status: decision.status, decided_on: decision.decidedOn, decided_by: decision.decidedBy, decision_note: decision.note, updated_at: new Date(),
    });
  },

  async file(db: Executor, id: string, version: number, filing: { filedOn: string; filedBy: string }): Promise<boolean> {
    return updateAtVersion(db, 'reserve_removal', { id, status: 'approved' }, version, { status: 'filed', filed_on: filing.filedOn, filed_by: filing.filedBy, updated_at: new Date() });
  },
};
