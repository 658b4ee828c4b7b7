import { useTestDatabase } from '../../../../test/support/db';
import { act, feedbackApp, feedbackOfficials, newResident, question, request, submitted, type Officials } from './testing';

/* End to end with the real notices module (registered by createApp): the resident's inbox. */
describe('the resident’s inbox after an answer, an extension and a rejection', () => {
  useTestDatabase();
  const { http, jobs } = feedbackApp();
  let o: Officials;
  let me: { auth: string; id: string };

  beforeAll(async () => {
    o = await feedbackOfficials(http, ['townEditor']);
    me = await newResident(http);
  });

  const drain = async () => {
    for (let i = 0; i < 10 && (await jobs.pollOnce()) > 0; i++);
  };
  const inbox = async () => (await http().get('/api/v1/me/notices').set('Authorization', me.auth).expect(200)).body;

  it('puts one notice per event in the resident’s /me/notices, opening the item’s page', async () => {
    const q = await submitted(http, me.auth, question());
    await act(http, o.townEditor.auth, q.id, 'accept').expect(200);
    await act(http, o.townEditor.auth, q.id, 'answer', { text: '每年3月开始受理。' }).expect(200);
    const r = await submitted(http, me.auth, request());
    await act(http, o.townEditor.auth, r.id, 'extend', { workingDays: 10, reason: '需要征求第三方意见' }).expect(200);
    await act(http, o.townEditor.auth, r.id, 'reject', { reason: '所申请信息不存在' }).expect(200);
    await drain();
    const n = await inbox();
    const byKind = Object.fromEntries(n.items.map((i: { kind: string }) => [i.kind, i]));
    expect(n.items.map((i: { kind: string }) => i.kind).sort()).toEqual(['answered', 'extended', 'rejected']);
    expect(byKind.answered).toMatchObject({ title: '您的咨询已答复', page: `packages/feedback/detail/index?id=${q.id}`, read: false });
    expect(byKind.answered.body).toContain(q.trackingNo);
    expect(byKind.extended.body).toContain('需要征求第三方意见');
    expect(byKind.rejected).toMatchObject({ title: '您的依申请公开未予受理', page: `packages/feedback/detail/index?id=${r.id}` });
    // Running the jobs again sends nothing twice.
    await jobs.enqueue('feedback.notify', { feedbackId: q.id, event: 'answered' }, { key: `again:${q.id}` });
    await drain();
    expect((await inbox()).total).toBe(3);
  });
});
