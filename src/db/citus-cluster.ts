import pg from 'pg';

/**
 * New databases on a Citus cluster. Citus keeps its metadata per database, so a new database
 * needs the database and the extension on the coordinator and on every worker, and the workers
 * registered in it. Used by the tests and benchmarks, which create a database per run; an
 * installation does the same once (docs/DEPLOYMENT.md).
 */

interface WorkerNode {
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
    // Joins of two county tables that do not name county_code on both sides run by repartitioning
    // (slower, but correct) rather than failing; the main queries join on county_code.
    `ALTER DATABASE ${name} SET citus.enable_repartition_joins = on`,
    `SELECT citus_set_coordinator_host('${coordinator.hostname}', ${Number(coordinator.port || 5432)})`,
    ...workers.map((worker) => `SELECT citus_add_node('${worker.host}', ${worker.port})`),
  ]);
  return url;
}

/** Drops database `name` on the coordinator and on every worker. */
export async function dropClusterDatabase(serverUrl: string, workers: readonly WorkerNode[], name: string): Promise<void> {
  // A pool's end() resolves before its sockets have closed: wait until they are gone (FORCE would
  // raise an error in a client that is still closing).
  const admin = new pg.Client({ connectionString: urlOf(serverUrl, null, 'postgres') });
  await admin.connect();
  try {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const { rows } = await admin.query<{ count: number }>("SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'", [name]);
      if (rows[0]!.count === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await admin.end();
  }
  await run(urlOf(serverUrl, null, 'postgres'), ['SET citus.enable_create_database_propagation TO off', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
  for (const worker of workers) await run(urlOf(serverUrl, worker, 'postgres'), [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
}
