import Taro from '@tarojs/taro';
import { MINIPROGRAM_PAGES } from '@gongkai/shared';

/**
 * Page URLs for navigation (Taro paths, leading slash). Tab pages are opened with `switchTab`. The pages
 * that notices, subscribe messages and the printed notice's QR code open use the shared constants
 * (`MINIPROGRAM_PAGES`), so links made by the server always land on a real page.
 */
export const HOME_URL = '/pages/index/index';
export const NOTICES_URL = `/${MINIPROGRAM_PAGES.notices}`;
export const MINE_URL = '/pages/mine/index';
export const PICKER_URL = '/packages/village/picker/index';
export const DISCLOSURE_URL = `/${MINIPROGRAM_PAGES.disclosure}`;
export const LIST_URL = '/packages/disclosures/list/index';
export const SEARCH_URL = '/packages/disclosures/search/index';
export const FEEDBACK_FORM_URL = '/packages/feedback/form/index';
export const MY_FEEDBACK_URL = '/packages/feedback/mine/index';
export const FEEDBACK_DETAIL_URL = `/${MINIPROGRAM_PAGES.feedbackDetail}`;
export const FOLLOWS_URL = '/packages/me/follows/index';

/** The tab pages (opened with switchTab, never navigateTo). */
export const TAB_URLS: readonly string[] = [HOME_URL, NOTICES_URL, MINE_URL];

/** A page URL with its query (`undefined` values left out). */
export function withQuery(url: string, query: Record<string, string | undefined>): string {
  const qs = Object.entries(query)
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return qs ? `${url}?${qs}` : url;
}

/** The disclosure page of one disclosure. */
export const disclosureUrl = (id: string): string => withQuery(DISCLOSURE_URL, { id });

/**
 * Opens a page path as notices give it (`pages/disclosure/index?id=…`, no leading slash): tab pages with
 * switchTab (which takes no query), the others with navigateTo.
 */
export function openPagePath(page: string): void {
  const url = page.startsWith('/') ? page : `/${page}`;
  const bare = url.split('?')[0];
  if (TAB_URLS.includes(bare)) void Taro.switchTab({ url: bare });
  else void Taro.navigateTo({ url });
}
