import { SavedVillagesSchema, type SavedVillages } from '@gongkai/shared';
import { pullVillages, setVillageSync, villagesStore, type VillageSource } from '../stores/villages';
import { getRegion } from './regions';
import { request } from './request';
import { sessionStore } from './session';

/**
 * The server copy of 我的村 (`GET/PUT /api/v1/me/villages`) behind the village store's sync seam. After a
 * sign-in the server's list is merged in (server order first, then villages only saved on this device);
 * when the server has none yet, this device's list is pushed. Every later change is pushed while signed in.
 */

/** Regions the last pull described (the server sends each saved village with its path). */
const described = new Map<string, VillageSource>();
/** The last pull could not read the server's list (so an empty answer must not be taken as "none"). */
let pullFailed = false;

function remember(body: SavedVillages): string[] {
  for (const v of body.items) {
    described.set(v.code, { code: v.code, name: v.name, displayName: v.displayName, path: v.path.map((p) => ({ ...p, displayName: p.displayName ?? p.name, level: p.level as VillageSource['path'][number]['level'] })) });
  }
  return body.codes;
}

/** Looks a village up: from the server's last answer, else the regions API (cached). */
async function resolve(code: string): Promise<VillageSource> {
  const known = described.get(code);
  if (known) return known;
  return (await getRegion(code)).data;
}

/** Plugs the server copy into the village store. */
export function installVillageSync(): void {
  setVillageSync({
    async push(codes) {
      // Never signs in just for this (a read-only site would answer 404): the next sign-in syncs anyway.
      if (sessionStore.get().status !== 'signed-in') return;
      await request('/api/v1/me/villages', { method: 'PUT', body: { codes }, auth: true, schema: SavedVillagesSchema });
    },
    async pull() {
      pullFailed = false;
      try {
        return remember(await request('/api/v1/me/villages', { auth: true, schema: SavedVillagesSchema }));
      } catch {
        pullFailed = true;
        return null; // offline or signed out: the local list stands
      }
    },
  });
}

/**
 * Merges the server's list into the local one, or pushes the local one when the server has none.
 * Resolves with what happened; never rejects (the local list always stands).
 */
export async function syncVillages(): Promise<'merged' | 'pushed' | 'none'> {
  try {
    if (await pullVillages(resolve)) return 'merged';
    // Only an account that really has no villages gets this device's list (never overwrite an unread one).
    if (pullFailed) return 'none';
    const local = villagesStore.get().map((v) => v.code);
    if (local.length === 0) return 'none';
    await request('/api/v1/me/villages', { method: 'PUT', body: { codes: local }, auth: true, schema: SavedVillagesSchema });
    return 'pushed';
  } catch {
    return 'none';
  }
}
