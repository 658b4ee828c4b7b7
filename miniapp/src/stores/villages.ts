import type { RegionRef } from '@gongkai/shared';
import { readStored, writeStored } from '../services/storage';
import { createStore, useStore } from './create-store';

/**
 * The resident's villages (我的村): at most `MAX_VILLAGES`, kept in storage, in order — the first is the
 * default, the one the home page shows; switching to another moves it to the front. The list is local for
 * now; `setVillageSync` is the seam for the server copy (`GET/PUT /api/v1/me/villages`, contract: ≤ 5
 * codes, same order semantics), to be plugged in by whoever builds that API's client.
 */

/** At most this many villages (the contract's limit for `/me/villages`). */
export const MAX_VILLAGES = 5;
const KEY = 'villages';

/** A saved village with what the app shows without asking the server. */
export interface SavedVillage {
  code: string;
  /** Name as published (古庄村委会). */
  name: string;
  /** Name as residents say it (古庄村). */
  displayName: string;
  /** From the province down to the village itself (as the regions API returns it). */
  path: RegionRef[];
}

/** Anything with a code, names and path: a `Region` or a `RegionSearchItem` from the regions API. */
export type VillageSource = Pick<SavedVillage, 'code' | 'name' | 'displayName' | 'path'>;

/** The server copy of the list, when there is one (see `setVillageSync`). */
export interface VillageSync {
  /** Stores the codes, first = default. Failures are the implementation's to retry; the local list stays. */
  push(codes: string[]): Promise<void>;
  /** The server's codes (first = default), or null when it has none or cannot be reached. */
  pull(): Promise<string[] | null>;
}

function sanitize(list: unknown): SavedVillage[] {
  if (!Array.isArray(list)) return [];
  return list
    .filter((v): v is SavedVillage => !!v && typeof v.code === 'string' && Array.isArray(v.path) && typeof v.displayName === 'string')
    .slice(0, MAX_VILLAGES);
}

/** The saved villages, first = default. */
export const villagesStore = createStore<SavedVillage[]>(sanitize(readStored(KEY)));

let sync: VillageSync | null = null;

/** Plugs in (or removes) the server copy; later changes are pushed to it. */
export function setVillageSync(next: VillageSync | null): void {
  sync = next;
}

function commit(next: SavedVillage[]): void {
  writeStored(KEY, next);
  villagesStore.set(next);
  // The local list is the source of truth on this device; a failed push must not undo a choice.
  sync?.push(next.map((v) => v.code)).catch(() => undefined);
}

function toSaved(r: VillageSource): SavedVillage {
  return { code: r.code, name: r.name, displayName: r.displayName, path: r.path.map(({ code, name, displayName, level }) => ({ code, name, displayName, level })) };
}

/** What `addVillage` did. */
export type AddResult = 'added' | 'moved' | 'full';

/**
 * Saves a village as the new default (front of the list). A village already saved just moves to the front;
 * a sixth one is refused with 'full' (the resident removes one in 我的 first).
 */
export function addVillage(region: VillageSource): AddResult {
  const list = villagesStore.get();
  const known = list.some((v) => v.code === region.code);
  if (!known && list.length >= MAX_VILLAGES) return 'full';
  commit([toSaved(region), ...list.filter((v) => v.code !== region.code)]);
  return known ? 'moved' : 'added';
}

/** Makes a saved village the default (moves it to the front). */
export function selectVillage(code: string): void {
  const list = villagesStore.get();
  const v = list.find((x) => x.code === code);
  if (v && list[0] !== v) commit([v, ...list.filter((x) => x !== v)]);
}

/** Forgets a saved village. */
export function removeVillage(code: string): void {
  const list = villagesStore.get();
  if (list.some((v) => v.code === code)) commit(list.filter((v) => v.code !== code));
}

/**
 * Merges the server copy into the local list: the server's order first, then villages only saved here, at
 * most `MAX_VILLAGES`. `resolve` looks up a code the device has not seen (`getRegion` of services/regions).
 * Returns false when there is no sync or the server had nothing.
 */
export async function pullVillages(resolve: (code: string) => Promise<VillageSource>): Promise<boolean> {
  const codes = sync ? await sync.pull() : null;
  if (!codes?.length) return false;
  const local = villagesStore.get();
  const byCode = new Map(local.map((v) => [v.code, v]));
  const merged: SavedVillage[] = [];
  for (const code of codes) {
    if (merged.length >= MAX_VILLAGES) break;
    const known = byCode.get(code);
    merged.push(known ?? toSaved(await resolve(code)));
  }
  for (const v of local) if (merged.length < MAX_VILLAGES && !merged.some((m) => m.code === v.code)) merged.push(v);
  commit(merged);
  return true;
}

/** Re-reads the list from storage (tests, app launch). */
export function reloadVillages(): void {
  villagesStore.set(sanitize(readStored(KEY)));
}

/** The saved villages in a component (first = default). */
export function useVillages(): SavedVillage[] {
  return useStore(villagesStore);
}
