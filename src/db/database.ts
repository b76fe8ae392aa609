import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { PgliteThread } from './pglite-thread.ts';
import type { DatabaseSchema } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgresql';
export type Db = Kysely<DatabaseSchema>;
export type Tx = Transaction<DatabaseSchema>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Db | Tx;

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** Runs a script of several SQL statements (migrations); no parameters. */
  executeScript(script: string): Promise<void>;
  /** The embedded database's whole data directory as a gzipped tarball (PGlite only). */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
}

/** Sees each query sent to a PostgreSQL server (the distribution tests explain them). */
export type QueryObserver = (query: { sql: string; parameters: readonly unknown[] }) => void;

const INT8_OID = 20;
const DATE_OID = 1082;

/**
 * Opens PostgreSQL when a URL is given, otherwise the embedded PGlite database persisted in
 * `dataDir` (or in memory for `memory://`). Both return bigint as number and date as 'YYYY-MM-DD'.
 */
export async function openDatabase(options: { databaseUrl?: string; dataDir: string; onQuery?: QueryObserver }): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.onQuery);
  return openPglite(options.dataDir);
}

async function openPostgres(url: string, onQuery?: QueryObserver): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // JIT compilation costs more than it saves on queries of this size (a province's reminder list: 130 ms).
    options: '-c jit=off',
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8_OID) return (value: string) => Number(value);
        if (oid === DATE_OID) return (value: string) => value;
        return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
      },
    } as pg.CustomTypesConfig,
  });
  // An idle connection the server closes (a restart, an administrator) must not end the process:
  // the pool drops it and opens a new one for the next query.
  pool.on('error', (error) => console.error(`数据库连接中断（已自动重连）：${error.message}`));
  const db = new Kysely<DatabaseSchema>({
    dialect: new PostgresDialect({ pool }),
    ...(onQuery && { log: (event) => { if (event.level === 'query') onQuery({ sql: event.query.sql, parameters: event.query.parameters }); } }),
  });
  return {
    kind: 'postgresql',
    db,
    async executeScript(script) {
      const client = await pool.connect();
      try {
        await client.query(script);
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}

/**
 * PGlite runs in a worker thread (see pglite-thread.ts): its queries are synchronous WebAssembly,
 * and on the server's thread they would keep it from reading other requests while they run.
 */
async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir === 'memory://';
  const location = inMemory ? undefined : path.join(dataDir, 'pglite');
  if (location) fs.mkdirSync(location, { recursive: true });
  const thread = await PgliteThread.open(location);
  // The dialect calls only query() and close(), which the thread answers as PGlite does.
  const db = new Kysely<DatabaseSchema>({ dialect: new PGliteDialect(thread as unknown as PGlite) });
  return {
    kind: 'pglite',
    db,
    executeScript: (script) => thread.exec(script),
    dumpDataDir: () => thread.dumpDataDir(),
    // Kysely closes the dialect's client only if it ran a query: close the thread in any case.
    async close() {
      await db.destroy();
      await thread.close();
    },
  };
}
