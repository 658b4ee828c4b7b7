import type { CatalogueLevel, DisclosureListItem, DisclosureStatus, DomainKey, WorkingState } from '@gongkai/shared';
import { toShanghaiIso } from '../../workdays';
import type { Actor, DisclosureRecord } from './model';

/*
 * The in-memory index of every disclosure's summary (never bodies or tables). The public list, the
 * officials' list, "is this id public?" and timeliness queries read it instead of the database: on
 * FerretDB any query that is not by `_id` scans the whole collection (seconds at 200k documents).
 *
 * Published disclosures are also kept in arrays per region, sorted newest first, so a village's list is
 * a merge of three short sorted arrays (village, township, county) and a page costs O(page × pageSize).
 * Entries are immutable and replaced on every write (`put`), so an array position is found again by
 * binary search with the old entry's sort key. Repeated strings (codes, names, actors) are interned.
 */

/** One disclosure's summary in memory. Times are epoch milliseconds (0/undefined when absent). */
export interface Entry {
  readonly id: string;
  readonly regionCode: string;
  readonly regionName: string;
  readonly level: CatalogueLevel;
  readonly domain: DomainKey;
  readonly catalogueItemId: string;
  readonly catalogueVersion: number;
  readonly status: DisclosureStatus;
  readonly stage: DisclosureListItem['stage'];
  /** The published title (or the working copy's before the first publication). */
  readonly title: string;
  /** The published version residents see; 0 before the first publication. */
  readonly version: number;
  readonly publishedAt: number;
  readonly firstPublishedAt: number;
  readonly validFrom: number | undefined;
  readonly validTo: number | undefined;
  /** Links declared by the published version. */
  readonly related: readonly string[];
  /** Published disclosures that link here. */
  readonly linkedFrom: readonly string[];
  readonly dueAt: number | undefined;
  readonly late: boolean;
  readonly working:
    | { version: number; state: WorkingState; title: string; updatedAt: number; publishAt?: number; dueAt?: number }
    | undefined;
  readonly createdBy: Actor;
  readonly createdAt: number;
  readonly updatedAt: number;
}

const interned = new Map<string, string>();
/** One copy of each repeated string (region codes/names, item ids, domains). */
export function intern(s: string): string {
  let v = interned.get(s);
  if (v === undefined) {
    v = s;
    if (interned.size < 500_000) interned.set(s, s);
  }
  return v;
}
const actors = new Map<string, Actor>();
export function internActor(a: Actor): Actor {
  const k = `${a.id}:${a.username}`;
  let v = actors.get(k);
  if (!v) {
    v = Object.freeze({ id: a.id, username: a.username });
    if (actors.size < 100_000) actors.set(k, v);
  }
  return v;
}

/** The one empty list shared by every entry without links. */
export const NONE: readonly string[] = Object.freeze([]);

const ms = (d: Date | undefined | null) => (d ? new Date(d).getTime() : undefined);

/** The summary of a stored disclosure. */
export function entryOf(r: DisclosureRecord): Entry {
  const w = r.working;
  return {
    id: String(r._id),
    regionCode: intern(r.regionCode),
    regionName: intern(r.regionName),
    level: r.level,
    domain: intern(r.domain) as DomainKey,
    catalogueItemId: intern(r.catalogueItemId),
    catalogueVersion: r.catalogueVersion,
    status: r.status,
    stage: r.pub?.stage ?? r.stage,
    title: r.pub?.title ?? w?.title ?? '',
    version: r.pub?.version ?? 0,
    publishedAt: ms(r.pub?.publishedAt) ?? 0,
    firstPublishedAt: ms(r.firstPublishedAt) ?? 0,
    validFrom: ms(r.pub?.validFrom),
    validTo: ms(r.pub?.validTo),
    related: r.pub?.relatedIds?.length ? r.pub.relatedIds : NONE,
    linkedFrom: r.linkedFrom?.length ? r.linkedFrom : NONE,
    dueAt: ms(r.dueAt),
    late: !!r.late,
    working: w
      ? { version: w.version, state: w.state, title: w.title, updatedAt: +new Date(w.updatedAt), publishAt: ms(w.publishAt), dueAt: ms(w.dueAt) }
      : undefined,
    createdBy: internActor(r.createdBy),
    createdAt: +new Date(r.createdAt),
    updatedAt: +new Date(r.updatedAt),
  };
}

/** The contract's list item of a published entry. */
export function listItemOf(e: Entry): DisclosureListItem {
  const item: DisclosureListItem = {
    id: e.id,
    title: e.title,
    domain: e.domain,
    catalogueItemId: e.catalogueItemId,
    regionCode: e.regionCode,
    regionName: e.regionName,
    stage: e.stage,
    publishedAt: toShanghaiIso(new Date(e.publishedAt)),
    version: e.version,
    level: e.level,
    catalogueVersion: e.catalogueVersion,
    firstPublishedAt: toShanghaiIso(new Date(e.firstPublishedAt)),
  };
  if (e.validFrom !== undefined) item.validFrom = toShanghaiIso(new Date(e.validFrom));
  if (e.validTo !== undefined) item.validTo = toShanghaiIso(new Date(e.validTo));
  return item;
}

