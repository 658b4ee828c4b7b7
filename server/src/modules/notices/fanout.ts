import { z } from 'zod';
import { MINIPROGRAM_PAGES, disclosurePagePath, type NoticeKind } from '@gongkai/shared';
import { PermanentJobError } from '../../jobs/queue';
import type { Recipient } from './follower-index';
import type { NoticeEvent } from './event-log';
import { batches, inbox, insertIgnoringDuplicates, type BatchRecord } from './model';
import type { NoticeRuntime } from './runtime';

/** Queue of delivery jobs: one per batch of WeChat recipients of an event. */
export const NOTICE_SEND_QUEUE = 'notices.send';

const DisclosureEventSchema = z.object({
  kind: z.enum(['published', 'updated', 'withdrawn']),
  disclosureId: z.string().min(1),
  version: z.number().int(),
  regionCode: z.string().min(1),
  domain: z.string(),
  catalogueItemId: z.string(),
  title: z.string(),
  at: z.string(),
});

/** When the messages of an event may go out: at the end of its digest window (plus grace), else now. */
export function sendAtOf(rt: NoticeRuntime, e: Pick<NoticeEvent, 'window'>): Date {
  const m = /^w(\d+)$/.exec(e.window ?? '');
  if (!m || rt.settings.digestMs <= 0) return new Date();
  return new Date((Number(m[1]) + 1) * rt.settings.digestMs + rt.settings.graceMs);
}

/** The digest window of an event created now. */
export function windowNow(rt: NoticeRuntime, now = Date.now()): string | undefined {
  return rt.settings.digestMs > 0 ? `w${Math.floor(now / rt.settings.digestMs)}` : undefined;
}

/**
 * Handles one `disclosure.event` job: allocates the notice event once per disclosure × version × kind and
 * fans it out to every follower it covers.
 */
export async function handleDisclosureEvent(rt: NoticeRuntime, payload: unknown): Promise<void> {
  const parsed = DisclosureEventSchema.safeParse(payload);
  if (!parsed.success) throw new PermanentJobError(`bad disclosure event: ${parsed.error.message}`);
  const ev = parsed.data;
  const regions = await rt.regions();
  const log = await rt.events();
  const e = await log.allocate(`disclosure:${ev.disclosureId}:${ev.version}:${ev.kind}`, () => {
    const r = regions.get(ev.regionCode);
    return {
      kind: ev.kind as NoticeKind,
      title: ev.title,
      // A withdrawn disclosure is 404 to residents: its notice opens the inbox instead.
      page: ev.kind === 'withdrawn' ? MINIPROGRAM_PAGES.notices : disclosurePagePath(ev.disclosureId),
      disclosureId: ev.disclosureId,
      version: ev.version,
      regionCode: ev.regionCode,
      regionName: r?.displayName ?? r?.name ?? ev.regionCode,
      domain: ev.domain,
      catalogueItemId: ev.catalogueItemId,
      at: ev.at,
      createdAt: new Date(),
      ...(windowNow(rt) ? { window: windowNow(rt) } : {}),
    };
  });
  await fanOut(rt, e, async () => {
    const ix = await rt.followers();
    await ix.catchUp();
    const tpl = rt.templates.disclosure;
    const all = ix.recipients(e);
    const push = !tpl ? [] : rt.templates.longTerm.has(tpl) ? all : all.filter((x) => ix.isPushable(x.residentId, tpl));
    return { inApp: all, push };
  });
}

/** Who gets an event in-app and who by WeChat. */
export interface Plan {
  inApp: Recipient[];
  push: Recipient[];
}

/**
 * Fans an event out (idempotent, resumable at each step):
 *  open    → write every recipient's inbox notice (`<resident>:<seq>`, duplicates ignored) and the WeChat
 *            recipients in batches (`<seq>:<i>`), then mark `inboxed` with the counts;
 *  inboxed → enqueue one delivery job per batch (enqueueMany, keyed), then mark `queued`.
 * A crash before `inboxed` redoes the first step from scratch (stale batch documents are replaced); one
 * after it reuses the stored batches, so a message plan never changes once jobs may be running on it.
 */
export async function fanOut(rt: NoticeRuntime, e: NoticeEvent, plan: () => Promise<Plan>): Promise<{ inApp: number; push: number; batches: number }> {
  const log = await rt.events();
  let cur = (await log.fresh(e.seq)) ?? e;
  if (cur.status === 'orphan') return { inApp: 0, push: 0, batches: 0 };
  if (cur.status === 'open') {
    const p = await plan();
    const at = new Date();
    if (!cur.noInbox) await insertIgnoringDuplicates(inbox(), p.inApp.map((r) => ({ _id: `${r.residentId}:${cur.seq}`, at })));
    const size = rt.settings.batchSize;
    const docs: BatchRecord[] = [];
    for (let i = 0; i * size < p.push.length; i++) {
      const part = p.push.slice(i * size, (i + 1) * size);
      docs.push({ _id: `${cur.seq}:${i}`, rs: part.map((r) => r.residentId), os: part.map((r) => r.openid) });
    }
    const fresh = await insertIgnoringDuplicates(batches(), docs, 500);
    if (fresh < docs.length) {
      // A re-run after a crash: batches written by the earlier run may hold an older plan; replace them.
      for (const d of docs) await batches().replaceOne({ _id: d._id }, d);
    }
    await log.update(cur.seq, { status: 'inboxed', recipients: cur.noInbox ? 0 : p.inApp.length, pushable: p.push.length, batches: docs.length });
    cur = { ...cur, status: 'inboxed', recipients: p.inApp.length, pushable: p.push.length, batches: docs.length };
  }
  const n = cur.batches ?? 0;
  if (cur.status === 'inboxed') {
    const runAt = sendAtOf(rt, cur);
    await rt.jobs.enqueueMany(
      NOTICE_SEND_QUEUE,
      Array.from({ length: n }, (_, i) => ({ key: `${NOTICE_SEND_QUEUE}:${cur.seq}:${i}:0`, payload: { seq: cur.seq, batch: i, round: 0 }, runAt })),
    );
    await log.update(cur.seq, { status: 'queued' });
  }
  rt.logger.info({ seq: cur.seq, key: cur.key, inApp: cur.recipients, push: cur.pushable, batches: n }, 'notice fanned out');
  return { inApp: cur.recipients ?? 0, push: cur.pushable ?? 0, batches: n };
}
