import { FEEDBACK_STATUSES, FEEDBACK_TYPES, type FeedbackStatus, type FeedbackType } from '@gongkai/shared';
import type { FeedbackQuery } from './service';

/* The inbox filters live in the URL (`/feedback?overdue=true`, the link of the daily reminder notice). */

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined => (v && (list as readonly string[]).includes(v) ? (v as T) : undefined);
const num = (v: string | null, d: number) => (v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : d);

/** The inbox query a URL describes. */
export function feedbackQueryFromParams(p: URLSearchParams): FeedbackQuery {
  return {
    state: oneOf<FeedbackStatus>(FEEDBACK_STATUSES, p.get('state')),
    type: oneOf<FeedbackType>(FEEDBACK_TYPES, p.get('type')),
    overdue: p.get('overdue') === 'true' ? true : undefined,
    region: p.get('region') || undefined,
    trackingNo: p.get('trackingNo') || undefined,
    page: num(p.get('page'), 1),
    pageSize: Math.min(100, num(p.get('pageSize'), 20)),
  };
}

/** URL params of an inbox query (defaults left out). */
export function feedbackParams(q: FeedbackQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === '' || v === false) continue;
    if ((k === 'page' && v === 1) || (k === 'pageSize' && v === 20)) continue;
    out[k] = String(v);
  }
  return out;
}
