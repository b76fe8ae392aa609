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

export const removalRepository = {
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
