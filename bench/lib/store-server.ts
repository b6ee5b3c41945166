/**
 * `npm start -- --data DIR` with the SQLite store committing every change alone (no group
 * commit), to measure what grouping buys. Prints the same endpoint line as npm start.
 *   node --import tsx bench/lib/store-server.ts PORT FUNCTIONS_FILE DATA_DIR
 */
import { loadRegistryFile } from '../../runtime/registry.js';
import { startServer } from '../../runtime/server.js';
import { SqlitePolicyStore } from '../../runtime/store/sqlite.js';

const [port, functions, dataDir] = process.argv.slice(2);
const store = new SqlitePolicyStore(dataDir, { groupCommit: false });
const server = await startServer({ port: Number(port), registry: loadRegistryFile(functions), store });
process.once('SIGTERM', () => void server.close().then(() => store.close()).then(() => process.exit(0)));
process.stdout.write(`Lambda endpoint ${server.url}\n`);
