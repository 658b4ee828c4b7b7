import { AdminFeedbackSummarySchema } from '@gongkai/shared';
import { useTestDatabase } from '../../../../test/support/db';
import { AuditEntryModel } from '../audit/model';
import { act, feedbackApp, feedbackOfficials, newResident, question, R, submitted, type Officials } from './testing';

const A = '/api/v1/admin/feedback';
type Item = { id: string };
const ids = (items: Item[]) => items.map((i) => i.id);

describe('routing and scope of the officials’ inbox', () => {
  useTestDatabase();
  const { http } = feedbackApp();
  let o: Officials;
  let me: { auth: string; id: string };
  let inTown: string;
  let inOtherTown: string;

  beforeAll(async () => {
    o = await feedbackOfficials(http);
    me = await newResident(http);
    inTown = (await submitted(http, me.auth, question())).id;
    inOtherTown = (await submitted(http, me.auth, question({ regionCode: R.otherTownVillage, content: '梧田街道的居民咨询：菜市场何时开业？' }))).id;
  });

  const list = async (auth: string, query = '') => {
    const res = await http().get(`${A}?pageSize=100${query}`).set('Authorization', auth);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('puts an item in the inbox of its township and of everyone above it, and in no one else’s', async () => {
    const town = await list(o.townEditor.auth);
    expect(ids(town.items)).toEqual([inTown]);
    expect(town).toMatchObject({ total: 1, page: 1, pageSize: 100 });
    for (const item of town.items) expect(AdminFeedbackSummarySchema.strict().parse(item)).toEqual(item);
    expect(ids((await list(o.otherTownEditor.auth)).items)).toEqual([inOtherTown]);
    expect(ids((await list(o.countyAdmin.auth)).items).sort()).toEqual([inTown, inOtherTown].sort());
    expect(ids((await list(o.countyAssessor.auth)).items).sort()).toEqual([inTown, inOtherTown].sort());
    // The village committee is below the township that handles its residents' questions.
    expect((await list(o.villageEditor.auth)).total).toBe(0);
    expect((await list(o.outAdmin.auth)).total).toBe(0);
  });

  it('hides an item from an official of another township: 404 to read and to act', async () => {
    const read = await http().get(`${A}/${inTown}`).set('Authorization', o.otherTownEditor.auth);
    expect(read.status).toBe(404);
    expect(read.body.error.code).toBe('NOT_FOUND');
    for (const [action, body] of [['accept', {}], ['answer', { text: '越权答复' }], ['reject', { reason: '越权驳回' }]] as const) {
      expect((await act(http, o.otherTownEditor.auth, inTown, action, body)).status).toBe(404);
      expect((await act(http, o.outAdmin.auth, inTown, action, body)).status).toBe(404);
    }
    expect((await act(http, o.otherTownAdmin.auth, inTown, 'reassign', { regionCode: R.otherTownship })).status).toBe(404);
    const still = await http().get(`${A}/${inTown}`).set('Authorization', o.townEditor.auth).expect(200);
    expect(still.body.status).toBe('received');
    expect(still.body.timeline).toHaveLength(1);
  });

  it('filters by region within scope and refuses a region outside it (403)', async () => {
    expect(ids((await list(o.countyAdmin.auth, `&region=${R.township}`)).items)).toEqual([inTown]);
    expect(ids((await list(o.countyAdmin.auth, `&region=${R.village}`)).items)).toEqual([inTown]);
    expect(ids((await list(o.countyAdmin.auth, `&region=${R.otherTownship}`)).items)).toEqual([inOtherTown]);
    const out = await http().get(`${A}?region=${R.otherTownship}`).set('Authorization', o.townEditor.auth);
    expect(out.status).toBe(403);
    expect(out.body.error.code).toBe('FORBIDDEN');
  });

  it('filters by state and type', async () => {
    const s = await submitted(http, me.auth, question({ type: 'suggestion', content: '建议增加公交班次，方便老人出行。' }));
    await act(http, o.townEditor.auth, s.id, 'accept').expect(200);
    expect(ids((await list(o.townAdmin.auth, '&state=accepted')).items)).toEqual([s.id]);
    expect(ids((await list(o.townAdmin.auth, '&type=suggestion')).items)).toEqual([s.id]);
    expect(ids((await list(o.townAdmin.auth, '&type=question&state=received')).items)).toEqual([inTown]);
    const one = (await http().get(`${A}?pageSize=1&page=2`).set('Authorization', o.townAdmin.auth).expect(200)).body;
    expect(one).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(ids(one.items)).toEqual([inTown]);
  });

  it('lets an admin reassign within scope: the item moves to the new body’s inbox, restarts at received, and is audited', async () => {
    const { id } = await submitted(http, me.auth, question({ content: '这个问题其实归梧田街道管：河道清淤何时进行？' }));
    await act(http, o.townEditor.auth, id, 'accept').expect(200);
    // A township admin cannot hand it outside the township.
    const outside = await act(http, o.townAdmin.auth, id, 'reassign', { regionCode: R.otherTownship });
    expect(outside.status).toBe(403);
    const moved = await act(http, o.countyAdmin.auth, id, 'reassign', { regionCode: R.otherTownship, note: '属梧田街道职责' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'received', assignedRegion: { code: R.otherTownship, name: '梧田街道' } });
    expect(moved.body.timeline.at(-1)).toMatchObject({ action: 'reassigned', status: 'received', region: { code: R.otherTownship }, note: '属梧田街道职责' });
    expect(ids((await list(o.otherTownEditor.auth)).items)).toContain(id);
    expect(ids((await list(o.townEditor.auth)).items)).not.toContain(id);
    expect((await act(http, o.townEditor.auth, id, 'answer', { text: '已不归我管' })).status).toBe(404);
    expect((await act(http, o.otherTownEditor.auth, id, 'accept')).status).toBe(200);
    const same = await act(http, o.countyAdmin.auth, id, 'reassign', { regionCode: R.otherTownship });
    expect(same.status).toBe(409);
    const unknown = await act(http, o.countyAdmin.auth, id, 'reassign', { regionCode: '330304999' });
    expect(unknown.status).toBe(400);
    const audit = await AuditEntryModel.findOne({ objectId: id, action: 'feedback.reassign' }).lean();
    expect(audit).toMatchObject({ regionCode: R.otherTownship, details: { fromRegion: R.township, toRegion: R.otherTownship } });
  });

  it('refuses resident tokens on the admin endpoints', async () => {
    expect((await http().get(A).set('Authorization', me.auth)).status).toBe(401);
    expect((await act(http, me.auth, inTown, 'accept')).status).toBe(401);
  });
});
