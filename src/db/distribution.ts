import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Database, Executor } from './database.ts';

/**
 * How the tables are placed on a Citus cluster (docs/DISTRIBUTION.md): the one list of
 * distributed, reference and coordinator-local tables, and the county code that is the
 * distribution key. On PGlite and a single PostgreSQL server nothing here runs but `countyOf`.
 *
 * A new table goes into exactly one list (a test checks that every table is listed):
 * - DISTRIBUTED_TABLES when it holds a county's records: it has `county_code`, its primary key,
 *   unique keys and foreign keys to other distributed tables include it, first;
 * - REFERENCE_TABLES when it is small and shared by every county, with no foreign key to a
 *   distributed table;
 * - LOCAL_TABLES when it is the web tier's own state, never joined to a county's rows.
 */
export const REFERENCE_TABLES = [
  'org_unit', 'dictionary_item', 'official_calendar_year', 'eligibility_policy', 'training_rule_set', 'training_session',
  'person', 'person_photo', 'app_user', 'user_role', 'installation_setting', 'county_statistics',
] as const;

/** Distributed by county_code, all in the co-location group of `reserve`. */
export const DISTRIBUTED_TABLES = [
  'reserve', 'talent_ledger_entry', 'reserve_status_change',
  'village_reserve_need', 'public_notice', 'selection_candidate', 'selection_step', 'eligibility_exception', 'joint_review', 'notice_objection', 'selection_attachment',
  'training_attendance', 'mentoring_assignment', 'mentor_contact', 'mentoring_summary', 'annual_talk', 'practice_record', 'observer_attendance', 'assessment',
  'party_joining_step', 'talent_grid_rating', 'cultivation_assignment_year', 'cultivation_reserve_year', 'cultivation_reserve_training',
  'village_profile', 'committee_member', 'post_vacancy', 'secretary_review', 'secretary_discipline', 'secretary_training', 'reserve_removal', 'coverage_shortfall',
  'appointment', 'appointment_step', 'appointment_objection',
  // Keyed by county in migration 0017: the village 换届, the reports and the campaign, the stored coverage.
  'election_plan', 'village_election', 'election_candidate', 'election_vote', 'election_risk_point', 'election_citizen_reporter', 'election_violation_report', 'election_objection', 'election_step',
  'statistics_snapshot', 'summary_table_filing', 'campaign', 'campaign_milestone', 'milestone_confirmation', 'village_coverage',
] as const;

/** Distributed by its own column, co-located with the county tables: the audit log by chain (a county's code or 'system'). */
export const CHAIN_DISTRIBUTED_TABLES = [{ table: 'audit_event', column: 'chain' }] as const;

/**
 * The reminder roll-ups: on one server statement-level triggers (migrations 0006, 0007) keep them;
 * Citus refuses those on distributed tables, so there each source table gets a row-level trigger
 * running one of these functions (src/db/citus-rollups.sql) on the row's shard.
 */
const ROW_ROLLUPS = {
  mentor_contact: 'cultivation_contact_row_rollup',
  mentoring_summary: 'cultivation_summary_row_rollup',
  assessment: 'cultivation_assessment_row_rollup',
  training_attendance: 'cultivation_attendance_row_rollup',
  annual_talk: 'cultivation_talk_row_rollup',
} as const;

/** Stay on the coordinator. */
export const LOCAL_TABLES = ['schema_migration', 'user_session', 'login_throttle', 'login_event'] as const;

/**
 * The first migration after which the tables are placed: it gives every distributed table its
 * county_code keys. Earlier files run on plain tables.
 */
export const PLACEMENT_FROM = '0014_distribution.sql';

/** The county of a unit: the first six digits of its code, the distribution key of a county's rows. */
export function countyOf(orgCode: string): string {
  return orgCode.slice(0, 6);
}

/** The distributed tables whose rows other rows hang from (a step of a candidate, of an appointment). */
type ParentTable = 'reserve' | 'selection_candidate' | 'appointment' | 'village_election' | 'campaign' | 'campaign_milestone';

