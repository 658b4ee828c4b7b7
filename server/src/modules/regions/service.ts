import { REGION_LEVELS, type Region, type RegionLevel } from '@gongkai/shared';
import { regionCollection } from './model';
import { RegionDirectory, type RegionRecord } from './directory';

export { RegionDirectory } from './directory';
export type { RegionRecord, RegionSearchOptions } from './directory';

const PROJECTION = { _id: 0, code: 1, name: 1, displayName: 1, level: 1, parentCode: 1, pinyin: 1, initials: 1, childCount: 1 };

/**
 * Reads every region from the database and builds a fresh directory (no caching). Reads through the
 * driver with large batches: mongoose hydration of 27k documents is not needed for read-only data.
 */
export async function loadRegionDirectory(): Promise<RegionDirectory> {
  const docs = await regionCollection().find({}, { projection: PROJECTION, batchSize: 30_000 }).toArray();
  const levels = new Set<string>(REGION_LEVELS);
  const records: RegionRecord[] = docs.map((d) => {
    if (!levels.has(d.level)) throw new Error(`region ${d.code}: unknown level ${d.level}`);
    return {
      code: String(d.code),
      name: String(d.name),
      displayName: String(d.displayName ?? d.name),
      level: d.level as RegionLevel,
      parentCode: d.parentCode ?? null,
      pinyin: String(d.pinyin ?? ''),
      initials: String(d.initials ?? ''),
      childCount: Number(d.childCount ?? 0),
    };
  });
  return RegionDirectory.fromRecords(records);
}

let shared: Promise<RegionDirectory> | undefined;

/**
 * The process-wide region directory: loaded from the database on first use and kept in memory
 * (`main.ts` loads it eagerly after the seeds). Other modules call it for a region's names and path:
 *
 * ```ts
 * const region = (await regionDirectory()).get(code); // undefined for an unknown code
 * region?.name;        // as published (古庄村委会), e.g. a disclosure's `regionName`
 * region?.displayName; // as residents say it (古庄村)
 * region?.path;        // [{ code, name, displayName, level }] from the province down to the region
 * ```
 * A failed load is not cached (the next call retries). The region seed drops the cached directory
 * whenever it changes the data, so the next call sees the new tree.
 */
export function regionDirectory(): Promise<RegionDirectory> {
  if (!shared) {
    const pending = loadRegionDirectory();
    shared = pending;
    pending.catch(() => {
      if (shared === pending) shared = undefined;
    });
  }
  return shared;
}

/** Forgets the cached directory (after the region data changed); the next `regionDirectory()` reloads. */
export function invalidateRegionDirectory(): void {
  shared = undefined;
}

/**
 * One region with its path, or undefined for an unknown code: shorthand for
 * `(await regionDirectory()).get(code)`.
 */
export async function findRegion(code: string): Promise<Region | undefined> {
  return (await regionDirectory()).get(code);
}
