import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mongoose from '../../server/src/db/mongoose';
import { syncIndexes } from '../../server/src/db/connect';
import { withDatabaseName } from '../../server/src/db/provider';
import { seedCatalogue } from '../../server/src/modules/catalogue/seed';
import { disclosureTestRegions } from '../../server/src/modules/disclosures/testing';
import { setFeedbackRateLimits } from '../../server/src/modules/feedback/rate-limit';
import { seedRegions } from '../../server/src/modules/regions/seed';
import { regionDirectory } from '../../server/src/modules/regions/service';
import { JobQueue } from '../../server/src/jobs/queue';
import { createLogger } from '../../server/src/logger';
import { testApp } from '../../test/support/app';
import { testDatabaseServerUri } from '../../test/support/db';
import { createOfficial, loginAs } from '../../test/support/fixtures';

/** What a test file asks for in its docblock (`@jest-environment-options {...}`). */
export interface RealServerOptions {
  /**
   * `full` (default): the whole Zhejiang region tree from the real seed (slow: ~20 s). `ouhai`: only the real
   * regions of 瓯海区 and 江山市 with their ancestors, in memory (no seeding), enough for disclosures and
   * feedback in 古岸头村 (330304005202).
   */
  regions?: 'full' | 'ouhai';
  /** Seed the standard catalogue and sign in officials of 瓯海区 (county) and 娄桥街道 (township). */
  officials?: boolean;
  /**
   * Configure the subscribe-message templates (`TEST_TEMPLATES`), so consent reports count. Leave off where
   * jobs are drained: a resident with quota would then be sent WeChat messages (to no WeChat server).
   */
  templates?: boolean;
}

/** The template ids configured with `templates: true`. */
export const TEST_TEMPLATES = { disclosure: 'TMPL_DISCLOSURE_TEST', answer: 'TMPL_ANSWER_TEST' } as const;

/** Bearer header values of the seeded officials (editor, reviewer and admin of each level). */
export type OfficialTokens = Record<'countyEditor' | 'countyReviewer' | 'countyAdmin' | 'townEditor' | 'townReviewer' | 'townAdmin', string>;

/** The real server for a jsdom test file (see environment.js). */
export interface RealServer {
  /** Origin such as `http://127.0.0.1:41234`. */
  url: string;
  officials?: OfficialTokens;
  /** Runs the server's due jobs (notices fan-out, feedback notices…) until none are left. */
  drainJobs(): Promise<void>;
  /** Stops listening, drops the file's database and removes its data folder. */
  close(): Promise<void>;
}

const COUNTY = '330304'; // 瓯海区
const TOWNSHIP = '330304005'; // 娄桥街道 (古岸头村's township)

async function signInOfficials(http: Parameters<typeof loginAs>[0]): Promise<OfficialTokens> {
  const roster: Array<[keyof OfficialTokens, 'editor' | 'reviewer' | 'admin', string]> = [
    ['countyEditor', 'editor', COUNTY],
    ['countyReviewer', 'reviewer', COUNTY],
    ['countyAdmin', 'admin', COUNTY],
    ['townEditor', 'editor', TOWNSHIP],
    ['townReviewer', 'reviewer', TOWNSHIP],
    ['townAdmin', 'admin', TOWNSHIP],
  ];
  const out = {} as OfficialTokens;
  for (const [key, role, regionCode] of roster) {
    const { username } = await createOfficial({ role, regionCode, username: `${key}${crypto.randomBytes(3).toString('hex')}` });
    out[key] = await loginAs(http, username);
  }
  return out;
}

/**
 * Starts the real app (`testApp`, dev login on, feedback rate limits out of the way, a temporary data
 * folder) over a fresh database on the shared test database server, listening on a free loopback port.
 * Runs in Node (the test environment's context), never inside jsdom.
 */
export async function startRealServer(label: string, opts: RealServerOptions = {}): Promise<RealServer> {
  const name = `t_mini_${label.replace(/\.test\.tsx?$/, '').replace(/[^a-zA-Z0-9]/g, '_').slice(0, 24)}_${crypto.randomBytes(4).toString('hex')}`;
  await mongoose.connect(withDatabaseName(testDatabaseServerUri(), name), { serverSelectionTimeoutMS: 10_000 });
  await syncIndexes();
  let regions: ReturnType<typeof disclosureTestRegions> | undefined;
  if (opts.regions === 'ouhai') {
    regions = disclosureTestRegions();
  } else {
    await seedRegions();
    // As main.ts does at start-up: load the in-memory region directory before the first request (reading
    // 27k regions from FerretDB takes seconds, which a first request would otherwise wait for).
    await regionDirectory();
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-mini-'));
  setFeedbackRateLimits({ perResident: 10_000, perIp: 10_000, uploadsPerResident: 10_000 });
  // The job queue is not started: tests run due jobs with drainJobs() when they need their effects.
  const jobs = new JobQueue(createLogger('silent', false), { pollMs: 10, backoffMs: () => 10, leaseMs: 30_000, batchSize: 50 });
  const templates = opts.templates ? { WECHAT_TEMPLATE_DISCLOSURE: TEST_TEMPLATES.disclosure, WECHAT_TEMPLATE_ANSWER: TEST_TEMPLATES.answer } : {};
  const t = testApp({ regions, jobs, env: { GONGKAI_DEV_LOGIN: '1', GONGKAI_DATA_DIR: dataDir, ...templates } });
  let officials: OfficialTokens | undefined;
  if (opts.officials) {
    await seedCatalogue();
    officials = await signInOfficials(t.http);
  }
  const server = http.createServer(t.app.callback());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    officials,
    async drainJobs() {
      for (let idle = 0; idle < 2; ) idle = (await jobs.pollOnce()) > 0 ? 0 : idle + 1;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (mongoose.connection.readyState === 1) {
        await mongoose.connection.dropDatabase();
        await mongoose.disconnect();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
