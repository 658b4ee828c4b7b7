import { PublicFeedbackItemSchema } from '@gongkai/shared';
import { useTestDatabase } from '../../../../test/support/db';
import { seedCatalogue } from '../catalogue/seed';
import { draftBody, publishVia } from '../disclosures/testing';
import { findPublic, resetPublicCache } from './public';
import { act, feedbackApp, feedbackOfficials, newResident, question, R, submitted, type Officials } from './testing';

const P = '/api/v1/feedback/public';
type Item = { id: string };
const ids = (items: Item[]) => items.map((i) => i.id).sort();

describe('GET /api/v1/feedback/public (回应: anonymized, masked)', () => {
  useTestDatabase();
  const { http } = feedbackApp();
  let o: Officials;
  let me: { auth: string; id: string };
  let disclosureId: string;
  const f: Record<string, string> = {};
  let trackingNo = '';

  const answer = async (id: string, text: string, extra: object = {}) => {
    const auth = id === f.otherTown ? o.otherTownEditor.auth : o.townEditor.auth;
    await act(http, auth, id, 'accept').expect(200);
    await act(http, auth, id, 'answer', { text, ...extra }).expect(200);
  };

  beforeAll(async () => {
    await seedCatalogue();
    o = await feedbackOfficials(http, ['townEditor', 'townReviewer', 'otherTownEditor']);
    me = await newResident(http);
    disclosureId = await publishVia(http, o.townEditor.auth, o.townReviewer.auth, draftBody({ regionCode: R.township }));
    const pii = await submitted(http, me.auth, question({ content: '我的电话13812345678，身份证330304199001011234，请问低保怎么申请？', contact: '13912345678' }));
    f.pii = pii.id;
    trackingNo = pii.trackingNo;
    f.private = (await submitted(http, me.auth, question({ public: false, content: '不愿公开的咨询：我家的补助为什么少了？' }))).id;
    f.privateAnswer = (await submitted(http, me.auth, question({ content: '同意公开，但答复涉及个人情况。' }))).id;
    f.unanswered = (await submitted(http, me.auth, question({ content: '还没有答复的公开咨询。' }))).id;
    f.aboutDisclosure = (await submitted(http, me.auth, question({ disclosureId, content: '关于这次公租房资格公示，异议怎么提？' }))).id;
    f.neighbour = (await submitted(http, me.auth, question({ regionCode: R.neighbour, content: '景山社区的健身器材坏了谁来修？' }))).id;
    f.otherTown = (await submitted(http, me.auth, question({ regionCode: R.otherTownVillage, content: '明瓯社区的路灯什么时候修？' }))).id;
    await answer(f.pii, '请携带身份证到街道便民服务中心办理，经办人电话13698765432。');
    await answer(f.private, '已核实，按标准发放。');
    await answer(f.privateAnswer, '已电话联系您本人说明。', { public: false });
    await answer(f.aboutDisclosure, '公示期内可向街道书面提出异议。');
    await answer(f.neighbour, '已通知物业维修。');
    await answer(f.otherTown, '本月底前修复。');
  });

  const get = async (query: string) => {
    const res = await http().get(`${P}?${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('lists a village’s answered public Q&A with its township’s, never private ones or a neighbour’s', async () => {
    const v = await get(`region=${R.village}`);
    expect(ids(v.items)).toEqual([f.pii, f.aboutDisclosure].sort());
    expect(v).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(ids((await get(`region=${R.neighbour}`)).items)).toEqual([f.neighbour, f.aboutDisclosure].sort());
    expect(ids((await get(`region=${R.township}`)).items)).toEqual([f.aboutDisclosure]);
    expect(ids((await get(`region=${R.otherTownVillage}`)).items)).toEqual([f.otherTown]);
    const all = await get('pageSize=100');
    for (const hidden of [f.private, f.privateAnswer, f.unanswered]) expect(ids(all.items)).not.toContain(hidden);
    expect(all.total).toBe(4);
  });

  it('shows the answers under their disclosure (回应)', async () => {
    const d = await get(`disclosureId=${disclosureId}`);
    expect(ids(d.items)).toEqual([f.aboutDisclosure]);
    expect(d.items[0]).toMatchObject({ disclosureId, region: { code: R.township, name: '景山街道' }, answer: { text: '公示期内可向街道书面提出异议。', region: { code: R.township } } });
    expect((await findPublic({ disclosureId })).map((p) => p._id)).toEqual([f.aboutDisclosure]);
  });

  it('masks phone and ID numbers in question and answer, and never shows the contact, the resident or the tracking number', async () => {
    const res = await http().get(`${P}?region=${R.village}`);
    const item = res.body.items.find((i: Item) => i.id === f.pii);
    expect(PublicFeedbackItemSchema.strict().parse(item)).toEqual(item);
    expect(item.content).toBe('我的电话138****5678，身份证330304********1234，请问低保怎么申请？');
    expect(item.answer.text).toBe('请携带身份证到街道便民服务中心办理，经办人电话136****5432。');
    const raw = res.text;
    for (const secret of ['13812345678', '330304199001011234', '13912345678', '13698765432', me.id, trackingNo, 'contact', 'residentId']) {
      expect(raw).not.toContain(secret);
    }
    expect(res.headers['cache-control']).toBe('public, max-age=60');
  });

  it('keeps the resident’s own view unmasked and says whether it is shown publicly', async () => {
    const own = (await http().get(`/api/v1/me/feedback/${f.pii}`).set('Authorization', me.auth).expect(200)).body;
    expect(own.content).toContain('13812345678');
    expect(own.contact).toBe('13912345678');
    expect(own.shownPublicly).toBe(true);
    const priv = (await http().get(`/api/v1/me/feedback/${f.privateAnswer}`).set('Authorization', me.auth).expect(200)).body;
    expect(priv).toMatchObject({ public: true, shownPublicly: false, answer: { public: false } });
  });

  it('keeps a closed item listed, and serves the list from the stored snapshots after a restart', async () => {
    await act(http, o.townEditor.auth, f.pii, 'close').expect(200);
    resetPublicCache();
    expect(ids((await get(`region=${R.village}`)).items)).toContain(f.pii);
  });

  it('refuses malformed filters', async () => {
    expect((await http().get(`${P}?region=abc`)).status).toBe(400);
    expect((await http().get(`${P}?disclosureId=x`)).status).toBe(400);
    expect((await http().get(`${P}?pageSize=1000`)).status).toBe(400);
  });
});
