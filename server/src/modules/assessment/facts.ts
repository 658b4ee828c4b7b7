/*
 * The additive facts a snapshot keeps per (region code, domain): counts and histograms, so that any region's
 * figures are a plain sum over the codes in its subtree and medians come from merged histograms. Facts with
 * domain '-' belong to no domain (feedback about nothing specific, followers).
 */

/** value → count (days late, working days to answer). */
export type Hist = Map<number, number>;

/** The numeric fields of Facts (all additive). */
export const COUNT_FIELDS = [
  'cov', // catalogue items covered (the unit's own; only on county/township/village codes)
  'tOn', // first published in the period, by the due date
  'tLate', // first published in the period, after the due date
  'tOver', // due in the period, not published by its end, past due
  'tNone', // first published in the period, no due date
  'rRecv', // feedback received in the period (by the responsible body)
  'rOn', // … answered or rejected by the deadline
  'rLate', // … answered or rejected after it
  'rOver', // … still open, past the deadline
  'rPend', // … still open, within the deadline
  's1', // ratings 不满意 given in the period
  's2', // 基本满意
  's3', // 满意
  'fol', // residents who saved or follow this region
  'nApp', // in-app notices delivered in the period (about disclosures of this region)
  'nWx', // WeChat messages sent
  'nWxFail', // WeChat messages that failed
] as const;
export type CountField = (typeof COUNT_FIELDS)[number];

/** Facts of one (region, domain). */
export class Facts {
  cov = 0;
  tOn = 0;
  tLate = 0;
  tOver = 0;
  tNone = 0;
  rRecv = 0;
  rOn = 0;
  rLate = 0;
  rOver = 0;
  rPend = 0;
  s1 = 0;
  s2 = 0;
  s3 = 0;
  fol = 0;
  nApp = 0;
  nWx = 0;
  nWxFail = 0;
  /** Days late of late publications. */
  readonly tDays: Hist = new Map();
  /** Working days to answer of answered items. */
  readonly rDays: Hist = new Map();

  /** Adds another Facts (or only its `fields`) into this one. */
  add(o: Facts, fields: readonly CountField[] = COUNT_FIELDS): void {
    for (const f of fields) this[f] += o[f];
    if (fields === COUNT_FIELDS) {
      mergeHist(this.tDays, o.tDays);
      mergeHist(this.rDays, o.rDays);
    }
  }
}

/** Counts one value in a histogram. */
export function bump(h: Hist, value: number, by = 1): void {
  h.set(value, (h.get(value) ?? 0) + by);
}

function mergeHist(into: Hist, from: Hist): void {
  for (const [k, v] of from) bump(into, k, v);
}

/**
 * The median of a histogram: the middle value, or the mean of the two middle values for an even count;
 * null when empty.
 */
export function histMedian(h: Hist): number | null {
  let n = 0;
  for (const v of h.values()) n += v;
  if (n === 0) return null;
  const keys = [...h.keys()].sort((a, b) => a - b);
  const at = (i: number) => {
    let seen = 0;
    for (const k of keys) {
      seen += h.get(k)!;
      if (i < seen) return k;
    }
    return keys[keys.length - 1];
  };
  return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

/** Facts per region code, per domain key (or '-'). */
export type FactsTable = Map<string, Map<string, Facts>>;

/** The Facts of (code, domain), created on first use. */
export function factsOf(t: FactsTable, code: string, domain: string): Facts {
  let byDomain = t.get(code);
  if (!byDomain) t.set(code, (byDomain = new Map()));
  let f = byDomain.get(domain);
  if (!f) byDomain.set(domain, (f = new Facts()));
  return f;
}

/** Stored form: `[code, domain, { nonzero counts…, d?: [[days, n]…], w?: [[days, n]…] }]`. */
export type EncodedFacts = [string, string, Record<string, unknown>];

/** Encodes a table compactly (zero counts and empty histograms left out). */
export function encodeFacts(t: FactsTable): EncodedFacts[] {
  const out: EncodedFacts[] = [];
  for (const [code, byDomain] of t) {
    for (const [domain, f] of byDomain) {
      const o: Record<string, unknown> = {};
      for (const k of COUNT_FIELDS) if (f[k]) o[k] = f[k];
      if (f.tDays.size) o.d = [...f.tDays];
      if (f.rDays.size) o.w = [...f.rDays];
      out.push([code, domain, o]);
    }
  }
  return out;
}

/** Decodes entries into a table. */
export function decodeFacts(rows: EncodedFacts[], into: FactsTable = new Map()): FactsTable {
  for (const [code, domain, o] of rows) {
    const f = factsOf(into, code, domain);
    for (const k of COUNT_FIELDS) if (typeof o[k] === 'number') f[k] += o[k] as number;
    for (const [v, n] of (o.d as Array<[number, number]> | undefined) ?? []) bump(f.tDays, v, n);
    for (const [v, n] of (o.w as Array<[number, number]> | undefined) ?? []) bump(f.rDays, v, n);
  }
  return into;
}
