import type { ResolvedDeps } from '../../app';
import type { DisclosureEvent } from '../../events';
import { emitDisclosureEvent } from '../../events';
import { JobModel } from '../../jobs/model';
import { JobQueue } from '../../jobs/queue';
import { createLogger } from '../../logger';
import { RegionDirectory, type RegionRecord } from '../regions/directory';
import type { NoticeSettings } from './settings';
import { testApp } from '../../../../test/support/app';
import { startTestEmulator, TEST_WECHAT, type WechatEmulator } from '../../../../test/wechat-emulator';

/*
 * Test helpers of the residents, subscriptions and notices modules (their *.test.ts files only): a small real
 * region tree, the app wired to a WeChat emulator on loopback, and a job queue drained by hand.
 */

const ROWS: Array<[string, string, RegionRecord['level']]> = [
  ['33', '浙江省', 'province'],
  ['3303', '温州市', 'city'],
  ['330304', '瓯海区', 'county'],
  ['330304001', '景山街道', 'township'],
  ['330304001001', '景山村', 'village'],
  ['330304001002', '繁荣社区', 'village'],
  ['330304100', '郭溪街道', 'township'],
  ['330304100200', '郭溪村', 'village'],
  ['3308', '衢州市', 'city'],
  ['330881', '江山市', 'county'],
  ['330881001', '双塔街道', 'township'],
  ['330881001001', '民声社区', 'village'],
];

/** Codes of the test tree. */
export const R = {
  county: '330304',
  town: '330304001',
  village: '330304001001',
  neighbour: '330304001002',
  otherTownVillage: '330304100200',
  otherCounty: '330881',
  otherCountyVillage: '330881001001',
} as const;

/** The regions the notices tests use: 瓯海区 with two townships and three villages, and 江山市 with one. */
export function noticeTestRegions(): RegionDirectory {
  const parent = (code: string) => (code.length === 2 ? null : code.slice(0, code.length === 12 ? 9 : code.length === 9 ? 6 : code.length - 2));
  return RegionDirectory.fromRecords(
    ROWS.map(([code, name, level]) => ({ code, name, displayName: name, level, parentCode: parent(code), pinyin: '', initials: '', childCount: ROWS.filter(([c]) => parent(c) === code).length })),
  );
}

/** Fast settings for tests: no digests, no rate limit to speak of, quick retries. */
export const FAST: Partial<NoticeSettings> = {
  ratePerSecond: 1000,
  concurrency: 4,
  digestMs: 0,
  batchSize: 3,
  maxAttempts: 4,
  timeoutMs: 1000,
  inDoubtAfterMs: 1500,
  graceMs: 50,
  retryBackoffMs: () => 20,
  recheckMs: 30,
};

/**
 * The real app over the test file's database, talking to a WeChat emulator (started in beforeAll). Call
 * inside a describe after `useTestDatabase()`.
 */
export function useNoticeApp(opts: { settings?: Partial<NoticeSettings>; longTermDisclosure?: boolean } = {}) {
  const state: { app?: ReturnType<typeof testApp>; emulator?: WechatEmulator; jobs?: JobQueue } = {};
  beforeAll(async () => {
    const { emulator, env } = await startTestEmulator({}, opts.longTermDisclosure);
    const jobs = new JobQueue(createLogger('silent', false), { pollMs: 10, backoffMs: () => 10, leaseMs: 30_000, batchSize: 50 });
    state.emulator = emulator;
    state.jobs = jobs;
    state.app = testApp({ env: { ...env, GONGKAI_DEV_LOGIN: '1' }, regions: noticeTestRegions(), jobs, notices: { settings: { ...FAST, ...opts.settings } } });
  });
  afterAll(async () => {
    await state.emulator?.stop();
  });
  const get = <K extends keyof typeof state>(k: K): NonNullable<(typeof state)[K]> => {
    if (!state[k]) throw new Error('useNoticeApp: not started yet');
    return state[k]!;
  };
  return {
    http: () => get('app').http(),
    emulator: () => get('emulator'),
    jobs: () => get('jobs'),
    /** The app's deps as other modules receive them (for calling exported services directly). */
    deps: (): ResolvedDeps => ({ config: get('app').config, logger: get('app').logger, jobs: get('jobs'), regions: noticeTestRegions() }),
    /** Runs due jobs until none are left (waiting for ones scheduled soon), or throws after `ms`. */
    async drain(ms = 15_000): Promise<void> {
      const jobs = get('jobs');
      const until = Date.now() + ms;
      while (Date.now() < until) {
        if ((await jobs.pollOnce()) > 0) continue;
        const left = await JobModel.find({ queue: { $in: ['disclosure.event', 'notices.send'] } }).lean();
        const failed = left.find((j) => j.state === 'failed');
        if (failed) throw new Error(`drain: job ${failed.key} failed: ${failed.lastError}`);
        if (left.length === 0) return;
        await new Promise((r) => setTimeout(r, 15));
      }
      throw new Error('drain: jobs still pending');
    },
    /** Signs a resident in through the emulator's wx.login code and returns their auth header and id. */
    async signIn(openid: string): Promise<{ auth: string; id: string; openid: string }> {
      const code = get('emulator').issueLoginCode(openid);
      const res = await get('app').http().post('/api/v1/auth/wechat').send({ code });
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
      return { auth: `Bearer ${res.body.token}`, id: res.body.resident.id, openid };
    },
    /** Emits a disclosure event as the disclosures module does. */
    emit: (ev: Partial<DisclosureEvent> & Pick<DisclosureEvent, 'disclosureId' | 'regionCode'>) =>
      emitDisclosureEvent(get('jobs'), { kind: 'published', version: 1, domain: 'land-acquisition', catalogueItemId: 'LA-001', title: '征地补偿安置方案公告', at: '2026-11-29T10:00:00+08:00', ...ev }),
  };
}

export { TEST_WECHAT };
