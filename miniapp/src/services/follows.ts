import Taro from '@tarojs/taro';
import { FollowListSchema, FollowSchema, SubscriptionStatusSchema, type Follow, type FollowCreateBody } from '@gongkai/shared';
import { isWeapp, subscribeTemplates } from '../config';
import { request } from './request';

/**
 * Follows (`/api/v1/me/follows`) and subscribe-message consent. WeChat only sends a subscribe message the
 * resident agreed to, and `wx.requestSubscribeMessage` works only inside a tap handler, so a follow button
 * calls `askConsent` FIRST, synchronously in its tap, then follows; the answer is reported to
 * `POST /api/v1/me/subscribe-consent`. H5 has no such API: there the in-app inbox is the only channel.
 */

/** WeChat's safe maximum of template ids per `requestSubscribeMessage` call. */
export const MAX_TEMPLATES_PER_CALL = 3;

/** What a consent request is for. */
export type ConsentPurpose = 'disclosure' | 'answer';

/** The configured template ids for these purposes: no empties, no repeats, at most 3. */
export function templateIdsFor(purposes: readonly ConsentPurpose[]): string[] {
  const t = subscribeTemplates();
  const ids = purposes.map((p) => t[p]).filter((id) => !!id);
  return [...new Set(ids)].slice(0, MAX_TEMPLATES_PER_CALL);
}

/** The results WeChat reports per template id. */
export type ConsentResults = Record<string, 'accept' | 'reject' | 'ban' | 'filter'>;

/**
 * Asks for subscribe-message consent (weapp; call it inside the tap handler, before any `await`) and
 * reports the answer to the server. Resolves with the results, or null where nothing was asked (H5, no
 * templates configured, or the resident closed the dialog). Never rejects: consent is a bonus, the follow
 * itself must go ahead.
 */
export function askConsent(purposes: readonly ConsentPurpose[]): Promise<ConsentResults | null> {
  const tmplIds = templateIdsFor(purposes);
  if (!isWeapp() || tmplIds.length === 0) return Promise.resolve(null);
  // Started synchronously, so WeChat still sees the tap.
  const asked = Taro.requestSubscribeMessage({ tmplIds } as unknown as Taro.requestSubscribeMessage.Option);
  return asked.then(
    async (res) => {
      const raw = res as unknown as Record<string, unknown>;
      const results: ConsentResults = {};
      for (const id of tmplIds) {
        const v = raw[id];
        if (v === 'accept' || v === 'reject' || v === 'ban' || v === 'filter') results[id] = v;
      }
      if (Object.keys(results).length === 0) return null;
      try {
        await request('/api/v1/me/subscribe-consent', { method: 'POST', body: { results }, auth: true, schema: SubscriptionStatusSchema });
      } catch {
        /* the follow still works; the next tap asks again */
      }
      return results;
    },
    () => null,
  );
}

/** 我的关注. */
export async function listFollows(): Promise<Follow[]> {
  return (await request('/api/v1/me/follows', { auth: true, schema: FollowListSchema })).items;
}

/** Follows a place, place + domain, catalogue item or disclosure (a repeat returns the existing follow). */
export function follow(body: FollowCreateBody): Promise<Follow> {
  return request('/api/v1/me/follows', { method: 'POST', body, auth: true, schema: FollowSchema });
}

/** One-tap unfollow. */
export async function unfollow(id: string): Promise<void> {
  await request(`/api/v1/me/follows/${encodeURIComponent(id)}`, { method: 'DELETE', auth: true });
}
