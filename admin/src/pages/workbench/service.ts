import type { AdminDisclosureSummary, AdminFeedbackSummary, CatalogueItemView, Page, UserListSchema } from '@gongkai/shared';
import type { z } from 'zod';
import { api } from '../../services/request';

/** How many officials the admin's scope has (`GET /admin/users?pageSize=1` → `total`). */
export async function countUsers(signal?: AbortSignal): Promise<number> {
  return (await api.get<z.output<typeof UserListSchema>>('/admin/users', { pageSize: 1 }, { signal })).total;
}

/** The active catalogue items that apply to the official's region (`GET /admin/catalogue?active=true`). */
export async function activeCatalogue(signal?: AbortSignal): Promise<CatalogueItemView[]> {
  return (await api.get<{ items: CatalogueItemView[] }>('/admin/catalogue', { active: true }, { signal })).items;
}

/** Figures of the disclosure cards: the official's drafts, pending reviews, overdue ones and those due soon. */
export interface DisclosureFigures {
  drafts: number;
  myDrafts: number;
  pending: number;
  overdue: number;
  /** Unpublished working copies with a due date, soonest first (overdue ones included). */
  byDeadline: AdminDisclosureSummary[];
}

const DUE_SOON_DAYS = 5;

/**
 * Reads the disclosure figures in four list calls (drafts, pending, scheduled, overdue). "Due soon" looks at
 * the first 100 unpublished working copies of each state, which covers a township's or county's workload.
 */
export async function disclosureFigures(userId: string, signal?: AbortSignal): Promise<DisclosureFigures> {
  const list = (q: Record<string, string | number | boolean>) => api.get<Page<AdminDisclosureSummary>>('/admin/disclosures', q, { signal });
  const [drafts, pending, scheduled, overdue] = await Promise.all([
    list({ status: 'draft', pageSize: 100 }),
    list({ status: 'pending', pageSize: 100 }),
    list({ status: 'scheduled', pageSize: 100 }),
    list({ overdue: true, pageSize: 1 }),
  ]);
  const soon = Date.now() + DUE_SOON_DAYS * 86_400_000;
  const byDeadline = [...drafts.items, ...pending.items, ...scheduled.items]
    .filter((d) => d.working?.dueAt && !d.firstPublishedAt && Date.parse(d.working.dueAt) <= soon)
    .sort((a, b) => Date.parse(a.working!.dueAt!) - Date.parse(b.working!.dueAt!));
  return {
    drafts: drafts.total,
    myDrafts: drafts.items.filter((d) => d.createdBy.id === userId).length,
    pending: pending.total,
    overdue: overdue.total,
    byDeadline,
  };
}

/** Figures of the question cards: open items, overdue ones, and the open ones by deadline. */
export interface FeedbackFigures {
  open: number;
  overdue: number;
  byDeadline: AdminFeedbackSummary[];
}

/** Reads the inbox figures (received + accepted are open; the soonest deadlines of the first 100 of each). */
export async function feedbackFigures(signal?: AbortSignal): Promise<FeedbackFigures> {
  const list = (q: Record<string, string | number | boolean>) => api.get<Page<AdminFeedbackSummary>>('/admin/feedback', q, { signal });
  const [received, accepted, overdue] = await Promise.all([
    list({ state: 'received', pageSize: 100 }),
    list({ state: 'accepted', pageSize: 100 }),
    list({ overdue: true, pageSize: 1 }),
  ]);
  const byDeadline = [...received.items, ...accepted.items].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  return { open: received.total + accepted.total, overdue: overdue.total, byDeadline };
}
