/*
 * The UTF-8 bytes of cached JSON responses. The list pages, details and search pages are cached as JSON
 * text (read.ts, search-query.ts); sending a string makes Node measure it (Content-Length) and encode it on
 * every request — for a 9 KB page of Chinese titles that is a visible share of the request's CPU. The same
 * string object comes back from those caches while it is valid, so its bytes are kept here, keyed by the
 * string (V8 caches a string's hash; an identical object compares by pointer).
 */

const MAX_BYTES = 32 * 1024 * 1024;
const bytesOf = new Map<string, Buffer>();
let total = 0;

/** `json` as UTF-8 bytes, encoded once while the same text keeps being served. */
export function utf8Body(json: string): Buffer {
  let b = bytesOf.get(json);
  if (b) return b;
  b = Buffer.from(json, 'utf8');
  if (b.length > MAX_BYTES / 64) return b;
  bytesOf.set(json, b);
  total += b.length;
  while (total > MAX_BYTES) {
    const [k, v] = bytesOf.entries().next().value as [string, Buffer];
    bytesOf.delete(k);
    total -= v.length;
  }
  return b;
}
