import { useTestDatabase } from '../../../../test/support/db';
import { listRatings, listResponsiveness } from './service';
import { submitFeedback } from './submit';
import { act, feedbackApp, feedbackOfficials, newResident, question, R, request, submitted, type Officials } from './testing';

const cst = (s: string) => new Date(`${s}+08:00`);

describe('rating an answer, and the data assessment reads', () => {
  useTestDatabase();
  const { http, deps } = feedbackApp();
  let o: Officials;
  let me: { auth: string; id: string };

  beforeAll(async () => {
    o = await feedbackOfficials(http, ['townEditor', 'otherTownEditor']);
    me = await newResident(http);
  });

  const rate = (id: string, body: unknown, auth = me.auth) => http().post(`/api/v1/me/feedback/${id}/rating`).set('Authorization', auth).send(body as object);
  const answered = async (body = question(), editor = o.townEditor.auth) => {
    const { id } = await submitted(http, me.auth, body);
    await act(http, editor, id, 'accept').expect(200);
    await act(http, editor, id, 'answer', { text: '已答复，详见说明。' }).expect(200);
    return id;
  };

  it('lets the resident rate once after the answer (1 不满意, 2 基本满意, 3 满意); a second rating is 409', async () => {
    const id = await answered();
    const before = (await http().get(`/api/v1/me/feedback/${id}`).set('Authorization', me.auth).expect(200)).body;
    expect(before.canRate).toBe(true);
    const res = await rate(id, { score: 3, comment: '答复很及时' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rating: { score: 3, comment: '答复很及时' }, canRate: false, status: 'answered' });
    expect(res.body.timeline.at(-1)).toMatchObject({ action: 'rated', status: 'answered' });
    const second = await rate(id, { score: 1 });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain('只能评价一次');
    const admin = await http().get(`/api/v1/admin/feedback/${id}`).set('Authorization', o.townEditor.auth).expect(200);
    expect(admin.body.rating).toEqual({ score: 3, comment: '答复很及时', at: res.body.rating.at });
  });

  it('keeps one rating when several arrive at once', async () => {
    const id = await answered();
    const results = await Promise.all([1, 2, 3, 2, 1].map((score) => rate(id, { score })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const winner = results.find((r) => r.status === 200)!.body.rating.score;
    const seen = (await http().get(`/api/v1/me/feedback/${id}`).set('Authorization', me.auth).expect(200)).body;
    expect(seen.rating.score).toBe(winner);
    expect(seen.timeline.filter((t: { action: string }) => t.action === 'rated')).toHaveLength(1);
  });

  it('refuses a rating before an answer or after a rejection (409), and on someone else’s item (404)', async () => {
    const open = await submitted(http, me.auth, question());
    expect((await rate(open.id, { score: 2 })).status).toBe(409);
    await act(http, o.townEditor.auth, open.id, 'reject', { reason: '重复提交' }).expect(200);
    expect((await rate(open.id, { score: 2 })).status).toBe(409);
    const id = await answered();
    const stranger = await newResident(http);
    expect((await rate(id, { score: 2 }, stranger.auth)).status).toBe(404);
  });

  it('accepts a rating after closing, and validates the score', async () => {
    const id = await answered();
    await act(http, o.townEditor.auth, id, 'close').expect(200);
    for (const bad of [{ score: 4 }, { score: 0 }, { score: '3' }, { score: 2.5 }, {}, { score: 2, comment: '长'.repeat(301) }]) {
      const res = await rate(id, bad);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await rate(id, { score: 1 })).body.rating.score).toBe(1);
  });

  it('exports ratings and responsiveness for assessment, by region and period', async () => {
    const other = await answered(question({ regionCode: R.otherTownVillage, content: '梧田街道的咨询。' }), o.otherTownEditor.auth);
    await rate(other, { score: 2 }).expect(200);
    const all = await listRatings();
    expect(all).toHaveLength(4);
    const town = await listRatings({ within: R.township });
    expect(town).toHaveLength(3);
    expect(town.map((r) => r.score)).toEqual(expect.arrayContaining([1, 3]));
    expect(town.every((r) => r.assignedRegion === R.township && r.regionCode === R.village)).toBe(true);
    expect(await listRatings({ within: R.otherTownship })).toEqual([expect.objectContaining({ feedbackId: other, score: 2, type: 'question', at: expect.any(Date) })]);
    expect(await listRatings({ from: new Date(Date.now() + 60_000) })).toEqual([]);

    // A request received in 2025 and answered now: late; one answered the day it came: on time, 0 working days.
    const { item } = await submitFeedback(deps, me, request(), { now: cst('2025-09-30T10:00:00') });
    await act(http, o.townEditor.auth, item.id, 'accept').expect(200);
    await act(http, o.townEditor.auth, item.id, 'answer', { text: '迟到的答复。' }).expect(200);
    const rows = await listResponsiveness({ within: R.township });
    const late = rows.find((r) => r.id === item.id);
    expect(late).toMatchObject({ type: 'request', assignedRegion: R.township, extended: false, onTime: false, overdue: false, status: 'answered' });
    expect(late?.dueAt.toISOString()).toBe(cst('2025-11-04T23:59:59.999').toISOString());
    expect(late?.workingDaysToAnswer).toBeGreaterThan(200);
    const prompt = rows.find((r) => r.status === 'answered' && r.id !== item.id);
    expect(prompt).toMatchObject({ onTime: true, workingDaysToAnswer: 0 });
    const open = rows.filter((r) => r.status === 'received' || r.status === 'accepted');
    expect(open.every((r) => r.answeredAt === undefined && r.onTime === undefined)).toBe(true);
    expect((await listResponsiveness({ within: R.township, from: cst('2025-01-01T00:00:00'), to: cst('2026-01-01T00:00:00') })).map((r) => r.id)).toEqual([item.id]);
    const summary = (await http().get(`/api/v1/admin/feedback/${item.id}`).set('Authorization', o.townEditor.auth).expect(200)).body;
    expect(summary).toMatchObject({ late: true, overdue: false });
  });
});
