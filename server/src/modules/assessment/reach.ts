import { ResidentModel } from '../residents/model';

/*
 * Reach (精准推送 and 关注): who the platform reaches in each place. Two sources:
 *  - the residents' saved villages (`residents.villages`, this module reads them: one projected scan per
 *    snapshot), and
 *  - what the notices module registers with `setReachSource`: residents' follows and the notices delivered
 *    (in-app and WeChat) per disclosure event. Until it registers, follows are the saved villages only and
 *    no notices are counted.
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

/** What the notices module provides (both optional). */
export interface ReachSource {
  /** Every follow (one row per resident and followed region; filters like a domain do not matter here). */
  follows?(): Promise<FollowerRow[]>;
  /** Delivery counts of the disclosure events that happened in [from, to] (epoch ms). */
  deliveries?(from: number, to: number): Promise<DeliveryRow[]>;
}

let source: ReachSource = {};

/** Registers the notices module's reach data (replaces any earlier registration). */
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

/** Delivery rows in [from, to] (none until the notices module registers). */
export async function deliveriesBetween(from: number, to: number): Promise<DeliveryRow[]> {
  return (await source.deliveries?.(from, to)) ?? [];
}