/**
 * The county of a parent row, for inserting a child row that has no unit code of its own. Throws
 * when the parent does not exist (the callers have just read it).
 */
export async function countyOfRow(db: Executor, table: ParentTable, id: string): Promise<string> {
  const row = await db.selectFrom(table).select('county_code').where('id', '=', id).executeTakeFirstOrThrow();
  return row.county_code;
}

/** Whether the database is a Citus coordinator (the extension is installed in it). */
export async function isCitus(database: Database): Promise<boolean> {
  if (database.kind !== 'postgresql') return false;
  const { rows } = await sql<{ found: boolean }>`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') AS found`.execute(database.db);
  return rows[0]?.found === true;
}

/** Whether the database is a Citus coordinator whose tables are placed already (an installation being upgraded). */
export async function isPlaced(database: Database): Promise<boolean> {
  if (!(await isCitus(database))) return false;
  const { rows } = await sql<{ found: boolean }>`SELECT EXISTS (SELECT 1 FROM pg_dist_partition) AS found`.execute(database.db);
  return rows[0]?.found === true;
}

/**
 * Places a table that a migration has just created on a placed cluster, inside the migration's
 * transaction. Its foreign keys to county tables come in the file's later statements.
 */
export async function placeNewTable(tx: Executor, table: string): Promise<void> {
  if (isListed(DISTRIBUTED_TABLES, table) || isListed(REFERENCE_TABLES, table)) await placeTable(tx, table);
  else if (!isListed(LOCAL_TABLES, table)) throw new Error(`表 ${table} 未列入 src/db/distribution.ts 的任何一类，不能在分布式数据库上创建`);
}

function isListed(list: readonly string[], table: string): boolean {
  return list.includes(table);
}

/**
 * Places one listed table: a county table distributed by county_code in the co-location group of
 * `reserve` (which starts the group), a shared one as a reference table.
 */
async function placeTable(db: Executor, table: string): Promise<void> {
  if (!isListed(DISTRIBUTED_TABLES, table)) {
    await sql`SELECT create_reference_table(${table})`.execute(db);
    return;
  }
  const colocateWith = table === DISTRIBUTED_TABLES[0] ? 'default' : DISTRIBUTED_TABLES[0];
  await sql`SELECT create_distributed_table(${table}, 'county_code', colocate_with => ${colocateWith})`.execute(db);
}

/**
 * The settings of the application's database on a Citus coordinator, set by `applyDistribution`
 * (for the sessions opened after it) and by the test and benchmark helpers on a new database:
 * - joins of two county tables that do not name county_code on both sides run by repartitioning
 *   (slower, but correct) rather than failing; the main queries join on county_code;
 * - a transaction's commands over several shards use one connection per worker: a transaction
 *   that reads many shards and then writes a reference table with keys from county tables
 *   (a person, a unit) is refused otherwise, since Citus must see those writes on the connection
 *   that read the shards. Multi-shard reads (a province's figures) then run one shard at a time on
 *   each worker, the workers in parallel.
 */
export function citusDatabaseSettings(database: string): string[] {
  return [
    `ALTER DATABASE ${database} SET citus.enable_repartition_joins = on`,
    `ALTER DATABASE ${database} SET citus.multi_shard_modify_mode = 'sequential'`,
  ];
}

/**
 * On a Citus coordinator, places every listed table that exists and is not placed yet: reference
 * tables first, then the county tables, parents first. Safe to run again. Returns the tables placed.
 */
