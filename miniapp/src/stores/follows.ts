import type { Follow, FollowCreateBody } from '@gongkai/shared';
import { follow as createFollow, listFollows, unfollow as deleteFollow } from '../services/follows';
import { createStore, useStore } from './create-store';

/**
 * The resident's follows, loaded once per session and kept current by this device's follow/unfollow, so
 * every follow button shows whether it is on (已关注) without asking the server each time.
 */
export const followsStore = createStore<Follow[] | null>(null);

let loading: Promise<Follow[]> | null = null;

/** Loads the follows (once; `force` reloads). */
export function loadFollows(force = false): Promise<Follow[]> {
  const known = followsStore.get();
  if (known && !force) return Promise.resolve(known);
  loading ??= listFollows()
    .then((items) => {
      followsStore.set(items);
      return items;
    })
    .finally(() => {
      loading = null;
    });
  return loading;
}

/** True when `f` is exactly the follow `t` describes (same place and the same filters). */
export function sameTarget(f: Follow, t: FollowCreateBody): boolean {
  return f.regionCode === t.regionCode && f.domain === t.domain && f.catalogueItemId === t.catalogueItemId && f.disclosureId === t.disclosureId;
}

/** The follow for a target, if the resident has it. */
export function findFollow(list: readonly Follow[] | null, t: FollowCreateBody): Follow | undefined {
  return list?.find((f) => sameTarget(f, t));
}

/** Follows a target and remembers it. */
export async function addFollow(t: FollowCreateBody): Promise<Follow> {
  const f = await createFollow(t);
  const list = followsStore.get() ?? [];
  followsStore.set([f, ...list.filter((x) => x.id !== f.id)]);
  return f;
}

/** Unfollows and forgets it. */
export async function removeFollow(id: string): Promise<void> {
  await deleteFollow(id);
  const list = followsStore.get();
  if (list) followsStore.set(list.filter((x) => x.id !== id));
}

/** Forgets the loaded follows (tests; sign-out). */
export function resetFollows(): void {
  followsStore.set(null);
  loading = null;
}

/** The follows in a component (null until loaded). */
export function useFollows(): Follow[] | null {
  return useStore(followsStore);
}
