import {
  REGION_LEVELS,
  REGION_SEARCH_LIMIT_DEFAULT,
  ancestorCodes,
  type Region,
  type RegionChild,
  type RegionLevel,
  type RegionRef,
  type RegionSearchItem,
} from '@gongkai/shared';

/** A region as stored in the database (see model.ts). */
export interface RegionRecord {
  code: string;
  name: string;
  displayName: string;
  level: RegionLevel;
  parentCode: string | null;
  pinyin: string;
  initials: string;
  childCount: number;
}

/** Filters of `RegionDirectory.search`. */
export interface RegionSearchOptions {
  /** Only regions of this level. */
  level?: RegionLevel;
  /** Only this region and its subtree (a region code). */
  within?: string;
  /** At most this many hits (default 20). */
  limit?: number;
}

/**
 * One region in the index. A class with every field assigned in the constructor, so all 27k entries
 * share one hidden class: built with object spread they each got their own map in V8, which made the
 * property reads of the scan megamorphic and every search about 20 times slower.
 */
class Entry implements RegionRecord {
  readonly code: string;
  readonly name: string;
  readonly displayName: string;
  readonly level: RegionLevel;
  readonly parentCode: string | null;
  /** Lowercase full pinyin and initials. */
  readonly pinyin: string;
  readonly initials: string;
  readonly childCount: number;
  /** Index of the level in REGION_LEVELS (province 0 … village 4): higher levels rank first. */
  readonly rank: number;
  /** True when `displayName` is a prefix of `name` (most villages): one indexOf covers both. */
  readonly displayIsPrefix: boolean;
  readonly ref: RegionRef;
  /** Cached path, built on first use. */
  path: readonly RegionRef[] | undefined = undefined;

  constructor(r: RegionRecord, rank: number) {
    this.code = r.code;
    this.name = r.name;
    this.displayName = r.displayName;
    this.level = r.level;
    this.parentCode = r.parentCode;
    this.pinyin = r.pinyin.toLowerCase();
    this.initials = r.initials.toLowerCase();
    this.childCount = r.childCount;
    this.rank = rank;
    this.displayIsPrefix = r.name.startsWith(r.displayName);
    this.ref = Object.freeze({ code: r.code, name: r.name, displayName: r.displayName, level: r.level });
  }
}

/** Match tiers, best first. Tier × level gives the order of results. */
const TIERS = 4;
const LEVELS = REGION_LEVELS.length;

