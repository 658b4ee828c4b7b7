import { batchStats, events } from '../notices/model';
import { ResidentModel } from '../residents/model';
import { FollowModel } from '../subscriptions/model';

/*
 * Reach (精准推送 and 关注): who the platform reaches in each place, read once per snapshot computation
 * (read-only, from the residents, subscriptions and notices modules' collections; one projected scan each):
 *  - followers: the residents' saved villages (`residents.villages`) and follows (`follows`), one count per
 *    resident and region;
 *  - notices: per disclosure event (`notice_events`, events about a disclosure and not for one resident), the
 *    residents who got the in-app notice (`recipients`) and the WeChat messages by final state
 *    (`notice_batch_stats`: sent, digested or unconfirmed count as delivered; `f…` states as failed).
 * `setReachSource` replaces these readers (tests, or a module that keeps counters).
 */

/** A resident following (or having saved) a region. */
export interface FollowerRow {
  residentId: string;
  regionCode: string;
}

/** The notices delivered for one disclosure event. */
export interface DeliveryRow {
  /** The disclosure's region (the place the notice was about). */
  regionCode: string;
  domain: string;
  /** When the event happened (publication, new version, withdrawal). */
  at: Date;
  inApp: number;
  wechat: number;
  wechatFailed: number;
}

/** Where follows and deliveries come from. */
export interface ReachSource {
  /** Every follow (one row per resident and followed region; filters like a domain do not matter here). */
  follows?(): Promise<FollowerRow[]>;
  /** Delivery counts of the disclosure events that happened in [from, to] (epoch ms). */
  deliveries?(from: number, to: number): Promise<DeliveryRow[]>;
}

/** Every follow, from the subscriptions module's `follows` collection. */
async function follows(): Promise<FollowerRow[]> {
  const docs = await FollowModel.collection.find({}, { projection: { residentId: 1, regionCode: 1 } }).toArray();
  return docs.map((d) => ({ residentId: String(d.residentId), regionCode: String(d.regionCode) }));
}

/** Delivery counts of the disclosure events in [from, to], from the notices module's collections. */
async function deliveries(from: number, to: number): Promise<DeliveryRow[]> {
  const evs = await events()
    .find({}, { projection: { regionCode: 1, domain: 1, at: 1, recipients: 1, batches: 1, target: 1, disclosureId: 1 } })
    .toArray();
  const inRange = evs.filter((e) => e.disclosureId && !e.target && e.regionCode && Date.parse(e.at) >= from && Date.parse(e.at) <= to);
  if (!inRange.length) return [];
  const wechat = new Map<number, { ok: number; failed: number }>();
  for (const b of await batchStats().find({}).toArray()) {
    const seq = Number(String(b._id).split(':')[0]);
    const c = wechat.get(seq) ?? { ok: 0, failed: 0 };
    for (const st of Object.values(b.states ?? {})) {
      if (st === 'sent' || st === 'digested' || st === 'unconfirmed') c.ok += 1;
      else if (st.startsWith('f')) c.failed += 1;
    }
    wechat.set(seq, c);
  }
  return inRange.map((e) => {
    const w = wechat.get(Number(e._id)) ?? { ok: 0, failed: 0 };
    return { regionCode: e.regionCode!, domain: e.domain ?? '-', at: new Date(e.at), inApp: e.recipients ?? 0, wechat: w.ok, wechatFailed: w.failed };
  });
}

let source: ReachSource = { follows, deliveries };

/** Replaces the readers of follows and deliveries (tests, or a module that keeps counters). */
export function setReachSource(s: ReachSource): void {
  source = s;
}

/** Residents' saved villages as follower rows (one projected scan of `residents`). */
async function savedVillages(): Promise<FollowerRow[]> {
  const docs = await ResidentModel.collection.find({}, { projection: { villages: 1 } }).toArray();
  const out: FollowerRow[] = [];
  for (const d of docs) for (const code of (d.villages as string[] | undefined) ?? []) out.push({ residentId: String(d._id), regionCode: code });
  return out;
}

/** Residents per region code: distinct residents who saved or follow it. */
export async function followersByRegion(): Promise<Map<string, number>> {
  const rows = [...(await savedVillages()), ...((await source.follows?.()) ?? [])];
  const seen = new Set<string>();
  const out = new Map<string, number>();
  for (const r of rows) {
    const k = `${r.residentId}|${r.regionCode}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.set(r.regionCode, (out.get(r.regionCode) ?? 0) + 1);
  }
  return out;
}

/** Delivery rows of the disclosure events in [from, to]. */
export async function deliveriesBetween(from: number, to: number): Promise<DeliveryRow[]> {
  return (await source.deliveries?.(from, to)) ?? [];
}
