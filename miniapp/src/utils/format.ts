import { zh } from '../i18n/zh';

/**
 * Dates and the posting period (公示期) as residents read them. Times from the API carry an offset; they are
 * shown in China time (UTC+8, no daylight saving) whatever the phone's time zone.
 */

const CHINA_OFFSET_MS = 8 * 3600_000;

/** Year, month, day, hour and minute of an instant in China time. */
function chinaParts(ms: number) {
  const d = new Date(ms + CHINA_OFFSET_MS);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), min: d.getUTCMinutes() };
}

/** `2026年11月29日` for an ISO time or date (China time); '' for an unreadable value. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  // A bare date (YYYY-MM-DD) means that day in China.
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? Date.parse(`${iso}T00:00:00+08:00`) : Date.parse(iso);
  if (!Number.isFinite(ms)) return '';
  const p = chinaParts(ms);
  return zh.date(p.y, p.m, p.d);
}

/** `2026年11月29日 10:05` (China time). */
export function formatDateTime(iso: string | undefined): string {
  const date = formatDate(iso);
  if (!date || !iso || /^\d{4}-\d{2}-\d{2}$/.test(iso)) return date;
  const p = chinaParts(Date.parse(iso));
  return `${date} ${String(p.h).padStart(2, '0')}:${String(p.min).padStart(2, '0')}`;
}

/** Where a disclosure's posting period stands. */
export type PostingState = 'open' | 'closed' | 'future';

/** The posting period's state at `now`, or undefined when the disclosure has none. */
export function postingState(validFrom: string | undefined, validTo: string | undefined, now = Date.now()): PostingState | undefined {
  if (!validFrom && !validTo) return undefined;
  const from = validFrom ? Date.parse(validFrom) : -Infinity;
  const to = validTo ? Date.parse(validTo) : Infinity;
  if (now < from) return 'future';
  if (now > to) return 'closed';
  return 'open';
}

/** The state's words (shown with an icon, never by colour alone). */
export function postingLabel(state: PostingState): string {
  return state === 'open' ? zh.detail.postingOpen : state === 'closed' ? zh.detail.postingClosed : zh.detail.postingFuture;
}
