import crypto from 'crypto';
import path from 'path';
import mongoose from '../../server/src/db/mongoose';
import { syncIndexes } from '../../server/src/db/connect';
import { withDatabaseName } from '../../server/src/db/provider';

/** The test database server's base URI (set by globalSetup). */
export function testDatabaseServerUri(): string {
  const uri = process.env.GONGKAI_TEST_MONGODB_URI;
  if (!uri) throw new Error('GONGKAI_TEST_MONGODB_URI is not set: run tests through jest with the root config');
  return uri;
}

/** A database name unique to this test file and run. */
function databaseNameFor(testPath: string): string {
  const base = path.basename(testPath).replace(/\.test\.tsx?$/, '').replace(/[^a-zA-Z0-9]/g, '_').slice(0, 30);
  return `t_${base}_${crypto.randomBytes(4).toString('hex')}`;
}

/**
 * Gives the calling test file its own database on the shared test server: connects the default mongoose
 * connection before all tests (building every model's indexes) and drops the database afterwards.
 * Returns a getter for the database URI (for code that opens its own connection).
 */
export function useTestDatabase(): { uri: () => string; name: () => string } {
  let name = '';
  beforeAll(async () => {
    name = databaseNameFor(expect.getState().testPath ?? 'anon');
    await mongoose.connect(withDatabaseName(testDatabaseServerUri(), name), { serverSelectionTimeoutMS: 10_000 });
    await syncIndexes();
  });
  afterAll(async () => {
    if (mongoose.connection.readyState === 1) {
      await mongoose.connection.dropDatabase();
      await mongoose.disconnect();
    }
  });
  return { uri: () => withDatabaseName(testDatabaseServerUri(), name), name: () => name };
}

/** Deletes every document of every collection (keeps indexes): for tests that need a clean slate. */
export async function clearDatabase(): Promise<void> {
  const db = mongoose.connection.db;
  if (!db) return;
  for (const c of await db.collections()) await c.deleteMany({});
}
