import { spawn, type ChildProcess } from 'child_process';
import path from 'path';
import { disclosurePagePath, isWithin } from '@gongkai/shared';
import { useTestDatabase } from '../../support/db';
import { JobModel } from '../../../server/src/jobs/model';
import { deliveries, events, inbox } from '../../../server/src/modules/notices/model';
import { PushQuotaModel } from '../../../server/src/modules/subscriptions/model';
import { R, TEST_WECHAT, useNoticeApp } from '../../../server/src/modules/notices/testing';

/*
 * Exactly-once delivery under fire: the WeChat emulator fails 20% of sends transiently (busy, HTTP 500,
 * dropped connections, delays), and the notice worker — a separate process — is killed with SIGKILL three
 * times: once mid-fan-out (inbox notices of an event written, its delivery batches not), and twice at the worst
 * moment of a send: right after WeChat accepted a message and before the worker heard so. Fresh workers take
 * over. In the end every resident has exactly one message per event they follow, nobody is
 * missing, and no quota was used twice.
 */

const ROOT = path.resolve(__dirname, '../../..');
const WORKER = path.join(ROOT, 'test/wechat-emulator/worker.ts');
const TPL = TEST_WECHAT.disclosureTemplate;
const PLACES = [R.village, R.neighbour, R.otherTownVillage, R.town, R.county, R.otherCountyVillage];
const EVENTS = [
  { disclosureId: '65f300000000000000000001', regionCode: R.county },
  { disclosureId: '65f300000000000000000002', regionCode: R.village },
  { disclosureId: '65f300000000000000000003', regionCode: R.town },
  { disclosureId: '65f300000000000000000004', regionCode: R.otherCountyVillage },
  { disclosureId: '65f300000000000000000005', regionCode: R.neighbour },
  { disclosureId: '65f300000000000000000006', regionCode: R.county, kind: 'updated' as const, version: 2 },
  { disclosureId: '65f300000000000000000007', regionCode: R.otherTownVillage },
  { disclosureId: '65f300000000000000000008', regionCode: '330304' },
];
const RESIDENTS = 48;

