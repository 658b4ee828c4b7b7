import { readStored, removeStored, writeStored } from './storage';
import { ApiError } from './request';
import { zh } from '../i18n/zh';

/**
 * The weak-network cache: the last good answer of a read (home data, region lookups, lists, opened details)
 * kept in storage, shown when the server cannot be reached, with the time it was loaded. Entries live in
 * buckets, each with its own size limit, evicting the least recently written first, so the cache stays
 * well inside WeChat's 10 MB storage.
 */

/** Bucket → how many entries it keeps. */
export const CACHE_BUCKETS = {
  home: 10,
  regions: 200,
  lists: 30,
  details: 40,
} as const;
export type CacheBucket = keyof typeof CACHE_BUCKETS;

/** A stored answer. */
export interface CacheEntry<T> {
  data: T;
  /** When it was loaded (ms since epoch). */
  savedAt: number;
}

/** What `loadWithCache` resolves with. */
export interface Loaded<T> extends CacheEntry<T> {
  /** True when the server could not be reached and this is the stored copy. */
  offline: boolean;
}

const entryKey = (bucket: CacheBucket, key: string) => `cache:${bucket}:${key}`;
const indexKey = (bucket: CacheBucket) => `cache-index:${bucket}`;

/** The stored copy, or undefined. */
export function readCache<T>(bucket: CacheBucket, key: string): CacheEntry<T> | undefined {
  const e = readStored<CacheEntry<T>>(entryKey(bucket, key));
  return e && typeof e.savedAt === 'number' ? e : undefined;
}

/** Stores a fresh answer and evicts the bucket's oldest entries beyond its limit. */
export function writeCache<T>(bucket: CacheBucket, key: string, data: T, now = Date.now()): void {
  if (!writeStored<CacheEntry<T>>(entryKey(bucket, key), { data, savedAt: now })) return;
  const keys = [key, ...(readStored<string[]>(indexKey(bucket)) ?? []).filter((k) => k !== key)];
  for (const old of keys.splice(CACHE_BUCKETS[bucket])) removeStored(entryKey(bucket, old));
  writeStored(indexKey(bucket), keys);
}

/** Empties a bucket. */
export function clearCache(bucket: CacheBucket): void {
  for (const k of readStored<string[]>(indexKey(bucket)) ?? []) removeStored(entryKey(bucket, k));
  removeStored(indexKey(bucket));
}

/**
 * True for failures where a stored copy is the right answer: no response (offline, timeout), a gateway or
 * server error, or rate limiting. A 404 or 400 is a real answer and is never hidden behind old data.
 */
export function isUnavailable(e: unknown): boolean {
  return e instanceof ApiError && (e.status === 0 || e.status >= 500 || e.status === 429);
}

/**
 * Loads through `fetcher` and stores the answer; when the server is unavailable (see `isUnavailable`) and a
 * stored copy exists, resolves with it marked `offline`. Otherwise rethrows.
 */
export async function loadWithCache<T>(bucket: CacheBucket, key: string, fetcher: () => Promise<T>): Promise<Loaded<T>> {
  try {
    const data = await fetcher();
    const savedAt = Date.now();
    writeCache(bucket, key, data, savedAt);
    return { data, savedAt, offline: false };
  } catch (e) {
    const stored = isUnavailable(e) ? readCache<T>(bucket, key) : undefined;
    if (!stored) throw e;
    return { ...stored, offline: true };
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "HH:mm" for today, "M月D日 HH:mm" for an earlier day (local time). */
export function formatSavedAt(savedAt: number, now = Date.now()): string {
  const d = new Date(savedAt);
  const today = new Date(now);
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const sameDay = d.getFullYear() === today.getFullYear() && d.getMonth() === today.getMonth() && d.getDate() === today.getDate();
  return sameDay ? hm : zh.offline.day(d.getMonth() + 1, d.getDate(), hm);
}
