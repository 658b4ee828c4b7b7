import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { configure } from '@testing-library/react';
import type { AdminRole, AdminUser } from '@gongkai/shared';
import { authStore } from '../src/services/auth';
import { configureRequest } from '../src/services/request';
import { clearRegionCache } from '../src/services/regions';

/*
 * Page tests against the REAL server: the Koa app of server/src (createApp, via test/support/app.ts) runs
 * in this jest process over the test file's own database (useTestDatabase: FerretDB started by the root
 * globalSetup), listens on a free loopback port, and the console's request layer is pointed at it. Test
 * files that use it need the docblock `@jest-environment ./test/jsdom-server-env.js`.
 *
 * The server side is loaded with require() and typed by the small interfaces below, so `tsc -p admin`
 * checks the console, not the server's sources (the server workspace type-checks those itself).
 */

/** The parts of the server's test support and modules used here (see test/support and server/src). */
interface ServerSide {
  testApp(o: { regions?: unknown; env?: Record<string, string>; jobs?: unknown }): { app: { callback(): http.RequestListener } };
  /** A job queue that is not started (tests run due jobs with `pollOnce`). */
  jobQueue(): { pollOnce(): Promise<number> };
  useTestDatabase(): unknown;
  createOfficial(o: { role: AdminRole; regionCode: string; displayName?: string }): Promise<{
    username: string;
    password: string;
    caller: { id: string; displayName: string };
  }>;
  regionDirectory(): unknown;
  seedCatalogue(): Promise<{ inserted: number }>;
}

/**
 * Loads server modules as Node code. Bundled packages (pdfkit, …) carry rollup's `import.meta.url` shim,
 * which takes any `document` for a browser and resolves their own files against jsdom's http://localhost/;
 * hiding jsdom's `document` while the server's module graph loads keeps them on `__filename`.
 */
function asNode<T>(load: () => T): T {
  const g = globalThis as { document?: unknown };
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'document');
  if (descriptor) delete g.document;
  try {
    return load();
  } finally {
    if (descriptor) Object.defineProperty(globalThis, 'document', descriptor);
  }
}

/* eslint-disable @typescript-eslint/no-require-imports */
const server: ServerSide = asNode(() => {
  const { testApp } = require('../../test/support/app');
  const { useTestDatabase } = require('../../test/support/db');
  const { createOfficial } = require('../../test/support/fixtures');
  const { seedCatalogue } = require('../../server/src/modules/catalogue/seed');
  const { RegionDirectory } = require('../../server/src/modules/regions/directory');
  const { JobQueue } = require('../../server/src/jobs/queue');
  const { createLogger } = require('../../server/src/logger');
  const { loadRegionRows } = require('../../server/src/modules/regions/data');
  const { toRegionRecords } = require('../../server/src/modules/regions/seed');
  return {
    testApp,
    useTestDatabase,
    createOfficial,
    seedCatalogue: () => seedCatalogue(),
    jobQueue: () => new JobQueue(createLogger('silent', false), { pollMs: 10, backoffMs: () => 10, leaseMs: 30_000, batchSize: 50 }),
    regionDirectory: () => RegionDirectory.fromRecords(toRegionRecords(loadRegionRows())),
  };
});
/* eslint-enable @typescript-eslint/no-require-imports */

// A real server on a shared, busy machine (argon2 logins, FerretDB, first-time compiles of antd under jest)
// answers in hundreds of milliseconds, sometimes seconds: give waiting for the page and each test more room.
configure({
  asyncUtilTimeout: 30_000,
  // antd pages print as tens of kB of markup; what the page says is the useful part of a failure.
  getElementError: (message) => {
    const shown = document.querySelector('.ant-layout-content') ?? document.body;
    const error = new Error(`${message ?? ''}\n\nThe page shows: ${(shown.textContent ?? '').slice(0, 3000)}`);
    error.name = 'TestingLibraryElementError';
    return error;
  },
});
jest.setTimeout(180_000);

let directory: unknown;

/** The real Zhejiang region tree (server/data), in memory: the same directory the server builds at start. */
function zhejiangRegions(): unknown {
  directory ??= server.regionDirectory();
  return directory;
}