/** Lowercase, NFKC (full-width → ASCII), ü → v; spaces and apostrophes dropped (`Xi'an`, `jiang shan`). */
export function normalizeRegionQuery(q: string): string {
  return q.normalize('NFKC').toLowerCase().replace(/ü|u:/g, 'v').replace(/[\s'’·]+/g, '');
}

/** First index in `list` (sorted by code) whose code is >= `code`. */
function lowerBound(list: Entry[], code: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].code < code) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Tier of a Chinese query against the published and the display name; -1 when neither contains it. */
function hanziTier(e: Entry, q: string): number {
  if (e.displayIsPrefix) {
    const i = e.name.indexOf(q);
    if (i < 0) return -1;
    if (i > 0) return 2;
    return q.length === e.name.length || q.length === e.displayName.length ? 0 : 1;
  }
  const i = e.displayName.indexOf(q);
  const j = e.name.indexOf(q);
  if (i < 0 && j < 0) return -1;
  if (q === e.displayName || q === e.name) return 0;
  return i === 0 || j === 0 ? 1 : 2;
}

/** Tier of a Latin query against the full pinyin and the initials; -1 when neither contains it. */
function pinyinTier(e: Entry, q: string): number {
  const p = e.pinyin.indexOf(q);
  const s = e.initials.indexOf(q);
  if (p < 0 && s < 0) return -1;
  if (p === 0 && q.length === e.pinyin.length) return 0;
  if (s === 0 && q.length === e.initials.length) return 0;
  if (p === 0 || s === 0) return 1;
  return p > 0 ? 2 : 3;
}

/** Tier of a digit query against the code: the code itself, else a region in its subtree. */
function codeTier(e: Entry, q: string): number {
  if (!e.code.startsWith(q)) return -1;
  return e.code.length === q.length ? 0 : 1;
}

/**
 * The region tree in memory: lookups by code, children, and search by Chinese substring, full pinyin,
 * pinyin initials or code prefix. Built once from the database (`loadRegionDirectory`) and read-only
 * afterwards. A search scans pre-lowercased strings with `indexOf` (no regex, no sort): hits go into
 * buckets by (match tier, level) capped at `limit`, then the buckets are read best first.
 */
export class RegionDirectory {
  private readonly byCode = new Map<string, Entry>();
  private readonly kids = new Map<string, Entry[]>();
  /** Per level, entries sorted by code: a subtree is one contiguous range. */
  private readonly byLevel: Entry[][] = REGION_LEVELS.map(() => []);

  private constructor(records: Iterable<RegionRecord>) {
    for (const r of records) {
      const rank = REGION_LEVELS.indexOf(r.level);
      if (rank < 0) throw new Error(`region ${r.code}: unknown level ${r.level}`);
      const e = new Entry(r, rank);
      this.byCode.set(e.code, e);
      this.byLevel[rank].push(e);
    }
    for (const list of this.byLevel) list.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    for (const list of this.byLevel) {
      for (const e of list) {
        if (e.parentCode === null) continue;
        const siblings = this.kids.get(e.parentCode);
        if (siblings) siblings.push(e);
        else this.kids.set(e.parentCode, [e]);
      }
    }
  }

  /** Builds a directory from region records (any order). */
  static fromRecords(records: Iterable<RegionRecord>): RegionDirectory {
    return new RegionDirectory(records);
  }

  /** Number of regions. */
  get size(): number {
    return this.byCode.size;
  }

  /** Regions per level. */
  counts(): Record<RegionLevel, number> {
    return Object.fromEntries(REGION_LEVELS.map((l, i) => [l, this.byLevel[i].length])) as Record<RegionLevel, number>;
  }

  /** True when the code is a known region. */
  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /**
   * A region with its path (province first, the region itself last), or undefined for an unknown code.
   * Other modules use it for names: `get(code)?.name` (as published, the contract's `regionName`) or
   * `get(code)?.displayName` (as residents say it), and `path` for breadcrumbs.
   */
  get(code: string): Region | undefined {
    const e = this.byCode.get(code);
    if (!e) return undefined;
    return { ...e.ref, parentCode: e.parentCode, childCount: e.childCount, path: [...this.pathOf(e)] };
  }

  /** The direct children of a region in code order (empty for a village), or undefined for an unknown code. */
  children(code: string): RegionChild[] | undefined {
    if (!this.byCode.has(code)) return undefined;
    return (this.kids.get(code) ?? []).map((e) => ({ ...e.ref, childCount: e.childCount }));
  }

  /**
   * Regions matching `q`, best first. Chinese text matches substrings of the published and the display
   * name; Latin letters match the full pinyin (prefix or substring: `jiangshan`) and the initials (`ohq`);
   * digits match a code and its subtree. Order: exact match, then prefix, then substring (then initials
   * substring), and within each tier higher levels first (江山市 before 江山村), then by code.
   */
  search(q: string, opts: RegionSearchOptions = {}): RegionSearchItem[] {
    const text = normalizeRegionQuery(q);
    const limit = Math.max(1, opts.limit ?? REGION_SEARCH_LIMIT_DEFAULT);
    if (!text) return [];
    const tierOf = /^\d+$/.test(text) ? codeTier : /^[a-z]+$/.test(text) ? pinyinTier : hanziTier;
    const buckets: Entry[][] = Array.from({ length: TIERS * LEVELS }, () => []);
    const within = opts.within;
    for (let rank = 0; rank < LEVELS; rank++) {
      if (opts.level && REGION_LEVELS[rank] !== opts.level) continue;
      const list = this.byLevel[rank];
      let from = 0;
      let to = list.length;
      if (within) {
        from = lowerBound(list, within);
        to = lowerBound(list, `${within}:`); // ':' sorts right after '9'
      }
      for (let i = from; i < to; i++) {
        const e = list[i];
        const tier = tierOf(e, text);
        if (tier < 0) continue;
        const bucket = buckets[tier * LEVELS + rank];
        if (bucket.length < limit) bucket.push(e);
      }
    }
    const out: RegionSearchItem[] = [];
    for (const bucket of buckets) {
      for (const e of bucket) {
        if (out.length === limit) return out;
        out.push({ ...e.ref, path: [...this.pathOf(e)] });
      }
    }
    return out;
  }

  private pathOf(e: Entry): readonly RegionRef[] {
    if (!e.path) {
      const refs = ancestorCodes(e.code).map((c) => this.byCode.get(c)?.ref).filter((r): r is RegionRef => !!r);
      e.path = Object.freeze([...refs, e.ref]);
    }
    return e.path;
  }
}
