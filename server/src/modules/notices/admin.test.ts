import { MINIPROGRAM_PAGES } from '@gongkai/shared';
import { useTestDatabase } from '../../../../test/support/db';
import { createOfficial, loginAs } from '../../../../test/support/fixtures';
import { createResidentNotice, sendAnswerNotice } from './direct';
import { noticeRuntime } from './runtime';
import { R, TEST_WECHAT, useNoticeApp } from './testing';

const TPL = TEST_WECHAT.disclosureTemplate;
const DISCLOSURE = '65f200000000000000000001';

describe('notices: admin delivery view, resend, and notices for one resident', () => {
  useTestDatabase();
  const t = useNoticeApp();
  type Me = Awaited<ReturnType<typeof t.signIn>>;
  const auth: Record<string, string> = {};

  const resident = async (openid: string, quota: 'both' | 'ours-only' | 'none'): Promise<Me> => {
    const me = await t.signIn(openid);
    await t.http().post('/api/v1/me/follows').set('Authorization', me.auth).send({ regionCode: R.village });
    if (quota !== 'none') await t.http().post('/api/v1/me/subscribe-consent').set('Authorization', me.auth).send({ results: { [TPL]: 'accept' } });
    if (quota === 'both') t.emulator().grant(openid, TPL);
    return me;
  };

  beforeAll(async () => {
    for (const [name, role, region] of [
      ['countyReviewer', 'reviewer', R.county],
      ['countyEditor', 'editor', R.county],
      ['otherReviewer', 'reviewer', R.otherCounty],
      ['countyAssessor', 'assessor', R.county],
    ] as const) {
      const o = await createOfficial({ role, regionCode: region });
      auth[name] = await loginAs(t.http, o.username);
    }
  });

  it('reports in-app and WeChat delivery per disclosure, and re-queues the retryable failures', async () => {
    await resident('o-ok', 'both');
    await resident('o-refused', 'ours-only'); // WeChat holds no grant: 43101
    await resident('o-busy', 'both');
    await resident('o-none', 'none');
    // Every send to o-busy is answered "busy" until its attempts run out.
    const emu = t.emulator();
    const send = emu['send'].bind(emu);
    emu['send'] = (token: string | null, b: Record<string, unknown> | undefined) => (b?.touser === 'o-busy' ? { body: { errcode: -1, errmsg: 'system error' } } : send(token, b));
    await t.emit({ disclosureId: DISCLOSURE, regionCode: R.village });
    await t.drain();

    const stats = await t.http().get(`/api/v1/admin/disclosures/${DISCLOSURE}/notices`).set('Authorization', auth.countyAssessor);
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({
      disclosureId: DISCLOSURE,
      regionCode: R.village,
      inApp: 4,
      wechat: { planned: 3, sent: 1, digested: 0, unconfirmed: 0, skipped: 0, pending: 0, failed: 2, failedByReason: { refused: 1, busy: 1 }, retryable: 1 },
    });
    expect(stats.body.events).toEqual([expect.objectContaining({ kind: 'published', version: 1, status: 'queued', inApp: 4 })]);

    emu['send'] = send;
    expect((await t.http().post(`/api/v1/admin/disclosures/${DISCLOSURE}/notices/resend`).set('Authorization', auth.countyEditor)).status).toBe(403);
    expect((await t.http().post(`/api/v1/admin/disclosures/${DISCLOSURE}/notices/resend`).set('Authorization', auth.otherReviewer)).status).toBe(403);
    const resend = await t.http().post(`/api/v1/admin/disclosures/${DISCLOSURE}/notices/resend`).set('Authorization', auth.countyReviewer);
    expect(resend.status).toBe(200);
    expect(resend.body).toEqual({ requeued: 1 });
    await t.drain();
    const after = await t.http().get(`/api/v1/admin/disclosures/${DISCLOSURE}/notices`).set('Authorization', auth.countyReviewer);
    expect(after.body.wechat).toMatchObject({ sent: 2, failed: 1, failedByReason: { refused: 1 }, retryable: 0 });
    expect(emu.messagesTo('o-busy')).toHaveLength(1);
    expect(emu.messagesTo('o-refused')).toHaveLength(0);
  });

  it('is in scope only, 404 for an unknown disclosure, and needs an admin token', async () => {
    expect((await t.http().get(`/api/v1/admin/disclosures/${DISCLOSURE}/notices`).set('Authorization', auth.otherReviewer)).status).toBe(403);
    expect((await t.http().get('/api/v1/admin/disclosures/65f2000000000000000000ff/notices').set('Authorization', auth.countyReviewer)).status).toBe(404);
    const me = await t.signIn('o-nosy');
    expect((await t.http().get(`/api/v1/admin/disclosures/${DISCLOSURE}/notices`).set('Authorization', me.auth)).status).toBe(401);
  });

  it('creates a notice for one resident once per key, and sends the answer message with the answer template when there is quota', async () => {
    const me = await t.signIn('o-asker');
    const rt = noticeRuntime(t.deps());
    const n = { residentId: me.id, key: 'feedback:abc:answered', kind: 'answered' as const, title: '您的问题已答复', body: '受理编号 GK-1：已答复', page: `${MINIPROGRAM_PAGES.feedbackDetail}?id=abc` };
    const seq = await createResidentNotice(rt, n);
    expect(await createResidentNotice(rt, n)).toBe(seq);
    const answer = { residentId: me.id, feedbackId: 'abc', trackingNo: 'GK20261129-0001', summary: '征地补偿标准是多少？', answeredAt: new Date('2026-11-29T02:00:00Z'), page: n.page };
    await sendAnswerNotice(t.deps(), answer); // no quota yet: nothing to send
    await t.drain();
    expect(t.emulator().messagesTo('o-asker')).toHaveLength(0);

    t.emulator().grant('o-asker', TEST_WECHAT.answerTemplate);
    await t.http().post('/api/v1/me/subscribe-consent').set('Authorization', me.auth).send({ results: { [TEST_WECHAT.answerTemplate]: 'accept' } });
    await sendAnswerNotice(t.deps(), { ...answer, feedbackId: 'def' });
    await sendAnswerNotice(t.deps(), { ...answer, feedbackId: 'def' }); // once per item
    await t.drain();
    const msgs = t.emulator().messagesTo('o-asker');
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({
      templateId: TEST_WECHAT.answerTemplate,
      page: n.page,
      data: { character_string1: { value: 'GK20261129-0001' }, thing2: { value: '征地补偿标准是多少？' }, time3: { value: '2026年11月29日 10:00' } },
    });
    const inbox = (await t.http().get('/api/v1/me/notices').set('Authorization', me.auth)).body;
    expect(inbox.items).toEqual([expect.objectContaining({ id: String(seq), kind: 'answered', title: '您的问题已答复', body: '受理编号 GK-1：已答复', page: n.page, read: false })]);
  });
});
