/*
 * What other modules use from notices:
 *  - feedback: `sendAnswerNotice(deps, …)` (the WeChat answer message) and the FeedbackNotifier registered by
 *    registerNoticeJobs (inbox notices for answers, extensions, rejections);
 *  - any module: `createResidentNotice(noticeRuntime(deps), …)` for an in-app notice (optionally with a WeChat
 *    message) to one resident, e.g. internal reminders;
 *  - disclosures: nothing to call — emit `disclosure.event` jobs (server/src/events.ts).
 */
export { createResidentNotice, sendAnswerNotice, type AnswerNoticeInput, type ResidentNoticeInput } from './direct';
export { noticeRuntime, type NoticeOptions, type NoticeRuntime } from './runtime';
export { NOTICE_SEND_QUEUE } from './fanout';
export { answerNoticeData, disclosureNoticeData } from '../../wechat/format';
