import type {
  AdminDisclosureDetail,
  AdminDisclosureSummary,
  ApproveBody,
  AttachmentRef,
  CatalogueItemView,
  CatalogueLevel,
  DisclosureCreateBody,
  DisclosureDetail,
  DisclosureNoticeStats,
  DisclosureStatus,
  DisclosureUpdateBody,
  DisclosureVerify,
  DomainKey,
  Page,
  TableImportResult,
} from '@gongkai/shared';
import { api } from '../../services/request';

/*
 * API calls of the disclosure pages (公开事项): the officials' list and detail, the workflow steps, the
 * server's masked preview, verification, per-disclosure notices, attachments and xlsx table import.
 */

/** Filters of the officials' list (`GET /admin/disclosures`). */
export interface DisclosureQuery {
  status?: DisclosureStatus;
  domain?: DomainKey;
  item?: string;
  region?: string;
  q?: string;
  late?: boolean;
  overdue?: boolean;
  page: number;
  pageSize: number;
}

const base = '/admin/disclosures';

/** The in-scope list. */
export function listDisclosures(q: DisclosureQuery, signal?: AbortSignal): Promise<Page<AdminDisclosureSummary>> {
  return api.get(base, { ...q }, { signal });
}

/** Everything about one disclosure, unmasked (officials in scope; 404 otherwise). */
export function getDisclosure(id: string, signal?: AbortSignal): Promise<AdminDisclosureDetail> {
  return api.get(`${base}/${id}`, undefined, { signal });
}

/** What residents would see of the working copy (or the published version): masked by the server. */
export function previewDisclosure(id: string, signal?: AbortSignal): Promise<DisclosureDetail> {
  return api.get(`${base}/${id}/preview`, undefined, { signal });
}

/** The public hash-chain check (`GET /disclosures/:id/verify`). */
export function verifyDisclosure(id: string, signal?: AbortSignal): Promise<DisclosureVerify> {
  return api.get(`/disclosures/${id}/verify`, undefined, { signal, auth: false });
}

/** Creates a draft. */
export function createDisclosure(body: DisclosureCreateBody): Promise<AdminDisclosureSummary> {
  return api.post(base, body);
}

/** Edits the working copy (or starts the next version of a published disclosure). */
export function updateDisclosure(id: string, body: DisclosureUpdateBody): Promise<AdminDisclosureSummary> {
  return api.patch(`${base}/${id}`, body);
}

/** draft → pending. */
export function submitDisclosure(id: string): Promise<AdminDisclosureSummary> {
  return api.post(`${base}/${id}/submit`, {});
}

/** Publishes now, or at `publishAt`. */
export function approveDisclosure(id: string, body: ApproveBody): Promise<AdminDisclosureSummary> {
  return api.post(`${base}/${id}/approve`, body);
}

/** Back to draft with a comment. */
export function returnDisclosure(id: string, comment: string): Promise<AdminDisclosureSummary> {
  return api.post(`${base}/${id}/return`, { comment });
}

/** Withdraws a published disclosure. */
export function withdrawDisclosure(id: string, reason: string): Promise<AdminDisclosureSummary> {
  return api.post(`${base}/${id}/withdraw`, { reason });
}

/** Active catalogue items that apply to a region, optionally of one domain and level. */
export async function catalogueFor(
  q: { region: string; domain?: DomainKey; level?: CatalogueLevel },
  signal?: AbortSignal,
): Promise<CatalogueItemView[]> {
  return (await api.get<{ items: CatalogueItemView[] }>('/admin/catalogue', { ...q, active: true }, { signal })).items;
}

/** One catalogue item (the version a disclosure was made under when `version` is given). */
export function catalogueItem(id: string, version?: number, signal?: AbortSignal): Promise<CatalogueItemView> {
  return api.get(`/catalogue/${id}`, { version }, { signal, auth: false });
}

/** Delivery of one disclosure's notices to its followers. */
export function noticeStats(id: string, signal?: AbortSignal): Promise<DisclosureNoticeStats> {
  return api.get(`${base}/${id}/notices`, undefined, { signal });
}

/** Re-queues the failed WeChat messages worth retrying. */
export function resendNotices(id: string): Promise<{ requeued: number }> {
  return api.post(`${base}/${id}/notices/resend`, {});
}

/** Uploads an attachment to the draft (multipart `file`). */
export function uploadAttachment(id: string, file: File): Promise<AttachmentRef> {
  const form = new FormData();
  form.append('file', file);
  return api.post(`${base}/${id}/attachments`, form);
}

/** Removes an attachment from the draft. */
export function deleteAttachment(id: string, attachmentId: string): Promise<void> {
  return api.delete(`${base}/${id}/attachments/${attachmentId}`);
}

/** Reads an xlsx into a table of the draft; `dryRun` only checks and previews. Bad cells: VALIDATION_FAILED with row/column details. */
export function importTable(id: string, file: File, o: { title?: string; dryRun: boolean }): Promise<TableImportResult> {
  const form = new FormData();
  if (o.title) form.append('title', o.title);
  form.append('file', file);
  return api.post(`${base}/${id}/tables/import`, form, { query: { dryRun: o.dryRun ? 1 : undefined } });
}
