import type { AnalyzedDoc } from './search-text';

/*
 * The inverted index of the full-text search (in memory; FerretDB has no $text and scans collections).
 *
 * Documents are the published versions residents currently see, numbered in the order they were added
 * (`docNo`). For every term, a posting list holds `docNo * 8 + fields` (fields: 1 title, 2 body or a table
 * without personal data, 4 a table with personal data) in ascending order, delta- and varint-encoded
 * (1–2 bytes per posting for the common terms). Lists live in one packed arena (`Uint8Array`) with a small
 * growable tail per term for what was added since the last packing, so a new publication is an append.
 *
 * A new version replaces its disclosure's document: the old docNo is marked dead (skipped by queries) and
 * the new one appended. Dead entries are dropped by `compact()` (renumbering, one pass over the arena),
 * run when they exceed a fifth of the documents.
 */

export const F_TITLE = 1;
export const F_BODY = 2;
export const F_PERSONAL = 4;

/** One term's posting list: a packed part in the arena and an appendable tail. */
class Postings {
  off = 0;
  len = 0;
  tail: Uint8Array | null = null;
  tailLen = 0;
  /** The last encoded value (docNo * 8 + fields), the base of the next delta. */
  last = 0;
  count = 0;

  append(value: number): void {
    let d = value - this.last;
    this.last = value;
    this.count++;
    if (!this.tail || this.tailLen + 5 > this.tail.length) {
      const grown = new Uint8Array(Math.max(8, (this.tail?.length ?? 0) * 2));
      if (this.tail) grown.set(this.tail.subarray(0, this.tailLen));
      this.tail = grown;
    }
    while (d >= 0x80) {
      this.tail[this.tailLen++] = (d & 0x7f) | 0x80;
      d = Math.floor(d / 128);
    }
    this.tail[this.tailLen++] = d;
  }
}

/** Calls `fn(docNo, fields)` for every posting of `p`, in ascending docNo. */
function each(arena: Uint8Array, p: Postings, fn: (doc: number, fields: number) => void): void {
  let v = 0;
  const run = (buf: Uint8Array, from: number, to: number) => {
    let i = from;
    while (i < to) {
      let b = buf[i++];
      let d = b & 0x7f;
      let mul = 128;
      while (b & 0x80) {
        b = buf[i++];
        d += (b & 0x7f) * mul;
        mul *= 128;
      }
      v += d;
      fn(Math.floor(v / 8), v % 8);
    }
  };
  run(arena, p.off, p.off + p.len);
  if (p.tail) run(p.tail, 0, p.tailLen);
}

/** A candidate document of a query: how many query terms its title holds, and whether its text matched too. */
export interface Match {
  doc: number;
  id: string;
  version: number;
  titleTerms: number;
  bodyHit: boolean;
  /** When this match may stop holding: the end of the posting period if a personal table matched. */
  expires: number;
}

/** What a query asks of the index. */
export interface MatchQuery {
  /** Every term must occur (title, body or a visible table). */
  terms: string[];
  /** Only documents of these regions (undefined: all). */
  regionCodes?: readonly string[];
  now?: number;
}

/** Plain-data form of the index (snapshots). */
export interface SearchIndexData {
  terms: string[];
  offsets: Uint32Array;
  lengths: Uint32Array;
  counts: Uint32Array;
  lasts: Float64Array;
  arena: Uint8Array;
  ids: string;
  versions: Uint32Array;
  regions: Uint32Array;
  regionCodes: string[];
  until: Float64Array;
}

function grow<T extends Uint8Array | Uint32Array | Float64Array>(a: T, n: number): T {
  if (n <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(n, a.length * 2, 1024));
  b.set(a);
  return b;
}

/** The inverted index (see the module comment). */
export class SearchIndex {
  private postings = new Map<string, Postings>();
  private arena: Uint8Array = new Uint8Array(0);
  private ids: string[] = [];
  private versions = new Uint32Array(1024);
  private regions = new Uint32Array(1024);
  /** Until when tables with personal data are shown (epoch ms; Infinity: no end). */
  private until = new Float64Array(1024);
  private alive = new Uint8Array(1024);
  private byId = new Map<string, number>();
  private regionIds = new Map<string, number>();
  private regionCodes: string[] = [];
  private dead = 0;
  /** Changes on every add/remove (caches of rendered results compare it). */
  generation = 0;

  /** Number of live documents. */
  get size(): number {
    return this.byId.size;
  }

  /** The version indexed for a disclosure, or undefined. */
  versionOf(id: string): number | undefined {
    const d = this.byId.get(id);
    return d === undefined ? undefined : this.versions[d];
  }

