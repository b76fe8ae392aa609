import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { postgreSplitterOptions, splitQuery } from 'dbgate-query-splitter';
import { sql } from 'kysely';
import type { Database } from './database.ts';
import { applyDistribution, isPlaced, placeNewTable, PLACEMENT_FROM } from './distribution.ts';

const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');

export interface MigrationResult {
  applied: string[];
}

/**
 * Applies the SQL files of src/db/migrations in name order, each in its own transaction, and
 * records them in schema_migration. Refuses to run when an applied file has since been edited.
 * On a Citus coordinator, places the tables (src/db/distribution.ts) once every file has run
 * (from PLACEMENT_FROM on, the keys are ready for it). On a Citus database already placed, a
 * file runs one statement at a time (Citus passes a command's text to the workers whole), and
 * each table a file creates is placed at once, before the file's next statement (which may give
 * it its foreign keys). `statementByStatement` runs every file that way elsewhere too (the test
 * that both ways build the same schema).
 */
export async function migrate(database: Database, options: { statementByStatement?: boolean } = {}): Promise<MigrationResult> {
  await database.executeScript(`CREATE TABLE IF NOT EXISTS schema_migration (
    name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const files = fs.readdirSync(MIGRATIONS_DIR).filter((name) => name.endsWith('.sql')).sort();
  const done = await database.db.selectFrom('schema_migration').select(['name', 'checksum']).execute();
  const doneByName = new Map(done.map((row) => [row.name, row.checksum]));
  const applied: string[] = [];
  // Whether the tables are on a Citus cluster already: asked once a file is to be applied.
  let placed: boolean | undefined;
  for (const name of files) {
    const script = fs.readFileSync(path.join(MIGRATIONS_DIR, name), 'utf8');
    const checksum = crypto.createHash('sha256').update(script).digest('hex');
    const recorded = doneByName.get(name);
    if (recorded !== undefined) {
      if (recorded !== checksum) throw new Error(`迁移文件 ${name} 在执行后被修改过，请恢复原文件并新增一个迁移文件`);
      continue;
    }
    placed ??= await isPlaced(database);
    if (placed || options.statementByStatement) {
      await applyByStatement(database, { name, script, checksum, placeTables: placed });
    } else {
      const quotedName = name.replaceAll("'", "''");
      await database.executeScript(
        `BEGIN;\nSELECT pg_advisory_xact_lock(7263);\n${script}\n;INSERT INTO schema_migration (name, checksum) VALUES ('${quotedName}', '${checksum}');\nCOMMIT;`,
      );
    }
    applied.push(name);
  }
  if (files.some((name) => name >= PLACEMENT_FROM)) await applyDistribution(database);
  return { applied };
}

/** The statements of a migration file, in order (dollar-quoted bodies and comments kept whole). */
export function migrationStatements(script: string): string[] {
  return splitQuery(script, postgreSplitterOptions)
    .map((item) => (typeof item === 'string' ? item : item.text).trim())
    .filter((statement) => withoutLeadingComments(statement) !== '');
}

function withoutLeadingComments(statement: string): string {
  return statement.replace(/^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/, '');
}

/** The table a CREATE TABLE statement creates, or null. */
export function createdTable(statement: string): string | null {
  const match = /^CREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:public\.)?"?([a-z_][a-z0-9_]*)"?/i.exec(withoutLeadingComments(statement));
  return match ? match[1]!.toLowerCase() : null;
}

/** One migration file in one transaction, a statement at a time, placing each new table on a placed Citus cluster. */
async function applyByStatement(database: Database, file: { name: string; script: string; checksum: string; placeTables: boolean }): Promise<void> {
  await database.db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(7263)`.execute(tx);
    for (const statement of migrationStatements(file.script)) {
      await sql.raw(statement).execute(tx);
      const table = file.placeTables ? createdTable(statement) : null;
      if (table) await placeNewTable(tx, table);
    }
    await tx.insertInto('schema_migration').values({ name: file.name, checksum: file.checksum }).execute();
  });
}
