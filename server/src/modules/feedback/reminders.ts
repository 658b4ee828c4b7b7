import { selfAndAncestors } from '@gongkai/shared';
import { AdminUserModel } from '../accounts/user.model';
import { isWorkingDay, shanghaiDate, workingDaysBetween } from '../../workdays';
import { addAdminNotice } from './admin-notices';
import { isOpen } from './deadlines';
import { feedbackEntries, type IndexEntry } from './index-store';

/*
 * The daily reminder (a recurring job, modules/jobs.ts): on each working day, every official who handles
 * items (admin, editor, reviewer) of a body with open items past their deadline — or due within
 * DUE_SOON_WORKING_DAYS — gets one in-app notice listing them. Recipients are the officials of the assigned
 * region itself; a body with no such official escalates to the nearest ancestor that has one, so no
 * overdue item goes unreported. The notice id is per day (`feedback-overdue:YYYY-MM-DD`): a re-run replaces
 * it. Items come from the in-memory index; the officials from one read of the (small) users collection.
 */

/** Items due within this many working days (and not yet overdue) are listed as 即将到期. */
export const DUE_SOON_WORKING_DAYS = 2;
/** At most this many tracking numbers per list in one notice. */
const LIST_MAX = 20;
const HANDLING_ROLES = new Set(['admin', 'editor', 'reviewer']);

type Row = IndexEntry;

/** What a run did. */
export interface ReminderRun {
  skipped?: 'non-working-day';
  overdue: number;
  dueSoon: number;
  /** Officials notified. */
  notified: number;
}

function listText(rows: Row[]): string {
  const shown = rows.slice(0, LIST_MAX).map((r) => `${r.trackingNo}（截止${shanghaiDate(r.dueAt)}）`);
  return rows.length > LIST_MAX ? `${shown.join('、')}等${rows.length}件` : shown.join('、');
}

/** The handling officials by region code. */
async function handlersByRegion(): Promise<Map<string, string[]>> {
  const users = await AdminUserModel.find({}, { _id: 1, role: 1, regionCode: 1, disabled: 1 }).lean();
  const out = new Map<string, string[]>();
  for (const u of users) {
    if (u.disabled || !HANDLING_ROLES.has(u.role)) continue;
    out.set(u.regionCode, [...(out.get(u.regionCode) ?? []), String(u._id)]);
  }
  return out;
}

/** The officials to remind about a body's items: its own, or the nearest ancestor's. */
function recipientsOf(region: string, handlers: Map<string, string[]>): string[] {
  for (const code of selfAndAncestors(region).reverse()) {
    const ids = handlers.get(code);
    if (ids?.length) return ids;
  }
  return [];
}

/** Sends the day's reminders (skipped on days off). */
export async function runOverdueReminders(now: Date = new Date()): Promise<ReminderRun> {
  if (!isWorkingDay(now)) return { skipped: 'non-working-day', overdue: 0, dueSoon: 0, notified: 0 };
  const t = now.getTime();
  const open = [...(await feedbackEntries())].filter((e) => isOpen(e.status));
  const overdue = open.filter((r) => t > r.dueAt.getTime());
  const dueSoon = open.filter((r) => t <= r.dueAt.getTime() && workingDaysBetween(now, r.dueAt) <= DUE_SOON_WORKING_DAYS);
  if (!overdue.length && !dueSoon.length) return { overdue: 0, dueSoon: 0, notified: 0 };

  const handlers = await handlersByRegion();
  const perUser = new Map<string, { overdue: Row[]; dueSoon: Row[] }>();
  const add = (rows: Row[], kind: 'overdue' | 'dueSoon') => {
    for (const r of rows) {
      for (const uid of recipientsOf(r.assignedRegion, handlers)) {
        const bucket = perUser.get(uid) ?? { overdue: [], dueSoon: [] };
        bucket[kind].push(r);
        perUser.set(uid, bucket);
      }
    }
  };
  add(overdue.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()), 'overdue');
  add(dueSoon.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()), 'dueSoon');

  const day = shanghaiDate(now);
  for (const [uid, b] of perUser) {
    const heads = [b.overdue.length ? `${b.overdue.length}件已超期` : '', b.dueSoon.length ? `${b.dueSoon.length}件即将到期` : ''].filter(Boolean);
    const lines = [b.overdue.length ? `已超期：${listText(b.overdue)}。` : '', b.dueSoon.length ? `即将到期：${listText(b.dueSoon)}。` : ''].filter(Boolean);
    await addAdminNotice([uid], {
      id: `feedback-overdue:${day}`,
      kind: 'feedback.overdue',
      title: `群众诉求办理提醒：${heads.join('，')}`,
      body: `${lines.join('\n')}\n请尽快办理并答复。`,
      link: b.overdue.length ? '/feedback?overdue=true' : '/feedback?state=accepted',
      at: now,
    });
  }
  return { overdue: overdue.length, dueSoon: dueSoon.length, notified: perUser.size };
}
