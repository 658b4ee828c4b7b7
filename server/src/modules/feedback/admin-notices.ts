import type { AdminNotice } from '@gongkai/shared';
import mongoose from '../../db/mongoose';
import { toShanghaiIso } from '../../workdays';
import { withLock } from '../disclosures/lock';

/*
 * Officials' in-app notices (the admin console's bell): the daily overdue reminder today, any module's
 * internal notices later. One document per official, `{ _id: userId, items }`, newest first and capped at
 * MAX_ITEMS, so reading and writing are single `_id` operations on FerretDB. A notice's `id` is chosen by its
 * sender and unique per official: sending the same id again (a retried job) replaces it instead of adding one.
 */

const MAX_ITEMS = 200;

/** A notice as stored. */
export interface AdminNoticeRecord {
  id: string;
  kind: string;
  title: string;
  body: string;
  link?: string;
  at: Date;
  readAt?: Date;
}

interface InboxRecord {
  _id: string;
  items: AdminNoticeRecord[];
  updatedAt: Date;
}

const inboxSchema = new mongoose.Schema({ _id: String, items: mongoose.Schema.Types.Mixed, updatedAt: Date }, { collection: 'admin_notices', versionKey: false });
export const AdminNoticeInboxModel = mongoose.model('AdminNoticeInbox', inboxSchema);
const inboxes = () => AdminNoticeInboxModel.collection as unknown as mongoose.mongo.Collection<InboxRecord>;

async function update(userId: string, fn: (items: AdminNoticeRecord[]) => AdminNoticeRecord[]): Promise<void> {
  await withLock(`admin-notices:${userId}`, async () => {
    const doc = await inboxes().findOne({ _id: userId });
    const items = fn(doc?.items ?? []).slice(0, MAX_ITEMS);
    await inboxes().replaceOne({ _id: userId }, { items, updatedAt: new Date() }, { upsert: true });
  });
}

/**
 * Adds a notice to each official's inbox (one `_id` write per official). A notice with an id the official
 * already has replaces it, keeping its read state when the text is unchanged.
 */
export async function addAdminNotice(userIds: string[], notice: Omit<AdminNoticeRecord, 'readAt'>): Promise<void> {
  for (const uid of new Set(userIds)) {
    await update(uid, (items) => {
      const old = items.find((i) => i.id === notice.id);
      const keepRead = old?.readAt && old.body === notice.body && old.title === notice.title;
      const fresh: AdminNoticeRecord = { ...notice, ...(keepRead ? { readAt: old.readAt } : {}) };
      if (!fresh.link) delete fresh.link;
      return [fresh, ...items.filter((i) => i.id !== notice.id)];
    });
  }
}

const view = (n: AdminNoticeRecord): AdminNotice => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  ...(n.link ? { link: n.link } : {}),
  at: toShanghaiIso(n.at),
  read: !!n.readAt,
});

/** The official's notices, newest first. */
export async function listAdminNotices(userId: string, q: { unread?: boolean; page: number; pageSize: number }) {
  const doc = await inboxes().findOne({ _id: userId });
  const all = doc?.items ?? [];
  const unread = all.filter((n) => !n.readAt).length;
  const matching = q.unread === undefined ? all : all.filter((n) => !n.readAt === q.unread);
  const start = (q.page - 1) * q.pageSize;
  return { items: matching.slice(start, start + q.pageSize).map(view), total: matching.length, page: q.page, pageSize: q.pageSize, unread };
}

/** Marks notices read (the given ids, or all); returns how many were unread. */
export async function markAdminNoticesRead(userId: string, sel: { ids?: string[]; all?: boolean }): Promise<{ marked: number }> {
  let marked = 0;
  const ids = new Set(sel.ids ?? []);
  const now = new Date();
  await update(userId, (items) =>
    items.map((n) => {
      if (n.readAt || !(sel.all || ids.has(n.id))) return n;
      marked += 1;
      return { ...n, readAt: now };
    }),
  );
  return { marked };
}
