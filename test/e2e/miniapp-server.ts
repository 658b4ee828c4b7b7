import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import type { DisclosureCreateBody } from '@gongkai/shared';
import { JobQueue } from '../../server/src/jobs/queue';
import { createLogger } from '../../server/src/logger';
import { seedCatalogue } from '../../server/src/modules/catalogue/seed';
import { disclosureTestRegions } from '../../server/src/modules/disclosures/testing';
import { testApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { createOfficial, loginAs } from '../support/fixtures';

/**
 * The server for the mini-program's browser tests: the real app (built H5 under /m/, dev sign-in on as in
 * `npm start`'s demo mode) over the file's own database, with the real regions of 瓯海区 and 江山市 in memory
 * (古岸头村 is found by its initials there as in the full tree), the standard catalogue, officials of 瓯海区
 * and 娄桥街道, and a job queue the test drains (notices, answers) when it needs their effects.
 */
export interface MiniappServer {
  url(): string;
  /** Bearer header of a seeded official. */
  official(key: 'townEditor' | 'townReviewer' | 'townAdmin' | 'countyEditor' | 'countyReviewer'): string;
  /** Calls the API as `auth` (or anonymously); throws on an unexpected status. */
  call<T = Record<string, unknown>>(method: string, p: string, auth: string | null, body?: unknown): Promise<T>;
  /** Creates, submits and approves a disclosure; returns its id. */
  publish(body: DisclosureCreateBody, editor?: string, reviewer?: string): Promise<string>;
  /** Runs due jobs until none are left. */
  drainJobs(): Promise<void>;
}

/** Starts it for the calling test file (beforeAll / afterAll). */
export function useMiniappServer(): MiniappServer {
  useTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-e2e-mini-'));
  const jobs = new JobQueue(createLogger('silent', false), { pollMs: 10, backoffMs: () => 10, leaseMs: 30_000, batchSize: 50 });
  const t = testApp({ regions: disclosureTestRegions(), jobs, env: { GONGKAI_DEV_LOGIN: '1', GONGKAI_DATA_DIR: dataDir } });
  const tokens: Record<string, string> = {};
  let server: http.Server | undefined;
  let url = '';

  beforeAll(async () => {
    await seedCatalogue();
    for (const [key, role, region] of [
      ['townEditor', 'editor', '330304005'],
      ['townReviewer', 'reviewer', '330304005'],
      ['townAdmin', 'admin', '330304005'],
      ['countyEditor', 'editor', '330304'],
      ['countyReviewer', 'reviewer', '330304'],
    ] as const) {
      const { username } = await createOfficial({ role, regionCode: region, username: `${key}${Math.random().toString(36).slice(2, 7)}` });
      tokens[key] = await loginAs(t.http, username);
    }
    server = http.createServer(t.app.callback());
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    await new Promise<void>((resolve) => {
      server?.close(() => resolve());
      server?.closeAllConnections();
    });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const api: MiniappServer = {
    url: () => url,
    official: (key) => tokens[key],
    async call<T>(method: string, p: string, auth: string | null, body?: unknown): Promise<T> {
      const res = await fetch(`${url}${p}`, {
        method,
        headers: { ...(auth ? { Authorization: auth } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status >= 300) throw new Error(`${method} ${p}: ${res.status} ${text}`);
      return (text ? JSON.parse(text) : {}) as T;
    },
    async publish(body, editor = tokens.townEditor, reviewer = tokens.townReviewer) {
      const { id } = await api.call<{ id: string }>('POST', '/api/v1/admin/disclosures', editor, body);
      await api.call('POST', `/api/v1/admin/disclosures/${id}/submit`, editor);
      await api.call('POST', `/api/v1/admin/disclosures/${id}/approve`, reviewer, {});
      return id;
    },
    async drainJobs() {
      for (let idle = 0; idle < 2; ) idle = (await jobs.pollOnce()) > 0 ? 0 : idle + 1;
    },
  };
  return api;
}

const DAY = 24 * 3600_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * 娄桥街道's 公租房 qualification list (AH-04) with ID-number and phone columns, in its posting period (or
 * as overridden).
 */
export function housingList(overrides: Partial<DisclosureCreateBody> = {}): DisclosureCreateBody {
  return {
    catalogueItemId: 'AH-04',
    regionCode: '330304005',
    title: '娄桥街道2026年第三批公共租赁住房承租资格审核结果公示',
    body: '<p>经审核，以下申请家庭符合<strong>公共租赁住房承租资格</strong>，现予公示。</p><p>如有异议，请于公示期内向娄桥街道社会事务办反映。</p>',
    validFrom: iso(Date.now() - 2 * DAY),
    validTo: iso(Date.now() + 8 * DAY),
    contact: '娄桥街道社会事务办 0577-88881234',
    tables: [
      {
        title: '审核通过家庭名单',
        columns: [
          { key: 'name', label: '申请人', pii: 'name' },
          { key: 'id', label: '身份证号', pii: 'id-number' },
          { key: 'phone', label: '联系电话', pii: 'phone' },
          { key: 'village', label: '所在村' },
          { key: 'size', label: '家庭人口' },
        ],
        rows: [
          { name: '张三丰', id: '330304199001011234', phone: '13812345678', village: '古岸头村', size: 3 },
          { name: '李四', id: '33030419850202432X', phone: '13987654321', village: '东风村', size: 2 },
          { name: '欧阳娜娜', id: '330304197703033456', phone: '13700001111', village: '古岸头村', size: 4 },
        ],
      },
    ],
    ...overrides,
  };
}
