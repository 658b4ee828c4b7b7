import { deadlineOf, type TimeLimit } from '@gongkai/shared';
import { addDays, addWorkingDays, endOfShanghaiDay } from '../../workdays';

/*
 * Timeliness (条例第二十六条 and the catalogue's 公开时限). A disclosure's due date comes from its catalogue
 * item version's time limit (`deadlineOf`, the one shared interpretation) counted from its `eventDate`:
 *  - "within N working days" rules: the Nth working day after the event date (China's holiday calendar
 *    with 调休, server/src/workdays), e.g. 20 working days from formation (条例第二十六条);
 *  - "N working days / N days before the event" (听证前7个工作日, 停水前1日): counted backwards;
 *  - realtime: the event date itself.
 * The deadline is the END of that day in China time. Without an event date (or for a limit with no
 * computable due date) there is no due date, and the disclosure is never late or overdue.
 *
 * Flags: `late` = published after the due date (recorded at the first publication, and per version when a
 * next version changes the event date); `overdue` = a working copy not yet published whose due date has
 * passed (computed at read time, so it turns true by itself).
 */

/** The due instant for an event date under a time limit, or undefined. */
export function dueAtOf(timeLimit: TimeLimit, eventDate: string | undefined): Date | undefined {
  const spec = deadlineOf(timeLimit);
  if (!spec || !eventDate) return undefined;
  const day = spec.unit === 'working-days' ? addWorkingDays(eventDate, spec.offset) : addDays(eventDate, spec.offset);
  return endOfShanghaiDay(day);
}

/** True when something published at `publishedAt` missed `dueAt`. */
export function isLate(dueAt: Date | number | undefined, publishedAt: Date | number): boolean {
  if (dueAt === undefined) return false;
  return +publishedAt > +dueAt;
}

/** True when an unpublished working copy is past its due date at `now`. */
export function isOverdue(working: { dueAt?: Date | number } | undefined, now: number = Date.now()): boolean {
  return !!working?.dueAt && now > +working.dueAt;
}
