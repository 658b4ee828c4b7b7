import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import mongoose from '../../server/src/db/mongoose';
import { syncIndexes } from '../../server/src/db/connect';
import { withDatabaseName } from '../../server/src/db/provider';
import { seedRegions } from '../../server/src/modules/regions/seed';
import { regionDirectory } from '../../server/src/modules/regions/service';
import { testApp } from '../../test/support/app';
import { testDatabaseServerUri } from '../../test/support/db';

/** The real server for a jsdom test file (see environment.js). */
export interface RealServer {
  /** Origin such as `http://127.0.0.1:41234`. */
  url: string;
  /** Stops listening and drops the file's database. */
  close(): Promise<void>;
}

/**
 * Starts the real app (`testApp`, dev login on) over a fresh database on the shared test database server,
 * with the full Zhejiang region tree put there by the real region seed and loaded into the region
 * directory, listening on a free loopback port.
 * Runs in Node (the test environment's context), never inside jsdom.
 */
export async function startRealServer(label: string): Promise<RealServer> {
  const name = `t_mini_${label.replace(/\.test\.tsx?$/, '').replace(/[^a-zA-Z0-9]/g, '_').slice(0, 24)}_${crypto.randomBytes(4).toString('hex')}`;
  await mongoose.connect(withDatabaseName(testDatabaseServerUri(), name), { serverSelectionTimeoutMS: 10_000 });
  await syncIndexes();
  await seedRegions();
  // As main.ts does at start-up: load the in-memory region directory before the first request (reading
  // 27k regions from FerretDB takes seconds, which a first request would otherwise wait for).
  await regionDirectory();
  const { app } = testApp({ env: { GONGKAI_DEV_LOGIN: '1' } });
  const server = http.createServer(app.callback());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (mongoose.connection.readyState === 1) {
        await mongoose.connection.dropDatabase();
        await mongoose.disconnect();
      }
    },
  };
}
