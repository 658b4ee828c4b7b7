import type { z } from 'zod';
import type { AuditQuerySchema } from '@gongkai/shared';
import { selfAndAncestors } from '@gongkai/shared';
import type { AdminCaller } from '../../http/auth';
import { pageWindow } from '../../db/plugins';
import { scopeFilter } from '../accounts/scope';
import { AuditEntryModel } from './model';

/** What an audited action touched. */
export interface AuditObject {
  type: string;
  id?: string;
  regionCode?: string;
}

type Actor = Pick<AdminCaller, 'id' | 'username' | 'role' | 'regionCode' | 'ip' | 'userAgent'>;

/**
 * Appends an entry to the audit log: who (the caller), what (action), which object, when, from where.
 * Every admin write goes through here.
 */
export async function audit(caller: Actor, action: string, object: AuditObject, details?: unknown): Promise<void> {
  const region = object.regionCode ?? caller.regionCode;
  await AuditEntryModel.create({
    actor: { id: caller.id, username: caller.username, role: caller.role },
    action,
    objectType: object.type,
    objectId: object.id,
    regionCode: object.regionCode,
    scopeCodes: selfAndAncestors(region),
    ip: caller.ip,
    userAgent: caller.userAgent,
    details,
  });
}

/** The audit entries in the caller's scope, newest first, with filters. */
export async function listAudit(caller: AdminCaller, q: z.output<typeof AuditQuerySchema>) {
  const filter: Record<string, unknown> = { ...scopeFilter(caller, q.region) };
  if (q.actor) filter['actor.username'] = q.actor;
  if (q.action) filter.action = q.action;
  if (q.objectType) filter.objectType = q.objectType;
  if (q.objectId) filter.objectId = q.objectId;
  if (q.from || q.to) {
    filter.at = { ...(q.from ? { $gte: new Date(q.from) } : {}), ...(q.to ? { $lte: new Date(q.to) } : {}) };
  }
  const { skip, limit } = pageWindow(q.page, q.pageSize);
  const [items, total] = await Promise.all([
    AuditEntryModel.find(filter).sort({ at: -1, _id: -1 }).skip(skip).limit(limit),
    AuditEntryModel.countDocuments(filter),
  ]);
  return { items: items.map((d) => d.toJSON()), total, page: q.page, pageSize: q.pageSize };
}