export async function applyDistribution(database: Database): Promise<string[]> {
  if (!(await isCitus(database))) return [];
  const db = database.db;
  const { rows: [current] } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(db);
  for (const setting of citusDatabaseSettings(`"${current!.name.replaceAll('"', '""')}"`)) await database.executeScript(setting);
  const existing = new Set((await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`.execute(db)).rows.map((row) => row.name));
  const placed = new Set((await sql<{ name: string }>`SELECT logicalrelid::regclass::text AS name FROM pg_dist_partition WHERE partmethod IN ('h', 'n')`.execute(db)).rows.map((row) => row.name));
  const done: string[] = [];
  const pending = (table: string) => existing.has(table) && !placed.has(table);
  for (const table of REFERENCE_TABLES.filter(pending)) {
    await placeTable(db, table);
    done.push(table);
  }
  // Citus distributes a table only when no local table refers to it: the keys among the county
  // tables are set aside while they are distributed, then made again.
  const toDistribute = DISTRIBUTED_TABLES.filter(pending);
  const keys = toDistribute.length === 0 ? [] : (await sql<{ table: string; name: string; definition: string }>`
    SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
    WHERE contype = 'f' AND conrelid::regclass::text = ANY (${toDistribute}) AND confrelid::regclass::text = ANY (${[...DISTRIBUTED_TABLES]})`.execute(db)).rows;
  for (const key of keys) await database.executeScript(`ALTER TABLE ${key.table} DROP CONSTRAINT ${key.name}`);
  const triggers = toDistribute.length === 0 ? [] : (await sql<{ table: string; name: string }>`
    SELECT tgrelid::regclass::text AS table, tgname AS name FROM pg_trigger WHERE NOT tgisinternal AND tgrelid::regclass::text = ANY (${toDistribute})`.execute(db)).rows;
  for (const trigger of triggers) {
    if (!(trigger.table in ROW_ROLLUPS)) throw new Error(`表 ${trigger.table} 的触发器 ${trigger.name} 在分布式数据库上没有对应的行级触发器（src/db/distribution.ts）`);
    await database.executeScript(`DROP TRIGGER ${trigger.name} ON ${trigger.table}`);
  }
  for (const table of toDistribute) {
    await placeTable(db, table);
    done.push(table);
  }
  for (const key of keys) await database.executeScript(`ALTER TABLE ${key.table} ADD CONSTRAINT ${key.name} ${key.definition}`);
  const rollupTables = [...new Set(triggers.map((trigger) => trigger.table))];
  if (rollupTables.length > 0) {
    // One statement a call: Citus passes a propagated command's text on to the workers whole.
    const functions = fs.readFileSync(path.join(import.meta.dirname, 'citus-rollups.sql'), 'utf8').split(/^(?=CREATE OR REPLACE FUNCTION)/m).slice(1);
    for (const statement of functions) await database.executeScript(statement);
    await db.transaction().execute(async (tx) => {
      await sql`SET LOCAL citus.enable_unsafe_triggers = on`.execute(tx);
      for (const table of rollupTables) {
        const rollup = ROW_ROLLUPS[table as keyof typeof ROW_ROLLUPS];
        await sql.raw(`CREATE TRIGGER ${table}_row_rollup AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${rollup}()`).execute(tx);
      }
    });
  }
  for (const { table, column } of CHAIN_DISTRIBUTED_TABLES.filter(({ table }) => pending(table))) {
    await prepareAuditLog(database);
    await sql`SELECT create_distributed_table(${table}, ${column}, colocate_with => ${DISTRIBUTED_TABLES[0]})`.execute(db);
    done.push(table);
  }
  return done;
}

/**
 * The audit log's key becomes (chain, id): Citus needs the distribution column in it. A Citus
 * installation starts empty, so it never holds the unkeyed events written before migration 0010.
 */
async function prepareAuditLog(database: Database): Promise<void> {
  const { rows } = await sql<{ count: number }>`SELECT count(*)::int AS count FROM audit_event WHERE chain IS NULL`.execute(database.db);
  if ((rows[0]?.count ?? 0) > 0) {
    throw new Error('审计日志中有按旧方式（单链）记录的事件，不能迁入分布式数据库：请在新建的 Citus 数据库上安装，再导入业务数据');
  }
  await database.executeScript('ALTER TABLE audit_event DROP CONSTRAINT audit_event_pkey');
  await database.executeScript('ALTER TABLE audit_event ALTER COLUMN chain SET NOT NULL');
  await database.executeScript('ALTER TABLE audit_event ADD CONSTRAINT audit_event_pkey PRIMARY KEY (chain, id)');
}