/** Puts the province's standard catalogue (the server's seed) into the test database; returns how many items. */
export async function seedCatalogue(): Promise<number> {
  return (await server.seedCatalogue()).inserted;
}

/** An official created in the test database, with the password that signs them in. */
export interface TestOfficial {
  id: string;
  username: string;
  password: string;
  user: AdminUser;
}

/** Creates an official directly in the database (the fixtures' real argon2 hash). */
export async function official(role: AdminRole, regionCode: string, displayName?: string): Promise<TestOfficial> {
  const o = await server.createOfficial({ role, regionCode, displayName });
  const user: AdminUser = { id: o.caller.id, username: o.username, role, regionCode, displayName: o.caller.displayName };
  return { id: o.caller.id, username: o.username, password: o.password, user };
}

/** Handle of the running server. */
export interface RealServer {
  /** `http://127.0.0.1:<port>` */
  origin: () => string;
  /** Signs an official in through the real login endpoint and stores the session like the login page does. */
  signIn: (o: Pick<TestOfficial, 'username' | 'password'>) => Promise<AdminUser>;
  /** A JSON call to the API as that official (for arranging data and checking what was saved). */
  call: <T = unknown>(token: string, method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;
  /** A bearer token for an official (a login of its own, not the page's session). */
  tokenFor: (o: Pick<TestOfficial, 'username' | 'password'>) => Promise<string>;
  /** Runs the server's due jobs (notice fan-out, feedback notices…) until none are left. */
  drainJobs: () => Promise<void>;
}

/**
 * For a test file: its own database and the real app listening over it, with the request layer aimed at it.
 * `preload` imports the page modules under test once before the tests (the console code-splits pages, and
 * compiling a page with its antd parts is the slowest step of a first render under jest). `opts.env` adds
 * server environment (e.g. `GONGKAI_DEV_LOGIN: '1'` for residents signing in with `/auth/dev`).
 */
export function useRealServer(preload: Array<() => Promise<unknown>> = [], opts: { env?: Record<string, string> } = {}): RealServer {
  server.useTestDatabase();
  beforeAll(async () => {
    await Promise.all(preload.map((load) => load()));
  });
  let listening: http.Server | undefined;
  let origin = '';
  // Not started: tests run due jobs with drainJobs(). Uploads go to a folder of this file's own.
  const jobs = server.jobQueue();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-admin-'));

  beforeAll(async () => {
    const { app } = server.testApp({ regions: zhejiangRegions(), jobs, env: { GONGKAI_DATA_DIR: dataDir, ...opts.env } });
    listening = http.createServer(app.callback());
    // Longer than any pause between a test's requests: otherwise Node's fetch may reuse a kept-alive socket at
    // the moment the server closes it (5 s by default) and fail with ECONNRESET.
    listening.keepAliveTimeout = 120_000;
    await new Promise<void>((resolve) => listening!.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    listening?.closeAllConnections();
    await new Promise<void>((resolve) => (listening ? listening.close(() => resolve()) : resolve()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    configureRequest({ baseUrl: `${origin}/api/v1`, onUnauthorized: undefined });
    clearRegionCache();
    // Answers arrive over real HTTP whenever the server is done, not inside act(); the tests wait for what
    // the page shows (findBy/waitFor). React's act() warnings would only report that timing, so they are off.
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
  });

  const call = async <T>(token: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${origin}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const login = async (o: Pick<TestOfficial, 'username' | 'password'>) => {
    const res = await fetch(`${origin}/api/v1/admin/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: o.username, password: o.password }),
    });
    if (res.status !== 200) throw new Error(`login of ${o.username} failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as { token: string; user: AdminUser };
  };
  return {
    origin: () => origin,
    drainJobs: async () => {
      for (let idle = 0; idle < 2; ) idle = (await jobs.pollOnce()) > 0 ? 0 : idle + 1;
    },
    call,
    tokenFor: async (o) => (await login(o)).token,
    signIn: async (o) => {
      const { token, user } = await login(o);
      authStore.setSession(token, user);
      return user;
    },
  };
}
