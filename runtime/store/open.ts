/** The store `npm start` was asked for: in memory, an SQLite data folder, or PostgreSQL. */
import { InMemoryPolicyStore, type OpenPolicyStore } from '../store.js';

export type StoreChoice = { kind: 'memory' } | { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; url: string };

/** Where `npm start` keeps policies without --data, --database-url or --memory (gitignored). */
export const DEFAULT_DATA_DIR = '.permgen-data';

export async function openPolicyStore(choice: StoreChoice): Promise<OpenPolicyStore> {
  switch (choice.kind) {
    case 'memory':
      return new InMemoryPolicyStore();
    // Each driver is loaded only when chosen: a native SQLite binding or the pg client costs start-up time.
    case 'sqlite': {
      const { SqlitePolicyStore } = await import('./sqlite.js');
      return new SqlitePolicyStore(choice.dataDir);
    }
    case 'postgres': {
      const { PostgresPolicyStore } = await import('./postgres.js');
      return PostgresPolicyStore.open(choice.url);
    }
  }
}
