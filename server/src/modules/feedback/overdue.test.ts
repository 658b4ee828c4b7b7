import { useTestDatabase } from '../../../../test/support/db';
import { RECURRING_JOBS } from '../jobs';
import { runOverdueReminders } from './reminders';
import { submitFeedback } from './submit';
import { act, feedbackApp, feedbackOfficials, newResident, question, R, submitted, type Officials } from './testing';

const cst = (s: string) => new Date(`${s}+08:00`);
const A = '/api/v1/admin/feedback';
type Item = { id: string; trackingNo: string; overdue: boolean; remainingWorkingDays?: number; dueAt: string };

describe('overdue items: flagged, listed for the scope, and reminded daily', () => {
  useTestDatabase();
  const { http, deps } = feedbackApp();
  let o: Officials;
  let me: { auth: string; id: string };
  const f: Record<string, { id: string; trackingNo: string }> = {};

  const at = async (when: string, body = question()) => (await submitFeedback(deps, me, body, { now: cst(when) })).item;

  beforeAll(async () => {
    o = await feedbackOfficials(http, ['countyAdmin', 'countyAssessor', 'townAdmin', 'townEditor', 'townReviewer', 'townAssessor', 'villageEditor', 'otherTownEditor']);
    me = await newResident(http);
    f.old = await at('2025-09-30T10:00:00'); // due 2025-10-21
    f.older = await at('2025-09-15T10:00:00'); // due Sunday 2025-09-28 (a 调休 working day)
    f.dueToday = await at('2025-10-09T10:00:00'); // due 2025-10-22
    f.later = await at('2025-10-20T10:00:00'); // due 2025-11-03
    f.otherTown = await at('2025-09-30T11:00:00', question({ regionCode: R.otherTownVillage }));
    f.quiet = await at('2025-09-30T12:00:00', question({ regionCode: R.quietVillage }));
    f.answered = await at('2025-09-30T13:00:00');
    await act(http, o.townEditor.auth, f.answered.id, 'accept').expect(200);
    await act(http, o.townEditor.auth, f.answered.id, 'answer', { text: '迟到的答复。' }).expect(200);
    f.fresh = await submitted(http, me.auth, question());
  });

  const list = async (auth: string, query: string) => {
    const res = await http().get(`${A}?pageSize=100&${query}`).set('Authorization', auth);
    expect(res.status).toBe(200);
    return res.body.items as Item[];
  };

  it('flags open items past their deadline and lists them for the scope’s admins and assessors, longest overdue first', async () => {
    const town = await list(o.townAdmin.auth, 'overdue=true');
    expect(town.map((i) => i.id)).toEqual([f.older.id, f.old.id, f.dueToday.id, f.later.id]);
    for (const i of town) {
      expect(i.overdue).toBe(true);
      expect(i.remainingWorkingDays).toBeLessThan(0);
    }
    expect((await list(o.townAssessor.auth, 'overdue=true')).map((i) => i.id)).toEqual(town.map((i) => i.id));
    const county = (await list(o.countyAssessor.auth, 'overdue=true')).map((i) => i.id);
    expect(county.sort()).toEqual([f.older.id, f.old.id, f.dueToday.id, f.later.id, f.otherTown.id, f.quiet.id].sort());
    expect((await list(o.otherTownEditor.auth, 'overdue=true')).map((i) => i.id)).toEqual([f.otherTown.id]);
    const notOverdue = (await list(o.townAdmin.auth, 'overdue=false')).map((i) => i.id);
    expect(notOverdue.sort()).toEqual([f.answered.id, f.fresh.id].sort());
    expect(await list(o.townAdmin.auth, 'overdue=true&state=answered')).toEqual([]);
    const fresh = (await list(o.townAdmin.auth, 'state=received')).find((i) => i.id === f.fresh.id);
    expect(fresh).toMatchObject({ overdue: false, remainingWorkingDays: 10 });
  });

  it('sends each handling official of the body one reminder a day listing its overdue and nearly due items', async () => {
    const run = await runOverdueReminders(cst('2025-10-22T08:30:00'));
    // Overdue on 22 Oct: older, old, otherTown, quiet; due today: dueToday; `later` is due in 8 working days.
    expect(run).toEqual({ overdue: 4, dueSoon: 1, notified: 5 });
    const notices = async (auth: string) => (await http().get('/api/v1/admin/notices').set('Authorization', auth).expect(200)).body;
    for (const who of [o.townAdmin, o.townEditor, o.townReviewer]) {
      const n = await notices(who.auth);
      expect(n).toMatchObject({ total: 1, unread: 1 });
      expect(n.items[0]).toMatchObject({ id: 'feedback-overdue:2025-10-22', kind: 'feedback.overdue', read: false, title: '群众诉求办理提醒：2件已超期，1件即将到期', link: '/feedback?overdue=true' });
      expect(n.items[0].body).toContain(`已超期：${f.older.trackingNo}（截止2025-09-28）、${f.old.trackingNo}（截止2025-10-21）。`);
      expect(n.items[0].body).toContain(`即将到期：${f.dueToday.trackingNo}`);
      expect(n.items[0].body).not.toContain(f.later.trackingNo);
      expect(n.items[0].body).not.toContain(f.otherTown.trackingNo);
    }
    const other = await notices(o.otherTownEditor.auth);
    expect(other.items[0].body).toContain(f.otherTown.trackingNo);
    expect(other.items[0].body).not.toContain(f.old.trackingNo);
    // 330304003 has no officials of its own: its item goes up to the county's handling officials.
    const county = await notices(o.countyAdmin.auth);
    expect(county.items).toHaveLength(1);
    expect(county.items[0].body).toContain(f.quiet.trackingNo);
    expect(county.items[0].body).not.toContain(f.old.trackingNo);
    for (const who of [o.townAssessor, o.countyAssessor, o.villageEditor]) expect((await notices(who.auth)).total).toBe(0);
  });

  it('replaces the day’s reminder on a re-run (keeping it read), skips days off, and adds the next day’s', async () => {
    const read = await http().post('/api/v1/admin/notices/read').set('Authorization', o.townEditor.auth).send({ all: true });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ marked: 1 });
    await runOverdueReminders(cst('2025-10-22T15:00:00'));
    let n = (await http().get('/api/v1/admin/notices').set('Authorization', o.townEditor.auth).expect(200)).body;
    expect(n).toMatchObject({ total: 1, unread: 0 });
    expect(await runOverdueReminders(cst('2025-10-25T08:30:00'))).toMatchObject({ skipped: 'non-working-day', notified: 0 });
    await runOverdueReminders(cst('2025-10-23T08:30:00'));
    n = (await http().get('/api/v1/admin/notices').set('Authorization', o.townEditor.auth).expect(200)).body;
    expect(n).toMatchObject({ total: 2, unread: 1 });
    expect(n.items.map((i: { id: string }) => i.id)).toEqual(['feedback-overdue:2025-10-23', 'feedback-overdue:2025-10-22']);
    const unread = (await http().get('/api/v1/admin/notices?unread=true').set('Authorization', o.townEditor.auth).expect(200)).body;
    expect(unread.items.map((i: { id: string }) => i.id)).toEqual(['feedback-overdue:2025-10-23']);
    const bad = await http().post('/api/v1/admin/notices/read').set('Authorization', o.townEditor.auth).send({});
    expect(bad.status).toBe(400);
  });

  it('is scheduled as a daily recurring job', () => {
    const job = RECURRING_JOBS.find((j) => j.name === 'feedback.reminders');
    expect(job?.when).toEqual({ dailyAt: '08:30' });
  });
});
