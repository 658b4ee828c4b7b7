import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import type { BodyFormat, MaskedTable } from '@gongkai/shared';

/*
 * Text analysis of the full-text search: what is indexed of a published version and how a query is cut.
 *
 *  - Only the PUBLIC (masked) snapshot of a version is ever analysed. Masked values (`张*`,
 *    `330304********1234`, `138****5678`) are cut out before segmentation, so not even their visible
 *    remains (an ID's region prefix and last four digits) become search terms.
 *  - Segmentation: jieba (one dictionary, loaded once per process, ~0.25 s) with HMM on, so place names
 *    missing from the dictionary (古岸头, 梧田) still come out as words. Documents are cut in search mode
 *    (`危房改造` → 危房, 房改, 改造, 危房改造), queries in the precise mode, so a query word matches both
 *    the long word and its parts.
 *  - Terms are NFKC-normalised (full-width → ASCII) and lower-cased; single characters, punctuation,
 *    function words and over-long runs are dropped; pure numbers only from titles and bodies (years, 亩
 *    figures), never from table cells (amounts would flood the index).
 *  - Bounded per document: the title, the first BODY_CHARS characters of the body (HTML stripped) and the
 *    first TABLE_CHARS characters of table text. Memory stays proportional to what residents search.
 */

/** Characters of a body that are indexed (the rest is still shown, just not searched). */
export const BODY_CHARS = 4_000;
/** Characters of table text (titles, column labels, text cells) that are indexed, per kind of table. */
export const TABLE_CHARS = 4_000;

let jieba: Jieba | undefined;
/** The segmenter (the dictionary is loaded on first use, once per process). */
export function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Function words that say nothing about a disclosure (every notice is 关于…的公示). */
const STOP = new Set(
  ('关于 以下 如下 或者 以及 并且 其中 我们 他们 这个 那个 一个 没有 可以 进行 有关 对于 为了 由于 因此 所以 但是 如果 因为 已经 ' +
    '现将 现予 予以 特此 如有 请于 之日起 之日 不得 应当 是否 及其').split(' '),
);

/** `张*`, `欧阳*`, `330304********1234`, `138****5678`: masked values, removed before cutting. */
const MASKED = /[\u3400-\u9fff]{1,2}\*+|[0-9A-Za-z]*\*+[0-9A-Za-z]*/g;
const HAS_WORD = /[\p{L}\p{N}]/u;
const DIGITS = /^[0-9]+$/;

/** Normalised form used on both sides: NFKC (full-width → ASCII) and lower case. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** True when a (normalised) token is worth indexing or searching for. */
function keep(t: string, numbers: boolean): boolean {
  if (t.length < 2 || t.length > 20 || !HAS_WORD.test(t) || STOP.has(t) || t.includes('*')) return false;
  if (DIGITS.test(t)) return numbers && t.length <= 8;
  return true;
}

/** Distinct index terms of a text (search-mode cut). */
export function indexTerms(text: string, numbers = true, into: Set<string> = new Set()): Set<string> {
  if (!text) return into;
  const clean = normalize(text).replace(MASKED, ' ');
  for (const t of segmenter().cutForSearch(clean, true)) {
    const w = t.trim();
    if (keep(w, numbers)) into.add(w);
  }
  return into;
}

/**
 * The terms of a query (precise-mode cut, in order, distinct). A query may still match by phrase: see
 * `queryPhrase`.
 */
export function queryTerms(q: string): string[] {
  const clean = normalize(q).replace(MASKED, ' ');
  const out: string[] = [];
  for (const t of segmenter().cut(clean, true)) {
    const w = t.trim();
    if (keep(w, true) && !out.includes(w)) out.push(w);
  }
  return out;
}

/** The parts of a long query word (search-mode cut), to try when the whole word is not in the index. */
export function subTerms(word: string): string[] {
  return [...indexTerms(word)].filter((t) => t !== word);
}

/** The query as one phrase for title matching: normalised, whitespace removed. */
export function queryPhrase(q: string): string {
  return normalize(q).replace(/\s+/g, '');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** The plain text of a body (sanitized HTML → text with block breaks as line breaks). */
export function plainBody(body: string, format: BodyFormat): string {
  if (format !== 'html') return body;
  return body
    .replace(/<(br|\/p|\/li|\/h[1-6]|\/tr|\/blockquote)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_m, e: string) => ENTITIES[e])
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The text of one table as residents see it: title, column labels, then text cells row by row. */
export function tableText(t: Pick<MaskedTable, 'title' | 'columns' | 'rows'>, max: number = TABLE_CHARS): string {
  const parts = [t.title, t.columns.map((c) => c.label).join(' ')];
  let n = parts[0].length + parts[1].length;
  for (const row of t.rows) {
    if (n >= max) break;
    const cells: string[] = [];
    for (const c of t.columns) {
      const v = row[c.key];
      if (typeof v === 'string' && v) cells.push(v);
    }
    const line = cells.join(' ');
    parts.push(line);
    n += line.length + 1;
  }
  return parts.join('\n').slice(0, max);
}

/** Terms of a published version by field. */
export interface AnalyzedDoc {
  title: Set<string>;
  /** Body and tables without personal data. */
  body: Set<string>;
  /** Tables with personal data (hidden from residents after the posting period, so searchable only until then). */
  personal: Set<string>;
}

/** The index terms of a version's public content. */
export function analyze(pub: { title: string; body: string; bodyFormat: BodyFormat; tables: ReadonlyArray<MaskedTable> }): AnalyzedDoc {
  const title = indexTerms(pub.title);
  const body = indexTerms(plainBody(pub.body, pub.bodyFormat).slice(0, BODY_CHARS));
  const plainTables = pub.tables.filter((t) => !t.personal);
  const personalTables = pub.tables.filter((t) => t.personal);
  const joined = (ts: MaskedTable[]) => ts.map((t) => tableText(t)).join('\n').slice(0, TABLE_CHARS);
  if (plainTables.length) indexTerms(joined(plainTables), false, body);
  const personal = personalTables.length ? indexTerms(joined(personalTables), false) : new Set<string>();
  return { title, body, personal };
}
