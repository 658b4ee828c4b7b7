import { selfAndAncestors, type Page, type PublicFeedbackItem, type PublicFeedbackQuery } from '@gongkai/shared';
import { publicItems, type PublicRecord } from './model';
import { regionsOf, type FeedbackDeps } from './routing';
import { publicView } from './views';

/*
 * The public Q&A (回应): answered items whose resident agreed to publication and whose answer is public, as
 * anonymized, masked snapshots in `feedback_public`. Residents read it on every disclosure page, so it is
 * served from memory: the whole (small) collection is loaded on first use, kept current by this process's
 * writes, and reloaded at most every CACHE_MS to pick up other processes' writes.
 *
 * Region lists follow disclosures: a region's list has the Q&A about the region itself and about its
 * ancestors (a village sees its own, its township's and its county's; a county only county-level and
 * above). An item about a disclosure belongs to the disclosure's region.
 */

const CACHE_MS = 30_000;

let cache: { items: Map<string, PublicRecord>; loadedAt: number } | undefined;
let loading: Promise<Map<string, PublicRecord>> | undefined;
/** Snapshots written while a load was running (re-applied onto the loaded map). */
let pending: PublicRecord[] = [];

async function all(): Promise<Map<string, PublicRecord>> {
  if (cache && Date.now() - cache.loadedAt < CACHE_MS) return cache.items;
  if (!loading) {
    const startedAt = Date.now();
    loading = publicItems()
      .find({})
      .toArray()
      .then((docs) => {
        const items = new Map(docs.map((d) => [d._id, d]));
        // Snapshots stored while the scan ran may be missing from it: re-apply them.
        for (const w of pending) items.set(w._id, w);
        pending = [];
        cache = { items, loadedAt: startedAt };
        return items;
      })
      .finally(() => {
        loading = undefined;
      });
  }
  return loading;
}

/** Stores a public snapshot (upsert by `_id`) and updates the cache. */
export async function putPublic(rec: PublicRecord): Promise<void> {
  await publicItems().replaceOne({ _id: rec._id }, rec, { upsert: true });
  cache?.items.set(rec._id, rec);
  if (loading) pending.push(rec);
}

/** Forgets the cache (tests that write behind the service's back). */
export function resetPublicCache(): void {
  cache = undefined;
}

/** The public snapshots matching a query, newest answer first. */
export async function findPublic(q: { region?: string; disclosureId?: string; type?: string }): Promise<PublicRecord[]> {
  const regions = q.region ? new Set(selfAndAncestors(q.region)) : undefined;
  const out: PublicRecord[] = [];
  for (const p of (await all()).values()) {
    if (regions && !regions.has(p.regionCode)) continue;
    if (q.disclosureId && p.disclosureId !== q.disclosureId) continue;
    if (q.type && p.type !== q.type) continue;
    out.push(p);
  }
  return out.sort((a, b) => b.answer.at.getTime() - a.answer.at.getTime() || (a._id < b._id ? 1 : -1));
}

/** `GET /api/v1/feedback/public`: a page of the public Q&A. */
export async function listPublicFeedback(deps: Pick<FeedbackDeps, 'regions'>, q: PublicFeedbackQuery): Promise<Page<PublicFeedbackItem>> {
  const regions = await regionsOf(deps);
  const found = await findPublic(q);
  const start = (q.page - 1) * q.pageSize;
  return { items: found.slice(start, start + q.pageSize).map((p) => publicView(p, regions)), total: found.length, page: q.page, pageSize: q.pageSize };
}
