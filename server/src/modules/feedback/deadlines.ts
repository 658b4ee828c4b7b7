import {
  FEEDBACK_MAX_EXTENSION_WORKING_DAYS,
  FEEDBACK_OPEN_STATUSES,
  FEEDBACK_RESPONSE_WORKING_DAYS,
  type FeedbackStatus,
  type FeedbackType,
} from '@gongkai/shared';
import { workingDaysBetween, workingDeadline } from '../../workdays';

/*
 * Response deadlines in China's working days (server/src/workdays: holidays and 调休 make-up days):
 *  - a 依申请公开 request: 20 working days from receipt (条例第三十三条), extendable once by at most 20;
 *  - a question or a suggestion: FEEDBACK_RESPONSE_WORKING_DAYS (10) working days from receipt.
 * Receipt is the submission time; the receipt day itself is not counted, and the deadline is the END of the
 * last day (23:59:59.999 China time). An extension counts its working days on from the previous due date.
 */

/** The deadline of an item received at `receivedAt`. */
export function initialDueAt(type: FeedbackType, receivedAt: Date): Date {
  return workingDeadline(receivedAt, FEEDBACK_RESPONSE_WORKING_DAYS[type]);
}

/** The deadline after extending `dueAt` by `workingDays` (1–20). */
export function extendedDueAt(dueAt: Date, workingDays: number): Date {
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > FEEDBACK_MAX_EXTENSION_WORKING_DAYS) {
    throw new RangeError(`extension must be 1–${FEEDBACK_MAX_EXTENSION_WORKING_DAYS} working days, got ${workingDays}`);
  }
  return workingDeadline(dueAt, workingDays);
}

/** True while the item waits for an answer. */
export function isOpen(status: FeedbackStatus): boolean {
  return FEEDBACK_OPEN_STATUSES.includes(status);
}

/** An open item past its deadline at `now`. */
export function isOverdue(item: { status: FeedbackStatus; dueAt: Date }, now: number): boolean {
  return isOpen(item.status) && now > item.dueAt.getTime();
}

/**
 * Working days from `now` up to and including the due date: 0 on the due date itself, negative once
 * overdue (by that many working days, at least -1). Undefined for items no longer open.
 */
export function remainingWorkingDays(item: { status: FeedbackStatus; dueAt: Date }, now: number): number | undefined {
  if (!isOpen(item.status)) return undefined;
  const n = workingDaysBetween(new Date(now), item.dueAt);
  // Past the deadline on a day off (a weekend right after a Friday due date) still reads as overdue.
  return isOverdue(item, now) ? Math.min(n, -1) : n;
}

/** Working days from receipt to an answer (receipt day not counted; an answer on the receipt day is 0). */
export function workingDaysTaken(receivedAt: Date, doneAt: Date): number {
  return Math.max(0, workingDaysBetween(receivedAt, doneAt));
}
