import Taro from '@tarojs/taro';

/**
 * Local storage for the mini-program: `Taro.setStorageSync` (wx storage, 10 MB per user; localStorage on H5),
 * with every key under one prefix and every value wrapped in a versioned envelope. Storage can fail (quota,
 * a private browser window, a corrupted value): reads then return `undefined` and writes return `false`, so
 * the app works on without its memory instead of crashing.
 */

/** Prefix of every key the app writes. */
export const STORAGE_PREFIX = 'gk:';
/** Bump when a stored shape changes incompatibly: older values are then ignored. */
const FORMAT = 1;

interface Envelope<T> {
  v: number;
  data: T;
}

/** Reads a value written by `writeStored`, or undefined when absent, unreadable or of an old format. */
export function readStored<T>(key: string): T | undefined {
  try {
    const raw: unknown = Taro.getStorageSync(STORAGE_PREFIX + key);
    if (raw === '' || raw === undefined || raw === null) return undefined;
    const env = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Envelope<T>;
    return env && env.v === FORMAT ? env.data : undefined;
  } catch {
    return undefined;
  }
}

/** Stores a JSON-serialisable value; false when storage refused it (e.g. full). */
export function writeStored<T>(key: string, data: T): boolean {
  try {
    const env: Envelope<T> = { v: FORMAT, data };
    Taro.setStorageSync(STORAGE_PREFIX + key, JSON.stringify(env));
    return true;
  } catch {
    return false;
  }
}

/** Removes a stored value (no error when absent). */
export function removeStored(key: string): void {
  try {
    Taro.removeStorageSync(STORAGE_PREFIX + key);
  } catch {
    /* nothing to do: the value stays until storage works again */
  }
}