/** Newest first; ties by id (descending) so the order is total. */
function before(a: Entry, b: Entry): boolean {
  return a.publishedAt !== b.publishedAt ? a.publishedAt > b.publishedAt : a.id > b.id;
}
const compare = (a: Entry, b: Entry) => (a === b ? 0 : before(a, b) ? -1 : 1);

/** Index in a sorted array where `e` is or would go. */
function position(list: Entry[], e: Entry): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(list[mid], e)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insert(list: Entry[], e: Entry): void {
  list.splice(position(list, e), 0, e);
}

function remove(list: Entry[] | undefined, e: Entry): void {
  if (!list) return;
  const i = position(list, e);
  if (list[i]?.id === e.id) list.splice(i, 1);
}

/**
 * Reads a page out of several sorted arrays as if they were one (k-way merge), skipping `skip` entries.
 */
export function mergePage(lists: Entry[][], skip: number, take: number): Entry[] {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length === 0) return [];
  if (nonEmpty.length === 1) return nonEmpty[0].slice(skip, skip + take);
  const at = nonEmpty.map(() => 0);
  const out: Entry[] = [];
  let seen = 0;
  while (out.length < take) {
    let best = -1;
    for (let i = 0; i < nonEmpty.length; i++) {
      if (at[i] < nonEmpty[i].length && (best < 0 || before(nonEmpty[i][at[i]], nonEmpty[best][at[best]]))) best = i;
    }
    if (best < 0) break;
    const e = nonEmpty[best][at[best]++];
    if (seen++ >= skip) out.push(e);
  }
  return out;
}

/** The index itself (see the module comment). `published` = status 'published' (what residents see). */
export class DisclosureIndex {
  private readonly byId = new Map<string, Entry>();
  private readonly byRegion = new Map<string, Entry[]>();
  private readonly all: Entry[] = [];
  /** Counts changes to what residents can see (caches of rendered lists compare it). */
  private publicEpoch = 0;

  /** Builds an index from stored records in one pass and one sort per array. */
  static fromRecords(records: Iterable<DisclosureRecord>): DisclosureIndex {
    const entries: Entry[] = [];
    for (const r of records) entries.push(entryOf(r));
    return DisclosureIndex.fromEntries(entries);
  }

  /** Builds an index from entries (a snapshot) in one pass and one sort per array. */
  static fromEntries(entries: Iterable<Entry>): DisclosureIndex {
    const ix = new DisclosureIndex();
    for (const e of entries) {
      ix.byId.set(e.id, e);
      if (e.status !== 'published') continue;
      ix.all.push(e);
      const list = ix.byRegion.get(e.regionCode);
      if (list) list.push(e);
      else ix.byRegion.set(e.regionCode, [e]);
    }
    ix.all.sort(compare);
    for (const list of ix.byRegion.values()) list.sort(compare);
    return ix;
  }

  /** Number of disclosures (all statuses). */
  get size(): number {
    return this.byId.size;
  }

  /** Changes whenever a published entry is added, replaced or removed. */
  get epoch(): number {
    return this.publicEpoch;
  }

  /** Number of published disclosures. */
  get publishedCount(): number {
    return this.all.length;
  }

  /** Adds or replaces a disclosure after it was written. */
  put(r: DisclosureRecord): Entry {
    return this.putEntry(entryOf(r));
  }

  /** Adds or replaces an entry. */
  putEntry(e: Entry): Entry {
    const old = this.byId.get(e.id);
    if (old?.status === 'published' || e.status === 'published') this.publicEpoch += 1;
    if (old?.status === 'published') {
      remove(this.all, old);
      remove(this.byRegion.get(old.regionCode), old);
    }
    this.byId.set(e.id, e);
    if (e.status === 'published') {
      insert(this.all, e);
      const list = this.byRegion.get(e.regionCode);
      if (list) insert(list, e);
      else this.byRegion.set(e.regionCode, [e]);
    }
    return e;
  }

  get(id: string): Entry | undefined {
    return this.byId.get(id);
  }

  /** True when residents may see the disclosure. */
  isPublished(id: string): boolean {
    return this.byId.get(id)?.status === 'published';
  }

  /**
   * Published disclosures made for any of `regionCodes` (all when undefined), newest first, filtered by
   * `keep`, one page of them and the total.
   */
  published(regionCodes: string[] | undefined, keep: ((e: Entry) => boolean) | undefined, page: number, pageSize: number): { items: Entry[]; total: number } {
    let lists = regionCodes ? regionCodes.map((c) => this.byRegion.get(c) ?? []) : [this.all];
    if (keep) lists = lists.map((l) => l.filter(keep));
    const total = lists.reduce((n, l) => n + l.length, 0);
    return { items: mergePage(lists, (page - 1) * pageSize, pageSize), total };
  }

  /** Every entry (a consistent array: entries are immutable and replaced on write). */
  entries(): Entry[] {
    return [...this.byId.values()];
  }

  /** Every entry passing `keep` (any status), in no particular order. */
  filter(keep: (e: Entry) => boolean): Entry[] {
    const out: Entry[] = [];
    for (const e of this.byId.values()) if (keep(e)) out.push(e);
    return out;
  }
}