  /** Every indexed disclosure with its version. */
  *docs(): IterableIterator<[string, number]> {
    for (const [id, d] of this.byId) yield [id, this.versions[d]];
  }

  private regionId(code: string): number {
    let r = this.regionIds.get(code);
    if (r === undefined) {
      r = this.regionCodes.length;
      this.regionCodes.push(code);
      this.regionIds.set(code, r);
    }
    return r;
  }

  /**
   * Adds (or replaces) a disclosure's current version. `personalUntil`: end of the posting period of its
   * tables with personal data (their terms stop matching then, as residents stop seeing them).
   */
  add(id: string, version: number, regionCode: string, terms: AnalyzedDoc, personalUntil = Infinity): void {
    this.remove(id);
    const doc = this.ids.length;
    this.ids.push(id);
    const n = doc + 1;
    this.versions = grow(this.versions, n);
    this.regions = grow(this.regions, n);
    this.until = grow(this.until, n);
    this.alive = grow(this.alive, n);
    this.versions[doc] = version;
    this.regions[doc] = this.regionId(regionCode);
    this.until[doc] = personalUntil;
    this.alive[doc] = 1;
    this.byId.set(id, doc);
    const fields = new Map<string, number>();
    const mark = (set: Set<string>, f: number) => {
      for (const t of set) fields.set(t, (fields.get(t) ?? 0) | f);
    };
    mark(terms.title, F_TITLE);
    mark(terms.body, F_BODY);
    mark(terms.personal, F_PERSONAL);
    for (const [t, f] of fields) {
      let p = this.postings.get(t);
      if (!p) {
        p = new Postings();
        this.postings.set(t, p);
      }
      p.append(doc * 8 + f);
    }
    this.generation++;
  }

  /** Removes a disclosure (withdrawn, or replaced by a new version). */
  remove(id: string): boolean {
    const doc = this.byId.get(id);
    if (doc === undefined) return false;
    this.byId.delete(id);
    this.alive[doc] = 0;
    this.dead++;
    this.generation++;
    return true;
  }

  /** True when `term` occurs in some document (live or not yet compacted away). */
  hasTerm(term: string): boolean {
    return this.postings.has(term);
  }

  /** Documents holding every term, with the fields they hold them in (see Match). */
  match(q: MatchQuery): Match[] {
    if (q.terms.length === 0) return [];
    const lists: Postings[] = [];
    for (const t of q.terms) {
      const p = this.postings.get(t);
      if (!p) return [];
      lists.push(p);
    }
    lists.sort((a, b) => a.count - b.count);
    const now = q.now ?? Date.now();
    let allowed: Uint8Array | undefined;
    if (q.regionCodes) {
      allowed = new Uint8Array(this.regionCodes.length);
      for (const c of q.regionCodes) {
        const r = this.regionIds.get(c);
        if (r !== undefined) allowed[r] = 1;
      }
    }
    const visible = (doc: number, f: number) => (now > this.until[doc] ? f & ~F_PERSONAL : f);
    let docs: number[] = [];
    let titles: number[] = [];
    let body: number[] = [];
    each(this.arena, lists[0], (doc, f) => {
      if (!this.alive[doc] || (allowed && !allowed[this.regions[doc]])) return;
      const v = visible(doc, f);
      if (!v) return;
      docs.push(doc);
      titles.push(v & F_TITLE ? 1 : 0);
      body.push(v & ~F_TITLE ? 1 : 0);
    });
    for (let k = 1; k < lists.length && docs.length; k++) {
      const nd: number[] = [];
      const nt: number[] = [];
      const nb: number[] = [];
      let i = 0;
      each(this.arena, lists[k], (doc, f) => {
        while (i < docs.length && docs[i] < doc) i++;
        if (i >= docs.length || docs[i] !== doc) return;
        const v = visible(doc, f);
        if (v) {
          nd.push(doc);
          nt.push(titles[i] + (v & F_TITLE ? 1 : 0));
          nb.push(body[i] | (v & ~F_TITLE ? 1 : 0));
        }
        i++;
      });
      docs = nd;
      titles = nt;
      body = nb;
    }
    return docs.map((doc, i) => ({ doc, id: this.ids[doc], version: this.versions[doc], titleTerms: titles[i], bodyHit: body[i] === 1, expires: this.until[doc] }));
  }

