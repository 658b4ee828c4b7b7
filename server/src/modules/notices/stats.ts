import type { DisclosureNoticeStats } from '@gongkai/shared';
import type { AdminCaller } from '../../http/auth';
import { notFound } from '../../http/errors';
import { assertInScope } from '../accounts/scope';
import { findRecord } from '../disclosures/access';
import type { NoticeEvent } from './event-log';
import { NOTICE_SEND_QUEUE } from './fanout';
import { batchStats } from './model';
import type { NoticeRuntime } from './runtime';

type Counts = DisclosureNoticeStats['wechat'];

const zero = (): Counts => ({ planned: 0, sent: 0, digested: 0, unconfirmed: 0, skipped: 0, pending: 0, failed: 0, failedByReason: {}, retryable: 0 });

function add(into: Counts, c: Counts): void {
  for (const k of ['planned', 'sent', 'digested', 'unconfirmed', 'skipped', 'pending', 'failed', 'retryable'] as const) into[k] += c[k];
  for (const [r, n] of Object.entries(c.failedByReason)) into.failedByReason[r] = (into.failedByReason[r] ?? 0) + n;
}

/** Counts one event's WeChat deliveries from its batch statistics (one `_id` read per batch). */
async function countEvent(e: NoticeEvent): Promise<{ counts: Counts; retryBatches: number[] }> {
  const c = zero();
  c.planned = e.pushable ?? 0;
  const retryBatches: number[] = [];
  let seen = 0;
  for (let i = 0; i < (e.batches ?? 0); i++) {
    const st = await batchStats().findOne({ _id: `${e.seq}:${i}` });
    let retry = false;
    for (const s of Object.values(st?.states ?? {})) {
      if (s === 'sent' || s === 'digested' || s === 'unconfirmed' || s === 'skipped') {
        c[s] += 1;
        seen += 1;
      } else if (s.startsWith('f')) {
        const [kind, reason] = s.split(':');
        c.failed += 1;
        c.failedByReason[reason] = (c.failedByReason[reason] ?? 0) + 1;
        if (kind === 'fr') {
          c.retryable += 1;
          retry = true;
        }
        seen += 1;
      }
    }
    if (retry) retryBatches.push(i);
  }
  c.pending = Math.max(0, c.planned - seen);
  return { counts: c, retryBatches };
}

/** The region a disclosure belongs to: from the disclosures module, else from the events recorded here. */
async function regionOf(disclosureId: string, evs: NoticeEvent[]): Promise<string | undefined> {
  const rec = /^[0-9a-f]{24}$/i.test(disclosureId) ? await findRecord(disclosureId).catch(() => undefined) : undefined;
  return rec?.regionCode ?? evs[0]?.regionCode;
}

async function eventsInScope(rt: NoticeRuntime, caller: AdminCaller, disclosureId: string): Promise<{ evs: NoticeEvent[]; region: string }> {
  const log = await rt.events();
  await log.catchUp(true);
  const evs: NoticeEvent[] = [];
  for (const e of log.forDisclosure(disclosureId)) evs.push((await log.fresh(e.seq)) ?? e);
  const region = await regionOf(disclosureId, evs);
  if (!region) throw notFound('公开信息不存在');
  assertInScope(caller, region, '该公开信息');
  return { evs, region };
}

/**
 * `GET /admin/disclosures/:id/notices`: per event of the disclosure (publication, new versions, withdrawal),
 * the residents notified in-app and the WeChat messages sent, digested, unconfirmed, skipped (no quota),
 * pending and failed by reason.
 */
export async function disclosureNoticeStats(rt: NoticeRuntime, caller: AdminCaller, disclosureId: string): Promise<DisclosureNoticeStats> {
  const { evs, region } = await eventsInScope(rt, caller, disclosureId);
  const total = zero();
  let inApp = 0;
  const events: DisclosureNoticeStats['events'] = [];
  for (const e of evs) {
    const { counts } = await countEvent(e);
    add(total, counts);
    inApp += e.recipients ?? 0;
    events.push({ kind: e.kind, version: e.version ?? 0, at: e.at, status: e.status, inApp: e.recipients ?? 0, wechat: counts });
  }
  return { disclosureId, regionCode: region, inApp, wechat: total, events };
}

/**
 * `POST /admin/disclosures/:id/notices/resend`: re-queues the messages that failed for a reason worth
 * retrying (busy, network, timeout …), with a fresh set of attempts. Permanent failures (refused, bad openid,
 * bad data) are not re-sent. Returns how many were re-queued.
 */
export async function resendDisclosureNotices(rt: NoticeRuntime, caller: AdminCaller, disclosureId: string): Promise<{ requeued: number }> {
  const { evs } = await eventsInScope(rt, caller, disclosureId);
  let requeued = 0;
  const chain = `r${Date.now().toString(36)}`;
  for (const e of evs) {
    const { counts, retryBatches } = await countEvent(e);
    requeued += counts.retryable;
    for (const i of retryBatches) {
      await rt.jobs.enqueue(NOTICE_SEND_QUEUE, { seq: e.seq, batch: i, round: 0, chain, resend: true }, { key: `${NOTICE_SEND_QUEUE}:${e.seq}:${i}:${chain}:0`, maxAttempts: 20 });
    }
  }
  rt.logger.info({ disclosureId, requeued, by: caller.username }, 'notice deliveries re-queued');
  return { requeued };
}
