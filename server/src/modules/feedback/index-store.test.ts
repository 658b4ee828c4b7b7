import mongoose from '../../db/mongoose';
import { useTestDatabase } from '../../../../test/support/db';
import { listRatings, listResponsiveness } from './assessment';
import { resetFeedbackIndex, setFeedbackIndexCheckInterval } from './index-store';
import { feedback } from './model';
import { act, feedbackApp, feedbackOfficials, newResident, question, request, submitted, type Officials } from './testing';

describe('the in-memory index behind the inbox, reminders and assessment', () => {
  useTestDatabase();
  const { http } = feedbackApp();
  let o: Officials;
  let me: { auth: string; id: string };

  beforeAll(async () => {
    o = await feedbackOfficials(http, ['townAdmin']);
    me = await newResident(http);
    const a = await submitted(http, me.auth, question());
    await act(http, o.townAdmin.auth, a.id, 'accept').expect(200);
    await act(http, o.townAdmin.auth, a.id, 'answer', { text: '已答复。' }).expect(200);
    await http().post(`/api/v1/me/feedback/${a.id}/rating`).set('Authorization', me.auth).send({ score: 2, comment: '还行' }).expect(200);
    const b = await submitted(http, me.auth, request());
    await act(http, o.townAdmin.auth, b.id, 'extend', { workingDays: 10, reason: '需要会商' }).expect(200);
    const c = await submitted(http, me.auth, question({ type: 'suggestion', content: '建议增加垃圾分类宣传。' }));
    await act(http, o.townAdmin.auth, c.id, 'reject', { reason: '已在办理中' }).expect(200);
  });
  afterAll(() => setFeedbackIndexCheckInterval(2_000));

  const inbox = async () => (await http().get('/api/v1/admin/feedback?pageSize=100').set('Authorization', o.townAdmin.auth).expect(200)).body;

  it('rebuilds from the database to exactly what the writes kept current', async () => {
    const live = { inbox: await inbox(), responsiveness: await listResponsiveness({}, 0), ratings: await listRatings() };
    expect(live.inbox.total).toBe(3);
    expect(live.inbox.items.map((i: { extended: boolean; status: string }) => `${i.status}:${i.extended}`).sort()).toEqual(['answered:false', 'received:true', 'rejected:false']);
    resetFeedbackIndex();
    expect(await inbox()).toEqual(live.inbox);
    expect(await listResponsiveness({}, 0)).toEqual(live.responsiveness);
    expect(await listRatings()).toEqual(live.ratings);
  });

  it('notices writes of another process through the generation counter', async () => {
    setFeedbackIndexCheckInterval(0);
    const one = await feedback().findOne({ type: 'suggestion' });
    const _id = new mongoose.Types.ObjectId();
    await feedback().insertOne({ ...one!, _id, trackingNo: 'JY-20991231-0001', idempotencyKey: `auto#${_id}` });
    expect((await inbox()).total).toBe(3);
    await mongoose.connection.db!.collection<{ _id: string; gen: number }>('feedback_meta').updateOne({ _id: 'index' }, { $inc: { gen: 1 } });
    const after = await inbox();
    expect(after.total).toBe(4);
    expect(after.items.map((i: { trackingNo: string }) => i.trackingNo)).toContain('JY-20991231-0001');
  });
});
