// The embedded database's own thread: PGlite (PostgreSQL compiled to WebAssembly) runs its
// queries synchronously, so on the server's thread a query stops every request from being read.
// Here it answers the messages of src/db/pglite-thread.ts, one at a time, in arrival order.
// Plain JavaScript: a worker thread does not inherit the TypeScript loader of the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types } from '@electric-sql/pglite';

// bigint as number and date as 'YYYY-MM-DD', as on PostgreSQL (PGlite 0.4 applies only per-query parsers).
const parsers = { [types.INT8]: (value) => Number(value), [types.DATE]: (value) => value };

/** A database error with its SQLSTATE and details, as plain data that survives postMessage. */
function serialiseError(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = {};
  for (const [key, value] of Object.entries(error)) {
    if (typeof value === 'string' || typeof value === 'number') fields[key] = value;
  }
  return { ...fields, name: error.name, message: error.message };
}

let client;
try {
  client = await PGlite.create(workerData.location);
  parentPort.postMessage({ id: 0, result: 'ready' });
} catch (error) {
  parentPort.postMessage({ id: 0, error: serialiseError(error) });
}

let chain = Promise.resolve();
parentPort.on('message', (message) => {
  chain = chain.then(async () => {
    try {
      if (message.kind === 'query') {
        const { rows, affectedRows, fields } = await client.query(message.sql, message.params, { parsers });
        parentPort.postMessage({ id: message.id, result: { rows, affectedRows, fields } });
      } else if (message.kind === 'exec') {
        await client.exec(message.sql);
        parentPort.postMessage({ id: message.id, result: null });
      } else if (message.kind === 'dump') {
        const buffer = await (await client.dumpDataDir('gzip')).arrayBuffer();
        parentPort.postMessage({ id: message.id, result: buffer }, [buffer]);
      } else if (message.kind === 'close') {
        await client.close();
        parentPort.postMessage({ id: message.id, result: null });
        parentPort.close();
      }
    } catch (error) {
      parentPort.postMessage({ id: message.id, error: serialiseError(error) });
    }
  });
});
