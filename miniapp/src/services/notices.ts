import Taro from '@tarojs/taro';
import { NoticeListSchema, NoticesReadResponseSchema, type NoticeList } from '@gongkai/shared';
import { createStore, useStore } from '../stores/create-store';
import { loadWithCache, type Loaded } from './cache';
import { request } from './request';
import { sessionStore } from './session';

/**
 * The resident's inbox (`/api/v1/me/notices`) and its unread count, shown as the 消息 tab's badge
 * (`Taro.setTabBarBadge`; the tab is the second one).
 */

/** Index of the 消息 tab in app.config.ts's tab bar. */
export const NOTICES_TAB_INDEX = 1;

/** The unread count (null until known). */
export const unreadStore = createStore<number | null>(null);

/** Shows the unread count on the 消息 tab (a number, "99+", or nothing). */
export function showUnread(n: number): void {
  unreadStore.set(n);
  const done = () => undefined;
  if (n > 0) Taro.setTabBarBadge({ index: NOTICES_TAB_INDEX, text: n > 99 ? '99+' : String(n) }).catch(done);
  else Taro.removeTabBarBadge({ index: NOTICES_TAB_INDEX }).catch(done);
}

/** One page of the inbox, newest first (cached for offline reading); updates the badge. */
export async function loadNotices(page = 1): Promise<Loaded<NoticeList>> {
  const r = await loadWithCache('lists', `notices:${page}`, () => request('/api/v1/me/notices', { query: { page, pageSize: 30 }, auth: true, schema: NoticeListSchema }));
  if (!r.offline) showUnread(r.data.unread);
  return r;
}

/** Marks notices read (or all of them); updates the badge. */
export async function markRead(ids: string[] | 'all'): Promise<number> {
  const body = ids === 'all' ? { all: true } : { ids };
  const r = await request('/api/v1/me/notices/read', { method: 'POST', body, auth: true, schema: NoticesReadResponseSchema });
  showUnread(r.unread);
  return r.unread;
}

/** Refreshes the badge quietly (app show, tab switch); nothing when signed out or offline. */
export async function refreshUnread(): Promise<void> {
  if (sessionStore.get().status !== 'signed-in') return;
  try {
    const r = await request('/api/v1/me/notices', { query: { unread: 'true', pageSize: 1 }, auth: true, schema: NoticeListSchema, retries: 0 });
    showUnread(r.unread);
  } catch {
    /* the badge waits for the next chance */
  }
}

/** The unread count in a component. */
export function useUnread(): number | null {
  return useStore(unreadStore);
}