describe('notice delivery is exactly once through transient WeChat failures and worker crashes', () => {
  const db = useTestDatabase();
  const t = useNoticeApp();
  const log: string[] = [];
  let worker: ChildProcess | undefined;

  function startWorker(crashAt = '', queues = ''): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
      cwd: ROOT,
      env: {
        ...process.env,
        GONGKAI_WORKER_CRASH_AT: crashAt,
        GONGKAI_WORKER_QUEUES: queues,
        GONGKAI_WORKER_MONGODB_URI: db.uri(),
        GONGKAI_WORKER_LEASE_MS: '2000',
        GONGKAI_WORKER_SETTINGS: JSON.stringify({ ratePerSecond: 60, concurrency: 1, batchSize: 5, maxAttempts: 12, timeoutMs: 800, inDoubtAfterMs: 1200, jobBudgetMs: 1000 }),
        WECHAT_API_BASE: t.emulator().url,
        WECHAT_APPID: TEST_WECHAT.appid,
        WECHAT_SECRET: TEST_WECHAT.secret,
        WECHAT_TEMPLATE_DISCLOSURE: TPL,
        WECHAT_TEMPLATE_ANSWER: TEST_WECHAT.answerTemplate,
        WECHAT_TEMPLATES_LONG_TERM: '',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr!.on('data', (d) => log.push(String(d)));
    return new Promise((resolve, reject) => {
      child.stdout!.on('data', (d) => {
        log.push(String(d));
        if (String(d).includes('worker ready')) resolve(child);
      });
      child.once('exit', (code) => reject(new Error(`worker exited early (${code}):\n${log.join('')}`)));
    });
  }

  const killed = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode ? resolve() : child.once('exit', () => resolve())));

  afterAll(async () => {
    if (worker) {
      worker.kill('SIGKILL');
      await killed(worker);
    }
  });

  it('sends every expected message exactly once', async () => {
    // Residents follow one place each (round robin) and accept exactly as many messages as they will get.
    const people: Array<{ openid: string; id: string; place: string; expected: string[] }> = [];
    for (let i = 0; i < RESIDENTS; i++) {
      const place = PLACES[i % PLACES.length];
      const me = await t.signIn(`o-eo-${i}`);
      expect((await t.http().post('/api/v1/me/follows').set('Authorization', me.auth).send({ regionCode: place })).status).toBe(201);
      const expected = EVENTS.filter((e) => isWithin(place, e.regionCode)).map((e) => e.disclosureId);
      for (let k = 0; k < expected.length; k++) {
        t.emulator().grant(me.openid, TPL);
        await t.http().post('/api/v1/me/subscribe-consent').set('Authorization', me.auth).send({ results: { [TPL]: 'accept' } });
      }
      people.push({ openid: me.openid, id: me.id, place, expected });
    }
    const total = people.reduce((n, p) => n + p.expected.length, 0);
    expect(total).toBeGreaterThan(100);

    const emu = t.emulator();
    emu.setFaults({ busyRate: 0.08, serverErrorRate: 0.06, dropRate: 0.06, delayMs: [0, 4] }, 7);
    const kills: Array<{ at: number; eventsQueued: number; eventsTotal: number }> = [];
    const killAt = new Set([12, Math.floor(total * 0.55)]);
    emu.setOnAccepted(async () => {
      const n = emu.accepted.length;
      const w = worker;
      if (!killAt.has(n) || !w) return;
      // WeChat has accepted this message; the worker dies before it hears so.
      w.kill('SIGKILL');
      await killed(w);
      const evs = await events().find({}).toArray();
      kills.push({ at: n, eventsQueued: evs.filter((e) => e.status === 'queued').length, eventsTotal: evs.length });
      if (kills.length === 1) for (const e of EVENTS.slice(4)) await t.emit(e); // the second half arrives now
      worker = undefined; // the loop below starts a fresh worker
    });

    // Half the events first; the rest arrive after the second crash.
    for (const e of EVENTS.slice(0, 4)) await t.emit(e);
    // Crash 1, mid-fan-out: the first worker (fan-out only) dies after writing an event's inbox notices and
    // before writing its delivery batches.
    const first = await startWorker('notice_batches:2', 'disclosure.event');
    await killed(first);
    const evs = await events().find({}).toArray();
    const halfway = evs.filter((e) => e.status === 'open');
    expect(halfway.length).toBeGreaterThanOrEqual(1);
    expect(await inbox().countDocuments({})).toBeGreaterThan(0); // some inbox notices were written before the crash
    worker = await startWorker();
    const until = Date.now() + 120_000;
    while (Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
      if (!worker) worker = await startWorker();
      const open = await JobModel.countDocuments({ queue: { $in: ['disclosure.event', 'notices.send'] } });
      if (kills.length === 2 && open === 0) break;
    }
    await new Promise((r) => setTimeout(r, 1500)); // anything left would be sent by now

    const counts = new Map<string, number>();
    for (const m of emu.accepted) counts.set(`${m.openid}|${m.page}`, (counts.get(`${m.openid}|${m.page}`) ?? 0) + 1);
    const wrong: string[] = [];
    for (const p of people) {
      for (const d of p.expected) {
        const n = counts.get(`${p.openid}|${disclosurePagePath(d)}`) ?? 0;
        if (n !== 1) wrong.push(`${p.openid} × ${d}: ${n}`);
        counts.delete(`${p.openid}|${disclosurePagePath(d)}`);
      }
    }
    if (wrong.length) process.stderr.write(`[exactly-once] worker output:\n${log.join('')}\n`);
    expect({ wrong, unexpected: [...counts.keys()] }).toEqual({ wrong: [], unexpected: [] });
    expect(emu.accepted).toHaveLength(total);
    expect(kills.map((k) => k.at)).toEqual([...killAt]);
    expect(emu.requests.faults).toBeGreaterThan(0.1 * emu.requests.send);

    // The messages whose worker died between WeChat's ok and its record (at least the two it was killed on)
    // were settled as sent, not re-sent.
    const ds = await deliveries().find({}).toArray();
    expect(ds.filter((d) => d.unconfirmed).length).toBeGreaterThanOrEqual(2);
    expect(ds.filter((d) => d.state !== 'sent')).toEqual([]);
    // Quota: every grant used exactly once, on both sides.
    for (const p of people) expect(emu.quota(p.openid, TPL)).toBe(0);
    const left = await PushQuotaModel.find({}).lean();
    expect(left.every((q) => ((q.quotas as Record<string, number>)[TPL] ?? 0) === 0)).toBe(true);
    process.stderr.write(
      `[exactly-once] ${total} messages to ${RESIDENTS} residents × ${EVENTS.length} events; sends ${emu.requests.send}, injected faults ${emu.requests.faults}; ` +
        `mid-fan-out crash left ${halfway.length} of ${evs.length} events half written; kills at acceptance ${JSON.stringify(kills)}\n`,
    );
  }, 180_000);
});
