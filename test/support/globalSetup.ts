import fs from 'fs';
import os from 'os';
import path from 'path';
import { provideDatabase } from '../../server/src/db/provider';
import { findRepoRoot } from '../../server/src/paths';

/**
 * Starts the test database once per `npm test` run: `MONGODB_URI` when set, else FerretDB on a free
 * loopback port with its data in a fresh temporary folder. Each test file then works in its own
 * database on this server (see `useTestDatabase`).
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-test-db-'));
  const handle = await provideDatabase({
    mongodbUri: process.env.MONGODB_URI,
    repoRoot: findRepoRoot(__dirname),
    dataDir,
    log: (m) => process.stderr.write(`[test db] ${m}\n`),
  });
  process.env.GONGKAI_TEST_MONGODB_URI = handle.uri;
  (globalThis as Record<string, unknown>).__gongkaiTestDb = { handle, dataDir };
}
