import fs from 'fs';
import os from 'os';
import path from 'path';
import type { AdminRole, FeedbackSubmitBody } from '@gongkai/shared';
import { testApp } from '../../../../test/support/app';
import { createOfficial, loginAs } from '../../../../test/support/fixtures';
import type { AdminCaller } from '../../http/auth';
import { JobQueue } from '../../jobs/queue';
import { createLogger } from '../../logger';
import { disclosureTestRegions } from '../disclosures/testing';
import { setFeedbackRateLimits } from './rate-limit';
import type { FeedbackDeps } from './routing';

/*
 * Test helpers of the feedback module (its *.test.ts files only): the app over the real regions of 瓯海区 and
 * 江山市 with dev login and a temporary data folder, officials at every level, and valid bodies.
 */

/** Codes used across the tests (real NBS codes). */
export const R = {
  county: '330304', // 瓯海区
  township: '330304001', // 景山街道
  village: '330304001002', // 繁荣社区
  neighbour: '330304001003', // 景山社区 (same township)
  otherTownship: '330304002', // 梧田街道
  otherTownVillage: '330304002006', // 明瓯社区
  quietTownship: '330304003', // 南白象街道: no officials of its own in the roster
  quietVillage: '330304003009', // 南湖社区
  otherCounty: '330881', // 江山市
  otherVillage: '330881001001',
} as const;

/**
 * The app with its job queue (not started: tests run jobs with `jobs.pollOnce()`), and service deps. The
 * submission rate limits are raised out of the way unless `realLimits` (the rate-limit tests).
 */
export function feedbackApp(opts: { realLimits?: boolean } = {}) {
  if (!opts.realLimits) {
    const restore = setFeedbackRateLimits({ perResident: 10_000, perIp: 10_000, uploadsPerResident: 10_000 });
    afterAll(restore);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-feedback-'));
  const logger = createLogger('silent', false);
  const jobs = new JobQueue(logger);
  const regions = disclosureTestRegions();
  const t = testApp({ regions, jobs, logger, env: { GONGKAI_DEV_LOGIN: '1', GONGKAI_DATA_DIR: dataDir } });
  const deps: FeedbackDeps = { regions, jobs, config: t.config, logger };
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  return { ...t, jobs, deps, dataDir };
}

type Http = ReturnType<typeof testApp>['http'];

/** A signed-in official: bearer header, caller (for service calls), id. */
export interface Official {
  auth: string;
  caller: AdminCaller;
  id: string;
}

const ROSTER: Array<[string, AdminRole, string]> = [
  ['countyAdmin', 'admin', R.county],
  ['countyAssessor', 'assessor', R.county],
  ['townAdmin', 'admin', R.township],
  ['townEditor', 'editor', R.township],
  ['townReviewer', 'reviewer', R.township],
  ['townAssessor', 'assessor', R.township],
  ['villageEditor', 'editor', R.village],
  ['otherTownEditor', 'editor', R.otherTownship],
  ['otherTownAdmin', 'admin', R.otherTownship],
  ['outAdmin', 'admin', R.otherCounty],
];

export type Officials = Record<(typeof ROSTER)[number][0], Official>;

/** Creates and signs in the roster (only the keys asked for, or all). */
export async function feedbackOfficials(http: Http, only?: string[]): Promise<Officials> {
  const out: Record<string, Official> = {};
  for (const [key, role, regionCode] of ROSTER) {
    if (only && !only.includes(key)) continue;
    const { username, user, caller } = await createOfficial({ role, regionCode, username: `${key}${Math.random().toString(36).slice(2, 6)}` });
    out[key] = { auth: await loginAs(http, username), caller, id: String(user._id) };
  }
  return out as Officials;
}

let residents = 0;

/** A new resident: bearer header and id. */
export async function newResident(http: Http): Promise<{ auth: string; id: string }> {
  residents += 1;
  const openid = `fb-${process.pid}-${residents}-${Math.random().toString(36).slice(2, 8)}`;
  const res = await http().post('/api/v1/auth/dev').send({ openid });
  if (res.status !== 200) throw new Error(`dev login failed: ${res.status}`);
  return { auth: `Bearer ${res.body.token}`, id: res.body.resident.id as string };
}

/** A valid question about the resident's village. */
export function question(overrides: Partial<FeedbackSubmitBody> = {}): FeedbackSubmitBody {
  return { type: 'question', regionCode: R.village, content: '请问今年的公租房申请什么时候开始受理？需要准备哪些材料？', public: true, ...overrides };
}

/** A valid 依申请公开 request. */
export function request(overrides: Partial<FeedbackSubmitBody> = {}): FeedbackSubmitBody {
  return {
    type: 'request',
    regionCode: R.village,
    content: '申请公开本村2025年度农村危房改造补助资金的发放明细。',
    public: false,
    request: { purpose: '了解补助发放情况', delivery: 'online' },
    ...overrides,
  };
}

/** Submits through the API and returns the response (status checked by the caller). */
export function submit(http: Http, auth: string, body: unknown, key?: string) {
  const r = http().post('/api/v1/feedback').set('Authorization', auth);
  if (key) r.set('Idempotency-Key', key);
  return r.send(body as object);
}

/** Submits and returns the created id (expects 201). */
export async function submitted(http: Http, auth: string, body: unknown): Promise<{ id: string; trackingNo: string; dueAt: string }> {
  const res = await submit(http, auth, body);
  if (res.status !== 201) throw new Error(`submit failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** POSTs a workflow step as an official. */
export function act(http: Http, auth: string, id: string, action: string, body: object = {}) {
  return http().post(`/api/v1/admin/feedback/${id}/${action}`).set('Authorization', auth).send(body);
}
