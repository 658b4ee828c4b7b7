import type { Notice, NoticeList } from '@gongkai/shared';
import { withLock } from '../disclosures/lock';
import { interestOf } from '../subscriptions/follows';
import type { NoticeEvent, NoticeEventLog } from './event-log';
import { noticeTitle } from './message';
import { inbox, inboxStates, type InboxStateRecord } from './model';
import type { NoticeRuntime } from './runtime';

/*
 * The resident's inbox. Fan-out writes one document per recipient and event, `<resident>:<seq>` (bulk inserts,
 * no per-resident document to update, so nothing is lost when events fan out concurrently). Reading them
 * back by resident would scan on FerretDB, so the resident's own requests keep a small state document
 * (`inbox_states/<resident>`): the last event seq looked at, and their notices with read flags. A sync looks
 * at the events after that seq that could concern the resident (the in-memory event log: events for their
 * followed regions and ancestors, or addressed to them) and probes `<resident>:<seq>` by `_id` for each.
 * An event whose fan-out is unfinished stays pending and is probed again next time.
 */

/** Most notices kept per resident (oldest dropped). */
export const MAX_INBOX = 200;
/** Most candidate events looked at per sync (a resident back after months sees the newest). */
const MAX_CANDIDATES = 300;
/** How far before a new follow an event may have been allocated and still reach the follower. */
const LOOK_BACK_MS = 10 * 60_000;
/** A pending event whose fan-out never finished is dropped after this long. */
const PENDING_TTL_MS = 24 * 3600_000;

const empty = (id: string): InboxStateRecord => ({ _id: id, synced: 0, pending: [], items: [] });

async function load(residentId: string): Promise<InboxStateRecord> {
  return (await inboxStates().findOne({ _id: residentId })) ?? empty(residentId);
}

async function save(s: InboxStateRecord): Promise<void> {
  await inboxStates().updateOne({ _id: s._id }, { $set: { synced: s.synced, pending: s.pending, items: s.items, regions: s.regions ?? [] } }, { upsert: true });
}

async function sync(log: NoticeEventLog, residentId: string, s: InboxStateRecord): Promise<boolean> {
  await log.catchUp();
  const interest = await interestOf(residentId);
  const fresh = log.candidates(s.synced, interest.map((i) => i.regionCode), residentId, MAX_CANDIDATES);
  // A region followed since the last sync: an event allocated before that sync but fanned out after the
  // follow existed has an inbox notice below `synced`; look back at events created since the follow (less a
  // fan-out's longest plausible duration).
  const known = new Set(s.regions ?? []);
  for (const i of interest) {
    if (known.has(i.regionCode) || i.since === undefined) continue;
    fresh.push(...log.candidates(0, [i.regionCode], undefined, MAX_CANDIDATES, i.since - LOOK_BACK_MS).filter((q) => q <= s.synced));
  }
  s.regions = interest.map((i) => i.regionCode);
  const have = new Set(s.items.map((i) => i.s));
  const pending: number[] = [];
  const found: number[] = [];
  for (const seq of [...new Set([...fresh, ...s.pending])]) {
    if (have.has(seq)) continue;
    if (await inbox().findOne({ _id: `${residentId}:${seq}` }, { projection: { _id: 1 } })) {
      found.push(seq);
      continue;
    }
    let e = log.get(seq);
    if (e?.status === 'open') e = await log.fresh(seq);
    const unfinished = e?.status === 'open' && Date.now() - new Date(e.createdAt).getTime() < PENDING_TTL_MS;
    if (unfinished) pending.push(seq);
  }
  const changed = found.length > 0 || pending.length !== s.pending.length || s.synced !== log.head || known.size !== s.regions.length;
  s.items = [...s.items, ...found.map((seq) => ({ s: seq, read: false }))].sort((a, b) => b.s - a.s).slice(0, MAX_INBOX);
  s.pending = pending;
  s.synced = log.head;
  return changed;
}

/** The resident's inbox state after a sync (saved when it changed). Serialized per resident in this process. */
export async function syncedInbox(rt: NoticeRuntime, residentId: string): Promise<InboxStateRecord> {
  const log = await rt.events();
  return withLock(`inbox:${residentId}`, async () => {
    const s = await load(residentId);
    if (await sync(log, residentId, s)) await save(s);
    return s;
  });
}

function view(e: NoticeEvent | undefined, seq: number, read: boolean): Notice {
  return {
    id: String(seq),
    kind: e?.kind ?? 'published',
    title: e ? (e.target ? e.title : noticeTitle(e)) : '通知',
    ...(e?.body ? { body: e.body } : {}),
    ...(e?.disclosureId ? { disclosureId: e.disclosureId } : {}),
    ...(e?.regionCode ? { regionCode: e.regionCode, regionName: e.regionName } : {}),
    ...(e?.domain ? { domain: e.domain } : {}),
    page: e?.page ?? '',
    createdAt: new Date(e?.createdAt ?? 0).toISOString(),
    read,
  };
}

/** `GET /me/notices`: newest first, optionally unread only, with the unread count. */
export async function listNotices(rt: NoticeRuntime, residentId: string, q: { unread?: boolean; page: number; pageSize: number }): Promise<NoticeList> {
  const s = await syncedInbox(rt, residentId);
  const log = await rt.events();
  const all = q.unread ? s.items.filter((i) => !i.read) : s.items;
  const slice = all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const items: Notice[] = [];
  for (const i of slice) items.push(view(log.get(i.s) ?? (await log.fresh(i.s)), i.s, i.read));
  return { items, total: all.length, page: q.page, pageSize: q.pageSize, unread: s.items.filter((i) => !i.read).length };
}

/** `POST /me/notices/read`: marks the given notices (or all) read; returns how many changed and the unread count. */
export async function markNoticesRead(rt: NoticeRuntime, residentId: string, sel: { ids?: string[]; all?: boolean }): Promise<{ marked: number; unread: number }> {
  const log = await rt.events();
  return withLock(`inbox:${residentId}`, async () => {
    const s = await load(residentId);
    await sync(log, residentId, s);
    const ids = new Set((sel.ids ?? []).map(Number));
    let marked = 0;
    for (const i of s.items) {
      if (!i.read && (sel.all || ids.has(i.s))) {
        i.read = true;
        marked += 1;
      }
    }
    await save(s);
    return { marked, unread: s.items.filter((i) => !i.read).length };
  });
}