  /** Moves every tail into one new arena, dropping dead documents and renumbering the live ones. */
  compact(): void {
    const map = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    for (let d = 0; d < this.ids.length; d++) {
      if (this.alive[d]) {
        map[d] = ids.length;
        ids.push(this.ids[d]);
      }
    }
    const keep = (d: number) => map[d] >= 0;
    const packed = this.pack(map, keep);
    const n = ids.length;
    const take = <T extends Uint32Array | Float64Array | Uint8Array>(a: T) => {
      const b = new (a.constructor as new (n: number) => T)(Math.max(1024, n));
      for (let d = 0; d < map.length; d++) if (map[d] >= 0) b[map[d]] = a[d];
      return b;
    };
    this.versions = take(this.versions);
    this.regions = take(this.regions);
    this.until = take(this.until);
    this.alive = take(this.alive);
    this.ids = ids;
    this.byId = new Map(ids.map((id, d) => [id, d]));
    this.postings = packed.postings;
    this.arena = packed.arena;
    this.dead = 0;
    this.generation++;
  }

  /** Compacts when dead documents exceed a fifth of all (cheap to call after every change). */
  maybeCompact(): void {
    if (this.dead > 1_000 && this.dead * 5 > this.ids.length) this.compact();
  }

  private pack(map: Int32Array, keep: (d: number) => boolean): { postings: Map<string, Postings>; arena: Uint8Array } {
    let out = new Uint8Array(Math.max(1024, this.arena.length + 1024));
    let len = 0;
    const postings = new Map<string, Postings>();
    for (const [t, p] of this.postings) {
      const np = new Postings();
      np.off = len;
      let last = 0;
      each(this.arena, p, (doc, f) => {
        if (!keep(doc)) return;
        if (len + 5 > out.length) {
          const b = new Uint8Array(out.length * 2);
          b.set(out.subarray(0, len));
          out = b;
        }
        const v = map[doc] * 8 + f;
        let d = v - last;
        last = v;
        while (d >= 0x80) {
          out[len++] = (d & 0x7f) | 0x80;
          d = Math.floor(d / 128);
        }
        out[len++] = d;
        np.count++;
      });
      if (np.count === 0) continue;
      np.len = len - np.off;
      np.last = last;
      postings.set(t, np);
    }
    return { postings, arena: out.slice(0, len) };
  }

  /** Memory figures: documents, dead ones, terms and posting bytes (packed + tails). */
  stats(): { docs: number; dead: number; terms: number; postings: number; arenaBytes: number; tailBytes: number } {
    let postings = 0;
    let tail = 0;
    for (const p of this.postings.values()) {
      postings += p.count;
      tail += p.tail?.length ?? 0;
    }
    return { docs: this.size, dead: this.dead, terms: this.postings.size, postings, arenaBytes: this.arena.length, tailBytes: tail };
  }

  /** The index as plain data (compacted first), for a snapshot. */
  toData(): SearchIndexData {
    this.compact();
    const terms = [...this.postings.keys()];
    const ps = terms.map((t) => this.postings.get(t)!);
    const n = this.ids.length;
    return {
      terms,
      offsets: Uint32Array.from(ps, (p) => p.off),
      lengths: Uint32Array.from(ps, (p) => p.len),
      counts: Uint32Array.from(ps, (p) => p.count),
      lasts: Float64Array.from(ps, (p) => p.last),
      arena: this.arena,
      ids: this.ids.join(''),
      versions: this.versions.slice(0, n),
      regions: this.regions.slice(0, n),
      regionCodes: [...this.regionCodes],
      until: this.until.slice(0, n),
    };
  }

  /** An index from `toData()` output. Ids are 24-character hex strings (ObjectIds). */
  static fromData(data: SearchIndexData): SearchIndex {
    const ix = new SearchIndex();
    const n = data.versions.length;
    if (data.ids.length !== n * 24) throw new Error('search snapshot: ids do not match the documents');
    ix.arena = data.arena;
    data.terms.forEach((t, i) => {
      const p = new Postings();
      p.off = data.offsets[i];
      p.len = data.lengths[i];
      p.count = data.counts[i];
      p.last = data.lasts[i];
      ix.postings.set(t, p);
    });
    for (let d = 0; d < n; d++) ix.ids.push(data.ids.slice(d * 24, d * 24 + 24));
    ix.versions = grow(Uint32Array.from(data.versions), n);
    ix.regions = grow(Uint32Array.from(data.regions), n);
    ix.until = grow(Float64Array.from(data.until), n);
    ix.alive = grow(new Uint8Array(n).fill(1), n);
    ix.regionCodes = [...data.regionCodes];
    ix.regionCodes.forEach((c, i) => ix.regionIds.set(c, i));
    ix.ids.forEach((id, d) => ix.byId.set(id, d));
    return ix;
  }
}
