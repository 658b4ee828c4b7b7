/*
 * What other modules use from feedback (import from here, not from the files behind it):
 *
 *  - assessment: `listResponsiveness(filter)` (per item: region, assigned body, type, receivedAt, dueAt with
 *    any extension, answeredAt, working days to answer, onTime, overdue) and `listRatings(filter)` (score
 *    1 不满意 / 2 基本满意 / 3 满意, comment, at, region). See docs/feedback.md.
 *  - disclosures (回应 under a disclosure): `findPublic({ disclosureId })` — the public, masked Q&A about a
 *    disclosure, newest answer first (served from memory).
 *  - notices: implement `FeedbackNotifier` and register it with `setFeedbackNotifier` to deliver the
 *    resident's in-app notice and the WeChat answer message.
 *  - any module: `addAdminNotice(userIds, notice)` puts an in-app notice in officials' console inboxes.
 *  - main.ts (optional): `warmFeedbackIndex()` builds the in-memory index at start-up instead of on the first
 *    officials' read (one projected scan of `feedback`).
 */

export { listRatings, listResponsiveness, type AssessmentFilter, type RatingRow, type ResponsivenessRow } from './assessment';
export { findPublic } from './public';
export {
  setFeedbackNotifier,
  FEEDBACK_MINIAPP_PAGE,
  type AnswerMessage,
  type FeedbackNotifier,
  type ResidentFeedbackNotice,
  type ResidentNoticeEvent,
} from './notify';
export { addAdminNotice, listAdminNotices, type AdminNoticeRecord } from './admin-notices';
export { runOverdueReminders } from './reminders';
export { initialDueAt, extendedDueAt, remainingWorkingDays } from './deadlines';
export { warmFeedbackIndex } from './index-store';
