import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './database.ts';
import { applyDistribution, PLACEMENT_FROM } from './distribution.ts';

const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');

export interface MigrationResult {
  applied: string[];
}

/**
 * Applies the SQL files of src/db/migrations in name order, each in its own transaction, and
 * records them in schema_migration. Refuses to run when an applied file has since been edited.
 * On a Citus coordinator, places the tables (src/db/distribution.ts) once every file has run
 * (from PLACEMENT_FROM on, the keys are ready for it).
 */
export async function migrate(database: Database): Promise<MigrationResult> {
  await database.executeScript(`CREATE TABLE IF NOT EXISTS schema_migration (
    name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const files = fs.readdirSync(MIGRATIONS_DIR).filter((name) => name.endsWith('.sql')).sort();
  const done = await database.db.selectFrom('schema_migration').select(['name', 'checksum']).execute();
  const doneByName = new Map(done.map((row) => [row.name, row.checksum]));
  const applied: string[] = [];
  for (const name of files) {
    const script = fs.readFileSync(path.join(MIGRATIONS_DIR, name), 'utf8');
    const checksum = crypto.createHash('sha256').update(script).digest('hex');
    const recorded = doneByName.get(name);
    if (recorded !== undefined) {
      if (recorded !== checksum) throw new Error(`迁移文件 ${name} 在执行后被修改过，请恢复原文件并新增一个迁移文件`);
      continue;
    }
    const quotedName = name.replaceAll("'", "''");
    await database.executeScript(
      `BEGIN;\nSELECT pg_advisory_xact_lock(7263);\n${script}\n;INSERT INTO schema_migration (name, checksum) VALUES ('${quotedName}', '${checksum}');\nCOMMIT;`,
    );
    applied.push(name);
  }
  if (files.some((name) => name >= PLACEMENT_FROM)) await applyDistribution(database);
  return { applied };
}
