import type { z } from 'zod';
import type { AuditEntrySchema, AuditListSchema } from '@gongkai/shared';
import { api } from '../../services/request';

/** One audit entry. */
export type AuditEntry = z.output<typeof AuditEntrySchema>;
/** A page of the audit log. */
export type AuditPage = z.output<typeof AuditListSchema>;

/** Filters of `GET /api/v1/admin/audit` (times as ISO 8601 with offset). */
export interface AuditQuery {
  actor?: string;
  action?: string;
  objectType?: string;
  region?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** The audit log of the admin's scope, newest first. */
export function listAudit(q: AuditQuery, signal?: AbortSignal): Promise<AuditPage> {
  return api.get<AuditPage>('/admin/audit', { ...q }, { signal });
}
