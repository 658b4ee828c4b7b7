import type { AdminFeedbackDetail, AdminFeedbackSummary, AdminNotice, FeedbackStatus, FeedbackType, Page } from '@gongkai/shared';
import { api, requestFile } from '../../services/request';

/*
 * API calls of the questions & requests inbox (留言与申请) and of the officials' own notices.
 */

/** Filters of `GET /admin/feedback`. */
export interface FeedbackQuery {
  state?: FeedbackStatus;
  type?: FeedbackType;
  overdue?: boolean;
  region?: string;
  trackingNo?: string;
  page: number;
  pageSize: number;
}

/** The inbox of the caller's scope (newest first; longest overdue first with `overdue`). */
export function listFeedback(q: FeedbackQuery, signal?: AbortSignal): Promise<Page<AdminFeedbackSummary>> {
  return api.get('/admin/feedback', { ...q }, { signal });
}

/** One item with its timeline, contact and request details. */
export function getFeedback(id: string, signal?: AbortSignal): Promise<AdminFeedbackDetail> {
  return api.get(`/admin/feedback/${id}`, undefined, { signal });
}

/** The workflow steps; each answers with the item as `getFeedback` does. */
export const feedbackActions = {
  accept: (id: string, note?: string) => api.post<AdminFeedbackDetail>(`/admin/feedback/${id}/accept`, { note }),
  close: (id: string, note?: string) => api.post<AdminFeedbackDetail>(`/admin/feedback/${id}/close`, { note }),
  reassign: (id: string, regionCode: string, note?: string) => api.post<AdminFeedbackDetail>(`/admin/feedback/${id}/reassign`, { regionCode, note }),
  extend: (id: string, workingDays: number, reason: string) => api.post<AdminFeedbackDetail>(`/admin/feedback/${id}/extend`, { workingDays, reason }),
  answer: (id: string, text: string, isPublic?: boolean) => api.post<AdminFeedbackDetail>(`/admin/feedback/${id}/answer`, { text, public: isPublic }),
  reject: (id: string, reason: string) => api.post<AdminFeedbackDetail>(`/admin/feedback/${id}/reject`, { reason }),
};

/** An attached image as an object URL (the admin image endpoint needs the bearer token, so no plain <img src>). */
export async function imageUrl(feedbackId: string, imageId: string): Promise<string> {
  const f = await requestFile(`/admin/feedback/${feedbackId}/images/${imageId}`, { fallbackName: imageId });
  return URL.createObjectURL(f.blob);
}

/** The official's own notices (overdue reminders …) with the unread count. */
export function listNotices(q: { unread?: boolean; page?: number; pageSize?: number }, signal?: AbortSignal): Promise<Page<AdminNotice> & { unread: number }> {
  return api.get('/admin/notices', { ...q }, { signal });
}

/** Marks notices read. */
export function markNoticesRead(body: { ids?: string[]; all?: boolean }): Promise<{ marked: number }> {
  return api.post('/admin/notices/read', body);
}
