import { useTestDatabase } from '../../../../test/support/db';
import { toShanghaiIso, workingDaysBetween } from '../../workdays';
import { initialDueAt, remainingWorkingDays } from './deadlines';
import { getMine } from './resident';
import { submitFeedback } from './submit';
import { act, feedbackApp, feedbackOfficials, newResident, question, request, submitted, type Officials } from './testing';
import { extendFeedback } from './workflow';

/** An instant in China time. */
const cst = (s: string) => new Date(`${s}+08:00`);
const endOf = (date: string) => `${date}T23:59:59.999+08:00`;

describe('response deadlines in China working days (holidays and 调休)', () => {
  it('gives a request received just before National Day 2025 until 4 November (Oct 1–8 off, Sat 11 Oct worked)', () => {
    expect(toShanghaiIso(initialDueAt('request', cst('2025-09-30T10:00:00')))).toBe(endOf('2025-11-04'));
    // Received on a holiday: counting starts on the first working day after, so the same due date.
    expect(toShanghaiIso(initialDueAt('request', cst('2025-10-03T16:00:00')))).toBe(endOf('2025-11-04'));
  });

  it('gives questions and suggestions 10 working days, counting the 调休 Saturdays', () => {
    // 9, 10, 11 (Sat, worked), 13–17, 20, 21 October.
    expect(toShanghaiIso(initialDueAt('question', cst('2025-09-30T10:00:00')))).toBe(endOf('2025-10-21'));
    // Spring Festival 2026: Sat 14 Feb worked, 15–23 Feb off, Sat 28 Feb worked.
    expect(toShanghaiIso(initialDueAt('suggestion', cst('2026-02-13T09:00:00')))).toBe(endOf('2026-03-05'));
  });

  it('counts remaining working days on read: 0 on the due date, negative once overdue', () => {
    const item = { status: 'received' as const, dueAt: new Date(endOf('2025-11-04')) };
    expect(remainingWorkingDays(item, cst('2025-10-10T12:00:00').getTime())).toBe(18);
    expect(remainingWorkingDays(item, cst('2025-11-04T20:00:00').getTime())).toBe(0);
    expect(remainingWorkingDays(item, cst('2025-11-05T09:00:00').getTime())).toBe(-1);
    // Overdue over a weekend still reads as overdue.
    const friday = { status: 'accepted' as const, dueAt: new Date(endOf('2025-10-24')) };
    expect(remainingWorkingDays(friday, cst('2025-10-25T10:00:00').getTime())).toBe(-1);
    expect(remainingWorkingDays({ ...item, status: 'answered' }, Date.now())).toBeUndefined();
  });
});

describe('POST /api/v1/admin/feedback/:id/extend (条例第三十三条)', () => {
  useTestDatabase();
  const { http, jobs, deps } = feedbackApp();
  let o: Officials;
  let me: { auth: string; id: string };

  beforeAll(async () => {
    o = await feedbackOfficials(http, ['townAdmin', 'townEditor']);
    me = await newResident(http);
  });

  it('extends a request once, counting on from the previous deadline across holidays, with the reason shown to the applicant', async () => {
    const { item } = await submitFeedback(deps, me, request(), { now: cst('2025-09-12T09:00:00') });
    expect(item.dueAt).toBe(endOf('2025-10-16'));
    const extended = await extendFeedback(deps, o.townEditor.caller, item.id, { workingDays: 20, reason: '涉及第三方权益，需征求第三方意见。' }, { now: cst('2025-10-10T15:00:00') });
    expect(extended.dueAt).toBe(endOf('2025-11-13'));
    expect(extended.extension).toEqual({ workingDays: 20, reason: '涉及第三方权益，需征求第三方意见。', at: toShanghaiIso(cst('2025-10-10T15:00:00')), previousDueAt: endOf('2025-10-16') });

    const seen = await getMine(deps, me, item.id, cst('2025-10-20T09:00:00').getTime());
    expect(seen).toMatchObject({ dueAt: endOf('2025-11-13'), extended: true, remainingWorkingDays: 18, overdue: false });
    expect(seen.extension?.reason).toBe('涉及第三方权益，需征求第三方意见。');
    expect(seen.timeline.map((t) => t.action)).toEqual(['received', 'extended']);
    expect(seen.timeline[1].note).toBe('涉及第三方权益，需征求第三方意见。');

    await expect(extendFeedback(deps, o.townEditor.caller, item.id, { workingDays: 1, reason: '再延一天' }, { now: cst('2025-10-20T09:00:00') })).rejects.toMatchObject({
      status: 409,
      code: 'CONFLICT',
    });
    // The applicant is told (in-app notice job).
    expect(await jobs.enqueue('feedback.notify', {}, { key: `feedback.notify:${item.id}:extended` })).toBe(false);
  });

  it('refuses a second extension over HTTP with 409, and more than 20 working days with VALIDATION_FAILED', async () => {
    const { id } = await submitted(http, me.auth, request());
    for (const bad of [{ workingDays: 21, reason: '需要会商' }, { workingDays: 0, reason: '需要会商' }, { workingDays: 2.5, reason: '需要会商' }, { workingDays: 5 }]) {
      const res = await act(http, o.townAdmin.auth, id, 'extend', bad);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const first = await act(http, o.townAdmin.auth, id, 'extend', { workingDays: 20, reason: '需要会商' });
    expect(first.status).toBe(200);
    expect(workingDaysBetween(first.body.extension.previousDueAt, first.body.dueAt)).toBe(20);
    const second = await act(http, o.townAdmin.auth, id, 'extend', { workingDays: 3, reason: '还需要时间' });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain('只能延长一次');
  });

  it('refuses to extend a question or suggestion (409), or a request whose deadline has passed (409)', async () => {
    const q = await submitted(http, me.auth, question());
    const res = await act(http, o.townAdmin.auth, q.id, 'extend', { workingDays: 5, reason: '需要会商' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('只有依申请公开');
    const { item } = await submitFeedback(deps, me, request({ content: '一年前的申请，早已超期。' }), { now: cst('2025-09-12T09:00:00') });
    const late = await act(http, o.townAdmin.auth, item.id, 'extend', { workingDays: 5, reason: '需要会商' });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('期限已过');
  });
});
