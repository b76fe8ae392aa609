import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { escapeLike, withinSubtrees } from '../../db/scope.ts';
import type { OrgLevel } from '../../domain/org-code.ts';
import { updateAtVersion } from '../../db/optimistic-lock.ts';

export interface OrgUnitRecord {
  code: string;
  parentCode: string | null;
  level: OrgLevel;
  name: string;
  fullName: string;
  childCount: number;
  version: number;
}

export interface NewOrgUnit {
  code: string;
  parentCode: string | null;
  level: OrgLevel;
  name: string;
  fullName: string;
  sortOrder: number;
}

const COLUMNS = ['code', 'parent_code', 'level', 'name', 'full_name', 'child_count', 'version'] as const;

function toRecord(row: { code: string; parent_code: string | null; level: string; name: string; full_name: string; child_count: number; version: number }): OrgUnitRecord {
  return {
    code: row.code,
    parentCode: row.parent_code,
    level: row.level as OrgLevel,
    name: row.name,
    fullName: row.full_name,
    childCount: row.child_count,
    version: row.version,
  };
}

export const orgUnitsRepository = {
  /** The villages and communities of a subtree, with the name of their township. */
  async listVillagesWithin(db: Executor, prefix: string): Promise<{ code: string; name: string; level: OrgLevel; townshipName: string }[]> {
    const rows = await db
      .selectFrom('org_unit as v')
      .leftJoin('org_unit as t', 't.code', 'v.parent_code')
      .select(['v.code', 'v.name', 'v.level', 't.name as township_name'])
      .where(withinSubtrees('v.code', [prefix]))
      .where('v.level', 'in', ['village', 'community'])
      .execute();
    return rows.map((row) => ({ code: row.code, name: row.name, level: row.level as OrgLevel, townshipName: row.township_name ?? '' }));
  },

  async findByCodes(db: Executor, codes: readonly string[]): Promise<OrgUnitRecord[]> {
    if (codes.length === 0) return [];
    const rows = await db.selectFrom('org_unit').select(COLUMNS).where('code', 'in', codes).execute();
    return rows.map(toRecord);
  },

  async findByCode(db: Executor, code: string): Promise<OrgUnitRecord | undefined> {
    const [unit] = await this.findByCodes(db, [code]);
    return unit;
  },

  async listChildren(db: Executor, parentCode: string): Promise<OrgUnitRecord[]> {
    const rows = await db.selectFrom('org_unit').select(COLUMNS).where('parent_code', '=', parentCode).orderBy('sort_order').orderBy('code').execute();
    return rows.map(toRecord);
  },

  /** Units in the given subtrees whose name contains, or whose code starts with, the text. */
  async search(db: Executor, options: { prefixes: string[]; text: string; limit: number }): Promise<OrgUnitRecord[]> {
    const isCode = /^\d+$/.test(options.text);
    const rows = await db
      .selectFrom('org_unit')
      .select(COLUMNS)
      .where(withinSubtrees('code', options.prefixes))
      .where(isCode ? sql<SqlBool>`code LIKE ${`${escapeLike(options.text)}%`}` : sql<SqlBool>`name LIKE ${`%${escapeLike(options.text)}%`}`)
      .orderBy('code')
      .limit(options.limit)
      .execute();
    return rows.map(toRecord);
  },

  /** Inserts the units that are not there yet; returns the codes inserted. */
  async insertMissing(db: Executor, units: readonly NewOrgUnit[]): Promise<string[]> {
    const inserted: string[] = [];
    for (let start = 0; start < units.length; start += 500) {
      const chunk = units.slice(start, start + 500);
      const rows = await db
        .insertInto('org_unit')
        .values(chunk.map((unit) => ({
          code: unit.code,
          parent_code: unit.parentCode,
          level: unit.level,
          name: unit.name,
          full_name: unit.fullName,
          sort_order: unit.sortOrder,
        })))
        .onConflict((conflict) => conflict.column('code').doNothing())
        .returning('code')
        .execute();
      inserted.push(...rows.map((row) => row.code));
    }
    return inserted;
  },

  /** Recomputes child_count of the given parents from the rows below them. */
  async refreshChildCounts(db: Executor, parentCodes: readonly string[]): Promise<void> {
    if (parentCodes.length === 0) return;
    await db
      .updateTable('org_unit as p')
      .set({
        child_count: (eb) => eb.selectFrom('org_unit as c').select((inner) => inner.fn.countAll<number>().as('n')).whereRef('c.parent_code', '=', 'p.code'),
      })
      .where('p.code', 'in', parentCodes)
      .execute();
  },

  async update(db: Executor, code: string, version: number, changes: { name: string; fullName: string; sortOrder?: number | undefined }): Promise<boolean> {
    return updateAtVersion(db, 'org_unit', { code }, version, {
        name: changes.name,
        full_name: changes.fullName,
        ...(changes.sortOrder !== undefined && { sort_order: changes.sortOrder }),
      updated_at: new Date(),
    });
  },

  async countByLevel(db: Executor, prefixes: string[]): Promise<Record<string, number>> {
    const rows = await db
      .selectFrom('org_unit')
      .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
      .where(withinSubtrees('code', prefixes))
      .groupBy('level')
      .execute();
    return Object.fromEntries(rows.map((row) => [row.level, Number(row.n)]));
  },

  async countAll(db: Executor): Promise<number> {
    const row = await db.selectFrom('org_unit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
