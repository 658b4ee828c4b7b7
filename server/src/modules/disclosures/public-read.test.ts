import { DisclosureListItemSchema } from '@gongkai/shared';
import { useTestDatabase } from '../../../../test/support/db';
import { testApp } from '../../../../test/support/app';
import { getCatalogueItem } from '../catalogue/service';
import { seedCatalogue } from '../catalogue/seed';
import { resetDisclosureIndex, setIndexCheckInterval } from './index-store';
import { disclosures, meta } from './model';
import { disclosureTestRegions, draftBody, officials, publishVia, R, type Officials } from './testing';

const A = '/api/v1/admin/disclosures';
const P = '/api/v1/disclosures';
type Item = { id: string; title: string; regionCode: string; publishedAt: string };
const ids = (items: Item[]) => items.map((i) => i.id);

describe('public reading (real database)', () => {
  useTestDatabase();
  const { http } = testApp({ regions: disclosureTestRegions() });
  let o: Officials;
  const d: Record<string, string> = {};

  beforeAll(async () => {
    await seedCatalogue();
    o = await officials(http);
    // In publication order (newest last).
    d.county = await publishVia(http, o.countyEditor.auth, o.countyReviewer.auth, draftBody({ regionCode: R.county, title: '瓯海区公租房配租方案' }));
    d.township = await publishVia(http, o.townEditor.auth, o.townReviewer.auth, draftBody({ regionCode: R.township, title: '景山街道承租资格公示' }));
    d.village = await publishVia(http, o.villageEditor.auth, o.villageReviewer.auth, draftBody({ regionCode: R.village, title: '繁荣社区配租结果' }));
    d.neighbour = await publishVia(http, o.townEditor.auth, o.townReviewer.auth, draftBody({ regionCode: R.neighbour, title: '景山社区配租结果' }));
    d.otherTownship = await publishVia(http, o.countyEditor.auth, o.countyReviewer.auth, draftBody({ regionCode: R.otherTownship, title: '梧田街道公示' }));
    d.otherCounty = await publishVia(http, o.outEditor.auth, o.outReviewer.auth, draftBody({ regionCode: R.otherCounty, title: '江山市公示' }));
    d.housing = await publishVia(
      http,
      o.townEditor.auth,
      o.townReviewer.auth,
      draftBody({ catalogueItemId: 'RH-03', regionCode: R.township, title: '农村危房等级评定标准' }),
    );
    d.draft = (await http().post(A).set('Authorization', o.villageEditor.auth).send(draftBody({ regionCode: R.village, title: '未发布草稿' })).expect(201)).body.id;
  });

  afterAll(() => setIndexCheckInterval(2_000));

  it('gives a villager their own, their township’s and their county’s disclosures, newest first, never a neighbour’s', async () => {
    const res = await http().get(`${P}?region=${R.village}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 4, page: 1, pageSize: 20 });
    expect(ids(res.body.items)).toEqual([d.housing, d.village, d.township, d.county]);
    const times = res.body.items.map((i: Item) => Date.parse(i.publishedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const item of res.body.items) expect(DisclosureListItemSchema.strict().parse(item)).toEqual(item);
    expect(res.body.items.find((i: Item) => i.id === d.village)).toMatchObject({ regionCode: R.village, regionName: '繁荣社区', level: 'village', version: 1, domain: 'affordable-housing' });
  });

  it('gives the neighbouring village its own list, and a county only county-level disclosures', async () => {
    expect(ids((await http().get(`${P}?region=${R.neighbour}`)).body.items)).toEqual([d.housing, d.neighbour, d.township, d.county]);
    expect(ids((await http().get(`${P}?region=${R.county}`)).body.items)).toEqual([d.county]);
    expect(ids((await http().get(`${P}?region=${R.otherVillage}`)).body.items)).toEqual([d.otherCounty]);
    const all = await http().get(`${P}?pageSize=100`);
    expect(all.body.total).toBe(7);
    expect(ids(all.body.items)).not.toContain(d.draft);
  });

  it('filters by domain, by item (id or code) and by title text', async () => {
    expect(ids((await http().get(`${P}?region=${R.village}&domain=rural-housing-renovation`)).body.items)).toEqual([d.housing]);
    expect(ids((await http().get(`${P}?region=${R.village}&item=RH-03`)).body.items)).toEqual([d.housing]);
    const ah04 = (await getCatalogueItem('AH-04'))!;
    expect((await http().get(`${P}?region=${R.village}&item=${ah04.id}`)).body.total).toBe(3);
    expect((await http().get(`${P}?region=${R.village}&item=ZZ-01`)).body).toMatchObject({ total: 0, items: [] });
    expect(ids((await http().get(`${P}?region=${R.village}&q=${encodeURIComponent('配租')}`)).body.items)).toEqual([d.village, d.county]);
  });

  it('pages through the merged list', async () => {
    const p1 = await http().get(`${P}?region=${R.village}&pageSize=3`);
    const p2 = await http().get(`${P}?region=${R.village}&pageSize=3&page=2`);
    expect(p1.body).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(ids([...p1.body.items, ...p2.body.items])).toEqual([d.housing, d.village, d.township, d.county]);
    expect((await http().get(`${P}?region=${R.village}&page=3&pageSize=3`)).body.items).toEqual([]);
    expect((await http().get(`${P}?pageSize=101`)).status).toBe(400);
  });

  it('answers 404 for drafts, unknown ids and unknown regions', async () => {
    expect((await http().get(`${P}/${d.draft}`)).status).toBe(404);
    expect((await http().get(`${P}/ffffffffffffffffffffffff`)).status).toBe(404);
    expect((await http().get(`${P}/${d.draft}/verify`)).status).toBe(404);
    expect((await http().get(`${P}?region=330304001999`)).status).toBe(404);
    const detail = await http().get(`${P}/${d.village}`);
    expect(detail.body).toMatchObject({ id: d.village, catalogueItem: { code: 'AH-04', version: 1 }, attachments: [], relatedIds: [] });
  });

  it('drops cached pages when something residents see changes', async () => {
    const first = await http().get(`${P}?region=${R.village}`);
    expect((await http().get(`${P}?region=${R.village}`)).text).toBe(first.text); // served from the page cache
    const fresh = await publishVia(http, o.villageEditor.auth, o.villageReviewer.auth, draftBody({ regionCode: R.village, title: '新发布' }));
    const after = await http().get(`${P}?region=${R.village}`);
    expect(after.headers['content-type']).toMatch(/application\/json/);
    expect(ids(after.body.items)[0]).toBe(fresh);
    await http().post(`${A}/${fresh}/withdraw`).set('Authorization', o.villageReviewer.auth).send({ reason: '测试撤回' }).expect(200);
    expect((await http().get(`${P}?region=${R.village}`)).text).toBe(first.text);
  });

  it('rebuilds the same index from the database', async () => {
    const before = (await http().get(`${P}?pageSize=100`)).body;
    resetDisclosureIndex();
    expect((await http().get(`${P}?pageSize=100`)).body).toEqual(before);
  });

  it('notices a change made by another process through the generation counter', async () => {
    setIndexCheckInterval(0);
    await http().get(`${A}`).set('Authorization', o.countyAdmin.auth).expect(200);
    // Another process withdraws the township's disclosure and bumps the counter.
    const mongoose = (await import('../../db/mongoose')).default;
    await disclosures().updateOne({ _id: new mongoose.Types.ObjectId(d.township) }, { $set: { status: 'withdrawn' } });
    await meta().updateOne({ _id: 'index' }, { $inc: { gen: 1 } });
    // Officials' reads wait for the check; residents' reads then see the rebuilt index.
    const admin = await http().get(`${A}?status=withdrawn`).set('Authorization', o.countyAdmin.auth);
    expect(ids(admin.body.items)).toContain(d.township);
    expect(ids((await http().get(`${P}?region=${R.village}`)).body.items)).toEqual([d.housing, d.village, d.county]);
  });
});
