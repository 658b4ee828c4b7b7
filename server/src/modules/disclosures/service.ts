import { isWithin, type CatalogueLevel, type DisclosureDetail, type DisclosureStatus, type DomainKey } from '@gongkai/shared';
import { AppError } from '../../http/errors';
import { disclosureIndex } from './index-store';
import { getPublicDetail } from './read';
import { isOverdue } from './timeliness';

/*
 * What other modules use from disclosures. Everything here reads the in-memory index or the cached public
 * rendering, so it is cheap to call per request.
 *
 *  - feedback: `getPublishedDisclosure(id)` — the public detail (region, publisher, contact, title …) of a
 *    disclosure residents can see, or undefined; deadlines in working days come from server/src/workdays.
 *  - assessment: `listDisclosureTimeliness(filter)` — per disclosure: region, item, status, due date, first
 *    publication, `late`, `overdue`.
 *  - search: `onPublicChange(listener)` (hooks.ts) — called after every publication, new published version
 *    and withdrawal with the masked public content. To (re)build an index at start-up, take
 *    `publishedVersionRefs()` and read each version's `public` from `disclosure_versions` by `_id`
 *    (`versionKey(id, version)`, model.ts) — only `_id` reads, fast on FerretDB.
 *  - notices: the durable `disclosure.event` jobs (server/src/events.ts), emitted by publish.ts.
 */

export { onPublicChange, setPublicChangeErrorHandler, type PublicChange } from './hooks';
export { dueAtOf, isLate, isOverdue } from './timeliness';
export { getPublicDetail, listPublished, verifyDisclosure } from './read';
export { saveDisclosureIndexSnapshot, warmDisclosureIndex } from './index-store';
export { saveSnapshotNow as saveSearchSnapshot, setSearchErrorHandler, warmDisclosureSearch } from './search';
export type { PublicVersion } from './chain';
export { versionKey } from './model';

/**
 * The public detail of a disclosure residents can currently see (masked), or undefined for a draft,
 * withdrawn, unknown or malformed id.
 */
export async function getPublishedDisclosure(id: string): Promise<DisclosureDetail | undefined> {
  try {
    return await getPublicDetail(id);
  } catch (err) {
    if (err instanceof AppError && (err.status === 404 || err.status === 400)) return undefined;
    throw err;
  }
}

/** One disclosure's timeliness. */
export interface TimelinessRow {
  id: string;
  regionCode: string;
  level: CatalogueLevel;
  domain: DomainKey;
  catalogueItemId: string;
  catalogueVersion: number;
  status: DisclosureStatus;
  /** Due date of the first publication (undefined: no event date, or no computable limit). */
  dueAt?: Date;
  firstPublishedAt?: Date;
  /** First published after dueAt. */
  late: boolean;
  /** Not yet published (or a next version with a new event date) and past its due date now. */
  overdue: boolean;
}

/** Filters of `listDisclosureTimeliness`. */
export interface TimelinessFilter {
  /** A region and its subtree. */
  within?: string;
  domain?: DomainKey;
  catalogueItemId?: string;
  /** Include withdrawn disclosures (default false). */
  withdrawn?: boolean;
}

/** Timeliness of every disclosure matching the filter (any status but withdrawn unless asked). */
export async function listDisclosureTimeliness(f: TimelinessFilter = {}, now: number = Date.now()): Promise<TimelinessRow[]> {
  const index = await disclosureIndex({ fresh: true });
  return index
    .filter(
      (e) =>
        (!f.within || isWithin(e.regionCode, f.within)) &&
        (!f.domain || e.domain === f.domain) &&
        (!f.catalogueItemId || e.catalogueItemId === f.catalogueItemId) &&
        (f.withdrawn || e.status !== 'withdrawn'),
    )
    .map((e) => ({
      id: e.id,
      regionCode: e.regionCode,
      level: e.level,
      domain: e.domain,
      catalogueItemId: e.catalogueItemId,
      catalogueVersion: e.catalogueVersion,
      status: e.status,
      ...(e.dueAt ? { dueAt: new Date(e.dueAt) } : {}),
      ...(e.firstPublishedAt ? { firstPublishedAt: new Date(e.firstPublishedAt) } : {}),
      late: e.late,
      overdue: e.status !== 'withdrawn' && isOverdue(e.working, now),
    }));
}

/** `{ id, version }` of the version residents currently see, for every published disclosure. */
export async function publishedVersionRefs(): Promise<Array<{ id: string; version: number; regionCode: string }>> {
  const index = await disclosureIndex({ fresh: true });
  return index.filter((e) => e.status === 'published').map((e) => ({ id: e.id, version: e.version, regionCode: e.regionCode }));
}
