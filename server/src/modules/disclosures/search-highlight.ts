import type { DisclosureDetail, SearchHighlights } from '@gongkai/shared';
import { normalize, plainBody, tableText } from './search-text';

/*
 * Highlights of search results, always cut from the PUBLIC rendering (masked title, body and visible
 * tables — a table hidden after its posting period is not searched for a snippet). Output is an HTML
 * fragment: matches in `<em>…</em>`, all other text escaped.
 */

/** Characters of a body snippet. */
export const SNIPPET_CHARS = 80;
const BEFORE = 20;

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]);

/** [start, end) of every occurrence of any needle in `text` (case- and width-insensitive), merged. */
export function findRanges(text: string, needles: readonly string[]): Array<[number, number]> {
  let hay = normalize(text);
  if (hay.length !== text.length) hay = text.toLowerCase().length === text.length ? text.toLowerCase() : text;
  const ranges: Array<[number, number]> = [];
  for (const n of needles) {
    if (!n) continue;
    for (let i = hay.indexOf(n); i >= 0; i = hay.indexOf(n, i + n.length)) ranges.push([i, i + n.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** `text` as an HTML fragment with `ranges` wrapped in `<em>`. */
export function markRanges(text: string, ranges: ReadonlyArray<[number, number]>): string {
  let out = '';
  let at = 0;
  for (const [s, e] of ranges) {
    out += `${escape(text.slice(at, s))}<em>${escape(text.slice(s, e))}</em>`;
    at = e;
  }
  return out + escape(text.slice(at));
}

/** The highlighted title, or undefined when no needle occurs in it. */
export function titleHighlight(title: string, needles: readonly string[]): string[] | undefined {
  const r = findRanges(title, needles);
  return r.length ? [markRanges(title, r)] : undefined;
}

/** A snippet of `text` around its first match (whitespace collapsed), or undefined without a match. */
export function snippet(text: string, needles: readonly string[], width: number = SNIPPET_CHARS): string | undefined {
  const flat = text.replace(/\s+/g, ' ').trim();
  const ranges = findRanges(flat, needles);
  if (!ranges.length) return undefined;
  const start = Math.max(0, Math.min(ranges[0][0] - BEFORE, flat.length - width));
  const end = Math.min(flat.length, start + width);
  const inside = ranges
    .filter(([s, e]) => s < end && e > start)
    .map(([s, e]) => [Math.max(s, start) - start, Math.min(e, end) - start] as [number, number]);
  return `${start > 0 ? '…' : ''}${markRanges(flat.slice(start, end), inside)}${end < flat.length ? '…' : ''}`;
}

/** The body snippet of a public detail: from the body, else from the first visible table that matches. */
export function bodySnippet(detail: DisclosureDetail, needles: readonly string[]): string | undefined {
  const fromBody = snippet(plainBody(detail.body, detail.bodyFormat), needles);
  if (fromBody) return fromBody;
  for (const t of detail.tables) {
    if ('hidden' in t) continue;
    const s = snippet(tableText(t), needles);
    if (s) return s;
  }
  return undefined;
}

/** Highlights of one result. */
export function highlightsOf(title: string, detail: DisclosureDetail | undefined, needles: readonly string[]): SearchHighlights | undefined {
  const h: SearchHighlights = {};
  const t = titleHighlight(title, needles);
  if (t) h.title = t;
  const b = detail && bodySnippet(detail, needles);
  if (b) h.body = b;
  return h.title || h.body ? h : undefined;
}
