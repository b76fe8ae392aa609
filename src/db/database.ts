import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
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

const INT8_OID = 20;
const DATE_OID = 1082;

/**
 * Opens PostgreSQL when a URL is given, otherwise the embedded PGlite database persisted in
 * `dataDir` (or in memory for `memory://`). Both return bigint as number and date as 'YYYY-MM-DD'.
 */
export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir);
}

async function openPostgres(url: string): Promise<Database> {
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
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
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

async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir === 'memory://';
  const location = inMemory ? undefined : path.join(dataDir, 'pglite');
  if (location) fs.mkdirSync(location, { recursive: true });
  const client = await PGlite.create(location);
  // PGlite 0.4 ignores parsers given at creation (only per-query ones apply), so every query
  // the dialect sends goes through this wrapper.
  const parsers = {
    [pgliteTypes.INT8]: (value: string) => Number(value),
    [pgliteTypes.DATE]: (value: string) => value,
  };
  const query: PGlite['query'] = (sql, params, options) => client.query(sql, params, { ...options, parsers: { ...parsers, ...options?.parsers } });
  const parsingClient = new Proxy(client, {
    get(target, property) {
      if (property === 'query') return query;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const db = new Kysely<DatabaseSchema>({ dialect: new PGliteDialect(parsingClient) });
  return {
    kind: 'pglite',
    db,
    async executeScript(script) {
      await client.exec(script);
    },
    dumpDataDir: () => client.dumpDataDir('gzip'),
    close: () => db.destroy(),
  };
}
