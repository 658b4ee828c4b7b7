import type { MyFeedbackSummary } from '@gongkai/shared';
import { formatDate } from '../../utils/format';
import { zh } from '../../i18n/zh';

/** The deadline line of an item: the answer date once answered, else the due date and working days left. */
export function deadlineText(f: MyFeedbackSummary): string {
  if (f.answeredAt) return zh.myFeedback.answeredAt(formatDate(f.answeredAt));
  if (f.remainingWorkingDays !== undefined) return `${zh.myFeedback.dueAt(formatDate(f.dueAt))} · ${zh.myFeedback.remaining(f.remainingWorkingDays)}`;
  return zh.myFeedback.dueAt(formatDate(f.dueAt));
}
