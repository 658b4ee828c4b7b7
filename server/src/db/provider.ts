import fs from 'fs';
import path from 'path';
import { ensureFerretDB, hasGo, startFerretDB } from './ferretdb';

type Log = (msg: string) => void;

/** Where the application's database lives, and how to let go of it. */
export interface DatabaseHandle {
  /** Base URI (a database name is chosen separately). */
  uri: string;
  kind: 'external' | 'ferretdb' | 'mongodb-memory-server';
  stop(): Promise<void>;
}

/** What to install or set when no database can be had. */
export const NO_DATABASE_HELP = [
  'No database available. Do one of:',
  '  - set MONGODB_URI to a MongoDB 6–8 or FerretDB server (e.g. mongodb://127.0.0.1:27017/gongkai), or',
  '  - install Go (https://go.dev/dl/, needs the Go module proxy) so the embedded FerretDB can be built, or',
  '  - allow internet access so mongodb-memory-server can download a mongod binary.',
].join('\n');

async function startMemoryServer(dataDir: string, log: Log): Promise<DatabaseHandle> {
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  const dbPath = path.join(dataDir, 'mongod');
  fs.mkdirSync(dbPath, { recursive: true });
  const server = await MongoMemoryServer.create({ instance: { dbPath, ip: '127.0.0.1', storageEngine: 'wiredTiger' } });
  log(`mongod (mongodb-memory-server) listening at ${server.getUri()}`);
  return { uri: server.getUri(), kind: 'mongodb-memory-server', stop: async () => { await server.stop({ doCleanup: false }); } };
}

/**
 * The database for this process: `MONGODB_URI` when set; else the embedded FerretDB (built with Go on
 * first use) with its data in `dataDir`; else a downloaded mongod; else an error saying what to do.
 */
export async function provideDatabase(opts: {
  mongodbUri?: string;
  repoRoot: string;
  dataDir: string;
  log?: Log;
}): Promise<DatabaseHandle> {
  const log = opts.log ?? (() => {});
  if (opts.mongodbUri) return { uri: opts.mongodbUri, kind: 'external', stop: async () => {} };
  const failures: string[] = [];
  if (hasGo()) {
    try {
      const bin = await ensureFerretDB(opts.repoRoot, log);
      const p = await startFerretDB({ bin, dataDir: opts.dataDir, log });
      return { uri: p.uri, kind: 'ferretdb', stop: p.stop };
    } catch (err) {
      failures.push(`FerretDB: ${(err as Error).message}`);
    }
  } else {
    failures.push('FerretDB: go is not installed');
  }
  try {
    return await startMemoryServer(opts.dataDir, log);
  } catch (err) {
    failures.push(`mongodb-memory-server: ${(err as Error).message}`);
  }
  throw new Error(`${NO_DATABASE_HELP}\n\nWhat was tried:\n  ${failures.join('\n  ')}`);
}

/** `base` with the database name set as its path (keeps any query string). */
export function withDatabaseName(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}
