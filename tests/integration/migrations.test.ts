import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { isCitus } from '../../src/db/distribution.ts';
import { createdTable, migrate, migrationStatements } from '../../src/db/migrate.ts';
import { createServerDatabase, openTestDatabase, testsRunOnCitus } from '../helpers/test-app.ts';

/**
 * The migrations, whole files or a statement at a time (as on a Citus cluster already placed):
 * both build the same schema, and a file applied later to an installed database (on Citus: a
 * placed one) creates its table, places it before giving it its keys, and records the file.
 */

/** Columns, constraints, indexes, triggers and functions of the public schema, as text. */
async function describeSchema(database: Database): Promise<string[]> {
  const { rows } = await sql<{ line: string }>`
    SELECT format('column %s.%s %s %s %s', table_name, column_name, data_type, is_nullable, column_default) AS line FROM information_schema.columns WHERE table_schema = 'public'
    UNION ALL SELECT format('constraint %s.%s %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
    UNION ALL SELECT format('index %s', indexdef) FROM pg_indexes WHERE schemaname = 'public'
    UNION ALL SELECT format('trigger %s.%s', tgrelid::regclass, tgname) FROM pg_trigger WHERE NOT tgisinternal AND tgrelid::regclass::text NOT LIKE 'pg_%'
    UNION ALL SELECT format('function %s %s', proname, md5(prosrc)) FROM pg_proc WHERE pronamespace = 'public'::regnamespace
    ORDER BY 1`.execute(database.db);
  return rows.map((row) => row.line);
}

/** A database that has run no migration: in-memory PGlite, or a new one on the test server. */
async function emptyDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: 'memory://' });
    return { database, drop: () => database.close() };
  }
  const created = await createServerDatabase(serverUrl);
  const database = await openDatabase({ databaseUrl: created.url, dataDir: 'unused' });
  return { database, drop: async () => { await database.close(); await created.drop(); } };
}

describe('migrations', () => {
  it('splits a file into its statements, keeping function bodies and comments whole', () => {
    const statements = migrationStatements(`-- a comment; with a semicolon
CREATE TABLE a (id int);
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; RETURN NULL; END $$;
/* block; comment */ CREATE TABLE IF NOT EXISTS "b" (t text DEFAULT 'x;y');
-- trailing comment only
`);
    expect(statements).toHaveLength(3);
    expect(statements[1]).toContain('PERFORM 1; RETURN NULL; END $$');
    expect(statements.map(createdTable)).toEqual(['a', null, 'b']);
  });

  it('builds the same schema from whole files and a statement at a time', async ({ skip }) => {
    if (await testsRunOnCitus()) skip('on Citus the placement is checked by the next test and distribution.test.ts');
    const whole = await emptyDatabase();
    const stepwise = await emptyDatabase();
    try {
      const first = await migrate(whole.database);
      const second = await migrate(stepwise.database, { statementByStatement: true });
      expect(second.applied).toEqual(first.applied);
      expect(first.applied.length).toBeGreaterThan(18);
      const schema = await describeSchema(whole.database);
      expect(schema.length).toBeGreaterThan(500);
      expect(await describeSchema(stepwise.database)).toEqual(schema);
    } finally {
      await Promise.all([whole.drop(), stepwise.drop()]);
    }
  });

  it('applies a file added after installation: the new table is created, placed on Citus, keyed and recorded', async () => {
    const { database, drop } = await openTestDatabase();
    try {
      // An installation of the version before 0019: its table and its record taken away again.
      await database.executeScript('DROP TABLE secretary_training');
      await database.executeScript("DELETE FROM schema_migration WHERE name = '0019_secretary_training.sql'");
      expect((await migrate(database)).applied).toEqual(['0019_secretary_training.sql']);
      expect((await migrate(database)).applied).toEqual([]);
      const { rows: keys } = await sql<{ name: string; definition: string }>`
        SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = 'secretary_training'::regclass AND contype IN ('p', 'f') ORDER BY conname`.execute(database.db);
      expect(keys).toEqual([
        { name: 'secretary_training_member_id_fkey', definition: 'FOREIGN KEY (county_code, member_id) REFERENCES committee_member(county_code, id)' },
        { name: 'secretary_training_org_code_fkey', definition: 'FOREIGN KEY (org_code) REFERENCES org_unit(code)' },
        { name: 'secretary_training_pkey', definition: 'PRIMARY KEY (county_code, id)' },
      ]);
      if (await isCitus(database)) {
        const { rows } = await sql<{ method: string; column: string; sameGroup: boolean }>`
          SELECT p.partmethod AS method, column_to_column_name(p.logicalrelid, p.partkey) AS column, p.colocationid = r.colocationid AS "sameGroup"
          FROM pg_dist_partition p, pg_dist_partition r WHERE p.logicalrelid = 'secretary_training'::regclass AND r.logicalrelid = 'reserve'::regclass`.execute(database.db);
        expect(rows).toEqual([{ method: 'h', column: 'county_code', sameGroup: true }]);
      }
    } finally {
      await drop();
    }
  });
});
