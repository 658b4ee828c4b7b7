import { AdminFeedbackDetailSchema, MyFeedbackDetailSchema } from '@gongkai/shared';
import { useTestDatabase } from '../../../../test/support/db';
import { JobModel } from '../../jobs/model';
import { AuditEntryModel } from '../audit/model';
import { setFeedbackNotifier, type AnswerMessage, type ResidentFeedbackNotice } from './notify';
import { act, feedbackApp, feedbackOfficials, newResident, question, request, submitted, type Officials } from './testing';

describe('handling feedback: received → accepted → answered → closed, or rejected', () => {
  useTestDatabase();
  const { http, jobs } = feedbackApp();
  let o: Officials;
  let me: { auth: string; id: string };
  const notices: ResidentFeedbackNotice[] = [];
  const messages: AnswerMessage[] = [];

  beforeAll(async () => {
    o = await feedbackOfficials(http, ['townAdmin', 'townEditor', 'townReviewer', 'townAssessor']);
    me = await newResident(http);
    setFeedbackNotifier({
      createResidentNotice: async (n) => void notices.push(n),
      sendAnswerMessage: async (m) => void messages.push(m),
    });
  });
  afterAll(() => setFeedbackNotifier(undefined));

  const detail = (id: string) => http().get(`/api/v1/admin/feedback/${id}`).set('Authorization', o.townAdmin.auth);
  const mine = (id: string) => http().get(`/api/v1/me/feedback/${id}`).set('Authorization', me.auth);

  it('walks a question through every state, timestamped, with who did it, and audited', async () => {
    const { id, trackingNo } = await submitted(http, me.auth, question());
    const accepted = await act(http, o.townEditor.auth, id, 'accept', { note: '已转业务科室' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    const answered = await act(http, o.townReviewer.auth, id, 'answer', { text: '每年3月开始受理，需要身份证、户口簿和收入证明。' });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered', answer: { text: expect.stringContaining('3月'), public: true, by: { id: o.townReviewer.id } } });
    const closed = await act(http, o.townAdmin.auth, id, 'close');
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');

    const admin = (await detail(id).expect(200)).body;
    expect(AdminFeedbackDetailSchema.strict().parse(admin)).toEqual(admin);
    expect(admin.timeline.map((t: { action: string; status: string }) => `${t.action}:${t.status}`)).toEqual([
      'received:received',
      'accepted:accepted',
      'answered:answered',
      'closed:closed',
    ]);
    expect(admin.timeline[1]).toMatchObject({ note: '已转业务科室', by: { id: o.townEditor.id } });
    const times = admin.timeline.map((t: { at: string }) => Date.parse(t.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    // The resident sees the same history without officials' names.
    const res = (await mine(id).expect(200)).body;
    expect(MyFeedbackDetailSchema.strict().parse(res)).toEqual(res);
    expect(res.timeline.some((t: { by?: unknown }) => t.by)).toBe(false);
    expect(res.answer).toEqual({ text: admin.answer.text, at: admin.answer.at, public: true, region: { code: '330304001', name: '景山街道' } });
    expect(res.remainingWorkingDays).toBeUndefined();

    const audits = await AuditEntryModel.find({ objectId: id }).sort({ at: 1 }).lean();
    expect(audits.map((a) => a.action)).toEqual(['feedback.accept', 'feedback.answer', 'feedback.close']);
    expect(audits[1]).toMatchObject({ actor: { id: o.townReviewer.id }, regionCode: '330304001', details: { trackingNo, from: 'accepted', to: 'answered' } });
  });

  it('rejects with a reason the resident sees, from received or accepted', async () => {
    const a = await submitted(http, me.auth, question({ type: 'suggestion', content: '建议把村务公开栏搬到村口。' }));
    const rejected = await act(http, o.townEditor.auth, a.id, 'reject', { reason: '不属于本机关职责，请向村委会反映。' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('rejected');
    const res = (await mine(a.id).expect(200)).body;
    expect(res.rejection).toEqual({ reason: '不属于本机关职责，请向村委会反映。', at: expect.any(String) });
    expect(res.overdue).toBe(false);

    const b = await submitted(http, me.auth, request());
    await act(http, o.townEditor.auth, b.id, 'accept').expect(200);
    expect((await act(http, o.townEditor.auth, b.id, 'reject', { reason: '申请内容不明确。' })).body.status).toBe('rejected');
  });

  it.each([
    ['answer before accepting', [], 'answer', { text: '答复内容' }],
    ['close before an answer', ['accept'], 'close', {}],
    ['accept twice', ['accept'], 'accept', {}],
    ['reject after the answer', ['accept', 'answer'], 'reject', { reason: '理由理由' }],
    ['answer twice', ['accept', 'answer'], 'answer', { text: '第二次答复' }],
    ['reassign after the answer', ['accept', 'answer'], 'reassign', { regionCode: '330304001' }],
    ['accept after closing', ['accept', 'answer', 'close'], 'accept', {}],
    ['answer after rejecting', ['reject'], 'answer', { text: '答复内容' }],
    ['accept after rejecting', ['reject'], 'accept', {}],
    ['extend after the answer', ['accept', 'answer'], 'extend', { workingDays: 5, reason: '需要会商' }],
  ])('refuses to %s with 409 CONFLICT', async (_what, steps, action, body) => {
    const { id } = await submitted(http, me.auth, request({ content: `状态机测试：${action}，${steps.join('-')}。` }));
    const bodies: Record<string, object> = { answer: { text: '已答复，请查收。' }, reject: { reason: '不予受理的理由' } };
    for (const s of steps) await act(http, o.townAdmin.auth, id, s, bodies[s] ?? {}).expect(200);
    const before = (await detail(id)).body;
    const res = await act(http, o.townAdmin.auth, id, action, body);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
    expect(res.body.error.message).toMatch(/不能|只能|无需/);
    const after = (await detail(id)).body;
    expect(after.status).toBe(before.status);
    expect(after.timeline).toHaveLength(before.timeline.length);
  });

  it('lets assessors read but not act, and validates the bodies', async () => {
    const { id } = await submitted(http, me.auth, question());
    expect((await http().get(`/api/v1/admin/feedback/${id}`).set('Authorization', o.townAssessor.auth)).status).toBe(200);
    const denied = await act(http, o.townAssessor.auth, id, 'accept');
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('FORBIDDEN');
    expect((await act(http, o.townEditor.auth, id, 'reassign', { regionCode: '330304001003' })).status).toBe(403);
    const noReason = await act(http, o.townEditor.auth, id, 'reject', { reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details[0].path).toBe('body.reason');
    await act(http, o.townEditor.auth, id, 'accept').expect(200);
    expect((await act(http, o.townEditor.auth, id, 'answer', {})).status).toBe(400);
    expect((await act(http, o.townEditor.auth, 'not-an-id', 'accept')).status).toBe(400);
    expect((await act(http, o.townEditor.auth, 'aaaaaaaaaaaaaaaaaaaaaaaa', 'accept')).status).toBe(404);
  });

  it('tells the resident through the notices module: an in-app notice and the WeChat answer message', async () => {
    while ((await jobs.pollOnce()) > 0); // earlier tests' notices
    notices.length = 0;
    messages.length = 0;
    const { id, trackingNo } = await submitted(http, me.auth, question({ content: '请问村里的自来水价格是按什么标准收取的？每吨多少钱？' }));
    await act(http, o.townEditor.auth, id, 'accept').expect(200);
    const answered = await act(http, o.townEditor.auth, id, 'answer', { text: '按县物价局核定的标准，每吨3.2元。' }).expect(200);
    expect(await JobModel.countDocuments({ queue: 'feedback.notify' })).toBe(1);
    await jobs.pollOnce();
    expect(await JobModel.countDocuments({ queue: 'feedback.notify' })).toBe(0);
    expect(notices).toEqual([expect.objectContaining({ residentId: me.id, feedbackId: id, trackingNo, event: 'answered', title: '您的咨询已答复' })]);
    expect(notices[0].body).toContain('每吨3.2元');
    expect(messages).toHaveLength(1);
    const m = messages[0];
    expect(m).toMatchObject({ residentId: me.id, feedbackId: id, page: `packages/feedback/detail/index?id=${id}` });
    expect(m.values).toMatchObject({ trackingNo, answeredAt: expect.any(Date) });
    expect(Object.keys(m.data)).toEqual(['character_string1', 'thing2', 'time3']);
    expect(m.data.character_string1.value).toBe(trackingNo);
    expect([...m.data.thing2.value].length).toBeLessThanOrEqual(20);
    expect(m.data.thing2.value.startsWith('请问村里的自来水价格')).toBe(true);
    expect(m.data.time3.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    expect(answered.body.answeredAt).toBeDefined();

    // A rejection is an in-app notice only.
    const r = await submitted(http, me.auth, question());
    await act(http, o.townEditor.auth, r.id, 'reject', { reason: '重复提交。' }).expect(200);
    await jobs.pollOnce();
    expect(notices.map((n) => n.event)).toEqual(['answered', 'rejected']);
    expect(notices[1].body).toContain('重复提交');
    expect(messages).toHaveLength(1);
  });
});
