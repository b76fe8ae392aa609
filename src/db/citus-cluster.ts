import pg from 'pg';
import { citusDatabaseSettings } from './distribution.ts';

/**
 * New databases on a Citus cluster. Citus keeps its metadata per database, so a new database
 * needs the database and the extension on the coordinator and on every worker, and the workers
 * registered in it. Used by the tests and benchmarks, which create a database per run; an
 * installation does the same once (docs/DEPLOYMENT.md).
 */

export interface WorkerNode {
  host: string;
  port: number;
}

/** The workers of the cluster whose coordinator is at `serverUrl`, or null when it is not a Citus coordinator. */
export async function clusterWorkers(serverUrl: string): Promise<WorkerNode[] | null> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows: extension } = await client.query("SELECT 1 FROM pg_extension WHERE extname = 'citus'");
    if (extension.length === 0) return null;
    const { rows } = await client.query<{ nodename: string; nodeport: number }>(
      "SELECT nodename, nodeport FROM pg_dist_node WHERE groupid <> 0 AND noderole = 'primary' ORDER BY nodeid");
    return rows.map((row) => ({ host: row.nodename, port: row.nodeport }));
  } finally {
    await client.end();
  }
}

function urlOf(serverUrl: string, node: WorkerNode | null, database: string): string {
  const url = new URL(serverUrl);
  if (node) {
    url.hostname = node.host;
    url.port = String(node.port);
  }
  url.pathname = `/${database}`;
  return url.toString();
}

async function run(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Creates database `name` on the coordinator and every worker, with Citus in each and the workers
 * registered. `shardCount` sets the shards of each new distributed table in that database.
 */
export async function createClusterDatabase(serverUrl: string, workers: readonly WorkerNode[], name: string, options: { shardCount?: number } = {}): Promise<string> {
  for (const worker of workers) {
    await run(urlOf(serverUrl, worker, 'postgres'), [`CREATE DATABASE ${name}`]);
    await run(urlOf(serverUrl, worker, name), ['CREATE EXTENSION citus']);
  }
  await run(urlOf(serverUrl, null, 'postgres'), ['SET citus.enable_create_database_propagation TO off', `CREATE DATABASE ${name}`]);
  const coordinator = new URL(serverUrl);
  const url = urlOf(serverUrl, null, name);
  await run(url, [
    'CREATE EXTENSION citus',
    ...(options.shardCount ? [`ALTER DATABASE ${name} SET citus.shard_count = ${options.shardCount}`] : []),
    ...citusDatabaseSettings(name),
    `SELECT citus_set_coordinator_host('${coordinator.hostname}', ${Number(coordinator.port || 5432)})`,
    ...workers.map((worker) => `SELECT citus_add_node('${worker.host}', ${worker.port})`),
  ]);
  return url;
}

/**
 * Creates database `name` on every node as a copy of database `template` of each node
 * (CREATE DATABASE … TEMPLATE): the tables, their shards and Citus's metadata come along, so a
 * copy of a migrated and placed database is ready at once. The template takes no connections
 * (see `closeTemplate`).
 */
export async function copyClusterDatabase(serverUrl: string, workers: readonly WorkerNode[], template: string, name: string): Promise<string> {
  for (const worker of workers) await run(urlOf(serverUrl, worker, 'postgres'), [`CREATE DATABASE ${name} TEMPLATE ${template}`]);
  await run(urlOf(serverUrl, null, 'postgres'), [
    'SET citus.enable_create_database_propagation TO off', `CREATE DATABASE ${name} TEMPLATE ${template}`, ...citusDatabaseSettings(name),
  ]);
  return urlOf(serverUrl, null, name);
}

/**
 * Makes database `name` a template on every node: no new connections, and the open ones (Citus's
 * own, between the nodes) ended, since PostgreSQL copies only a database nobody is connected to.
 */
export async function closeTemplate(serverUrl: string, workers: readonly WorkerNode[], name: string): Promise<void> {
  for (const node of [null, ...workers]) {
    await run(urlOf(serverUrl, node, 'postgres'), [
      `ALTER DATABASE ${name} ALLOW_CONNECTIONS false`,
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`,
    ]);
  }
}

/** The databases on the coordinator whose names start with `prefix`. */
export async function clusterDatabases(serverUrl: string, prefix: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: urlOf(serverUrl, null, 'postgres') });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>('SELECT datname AS name FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
    return rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

/** Drops database `name` on the coordinator and on every worker. */
export async function dropClusterDatabase(serverUrl: string, workers: readonly WorkerNode[], name: string): Promise<void> {
  // A pool's end() resolves before its sockets have closed: wait until they are gone (FORCE would
  // raise an error in a client that is still closing).
  const admin = new pg.Client({ connectionString: urlOf(serverUrl, null, 'postgres') });
  await admin.connect();
  try {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      // Citus's own connections between the nodes stay open while the database lives: not waited for.
      const { rows } = await admin.query<{ count: number }>(
        "SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND NOT starts_with(application_name, 'citus_internal')", [name]);
      if (rows[0]!.count === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await admin.end();
  }
  await run(urlOf(serverUrl, null, 'postgres'), ['SET citus.enable_create_database_propagation TO off', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
  for (const worker of workers) await run(urlOf(serverUrl, worker, 'postgres'), [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
}
