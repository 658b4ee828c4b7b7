import { DisclosureSearchItemSchema } from '@gongkai/shared';
import { useTestDatabase } from '../../../../test/support/db';
import { testApp } from '../../../../test/support/app';
import { seedCatalogue } from '../catalogue/seed';
import { resetSearchIndex, saveSnapshotNow, searchIndex } from './search';
import { clearSearchCache, searchPublished, searchPublishedJson } from './search-query';
import { dropSearchSnapshots, loadSearchSnapshot } from './search-snapshot';
import { disclosureTestRegions, draftBody, officials, publishVia, R, type Officials } from './testing';

const A = '/api/v1/admin/disclosures';
const P = '/api/v1/disclosures';
type Item = { id: string; title: string; highlights?: { title?: string[]; body?: string } };
const ids = (items: Item[]) => items.map((i) => i.id);
const RAW_ID = '330304199001011234';
const RAW_PHONE = '13812345678';

describe('full-text search of published disclosures (real database)', () => {
  useTestDatabase();
  const regions = disclosureTestRegions();
  const { http } = testApp({ regions });
  let o: Officials;
  const d: Record<string, string> = {};
  const search = (q: string, region: string = R.village, extra = '') =>
    http().get(`${P}/search?region=${region}&q=${encodeURIComponent(q)}${extra}`);

  beforeAll(async () => {
    await seedCatalogue();
    o = await officials(http);
    const pub = (editor: string, reviewer: string, over: Parameters<typeof draftBody>[0]) => publishVia(http, o[editor].auth, o[reviewer].auth, draftBody(over));
    // Oldest first: the body-only hit is published AFTER the title hit, so ranking (not recency) puts the title hit first.
    d.titleHit = await pub('townEditor', 'townReviewer', { regionCode: R.township, title: '景山街道保障性住房租赁补贴发放公示', body: '本季度补贴已发放到户。' });
    d.county = await pub('countyEditor', 'countyReviewer', { regionCode: R.county, title: '瓯海区公共租赁住房配租方案', body: '全区统一配租，租赁补贴标准另行公布。' });
    d.bodyHit = await pub('villageEditor', 'villageReviewer', {
      regionCode: R.village,
      title: '繁荣社区第三季度公示',
      body: `经审核，申请人住址为繁荣社区，身份证号${RAW_ID}，联系电话${RAW_PHONE}，符合租赁补贴条件，现予公示。`,
    });
    d.neighbour = await pub('townEditor', 'townReviewer', { regionCode: R.neighbour, title: '景山社区租赁补贴名单公示' });
    d.otherCounty = await pub('outEditor', 'outReviewer', { regionCode: R.otherCounty, title: '江山市租赁补贴公示' });
    d.table = await pub('villageEditor', 'villageReviewer', {
      regionCode: R.village,
      title: '繁荣社区公租房分配结果',
      body: '分配结果见下表。',
      tables: [
        { title: '分配结果', columns: [{ key: 'name', label: '姓名', pii: 'name' }, { key: 'room', label: '房源' }], rows: [{ name: '王小明', room: '锦绣家园3幢' }] },
      ],
    });
  });

  afterAll(async () => {
    await resetSearchIndex();
  });

  it('ranks a title hit before a body hit, and answers in the list envelope with highlights', async () => {
    const res = await search('租赁补贴');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 20 });
    expect(ids(res.body.items)).toEqual([d.titleHit, d.county, d.bodyHit]);
    for (const item of res.body.items) expect(DisclosureSearchItemSchema.strict().parse(item)).toEqual(item);
    expect(res.body.items[0].highlights.title).toEqual(['景山街道保障性住房<em>租赁补贴</em>发放公示']);
    expect(res.body.items[2].highlights.title).toBeUndefined();
    expect(res.body.items[2].highlights.body).toContain('<em>租赁补贴</em>');
  });

  it('searches within the region and its ancestors only, never a neighbouring village or another county', async () => {
    const mine = ids((await search('租赁补贴')).body.items);
    expect(mine).not.toContain(d.neighbour);
    expect(mine).not.toContain(d.otherCounty);
    expect(ids((await search('租赁补贴', R.neighbour)).body.items)).toEqual([d.neighbour, d.titleHit, d.county]);
    expect(ids((await search('租赁补贴', R.otherVillage)).body.items)).toEqual([d.otherCounty]);
    expect((await search('租赁补贴', R.county)).body.total).toBe(1);
    expect((await search('租赁补贴', '330304001999')).status).toBe(404);
  });

  it('never indexes or shows unmasked personal data: results and highlights are masked', async () => {
    const res = await search('身份证号');
    expect(ids(res.body.items)).toEqual([d.bodyHit]);
    expect(res.text).not.toContain(RAW_ID);
    expect(res.body.items[0].highlights.body).toContain('330304********1234');
    const phone = await search('联系电话');
    expect(phone.text).not.toContain(RAW_PHONE);
    expect(phone.body.items[0].highlights.body).toContain('138****5678');
    // The originals are not searchable, not even their visible remains.
    for (const q of [RAW_ID, RAW_PHONE, '1234', '王小明']) expect((await search(q)).body.total).toBe(0);
  });

  it('finds words of tables and shows the masked table row as the snippet', async () => {
    const res = await search('锦绣家园');
    expect(ids(res.body.items)).toEqual([d.table]);
    expect(res.body.items[0].highlights.body).toContain('<em>锦绣');
    expect(res.body.items[0].highlights.body).toContain('王**');
    expect(res.text).not.toContain('王小明');
  });

  it('stops matching a table with personal data once its posting period is over', async () => {
    const from = new Date();
    const to = new Date(Date.now() + 40 * 86_400_000);
    const day = (x: Date) => x.toISOString().slice(0, 10);
    const id = await publishVia(http, o.villageEditor.auth, o.villageReviewer.auth, draftBody({
      regionCode: R.village,
      title: '繁荣社区租金减免名单',
      body: '减免名单见下表。',
      validFrom: day(from),
      validTo: day(to),
      tables: [{ title: '减免名单', columns: [{ key: 'n', label: '户主', pii: 'name' }, { key: 'p', label: '楼栋' }], rows: [{ n: '李四', p: '翠微苑5幢' }] }],
    }));
    const q = { q: '翠微苑', region: R.village, page: 1, pageSize: 20 };
    expect(ids((await searchPublished({ regions }, q)).items)).toEqual([id]);
    expect((await searchPublished({ regions }, q, to.getTime() + 2 * 86_400_000)).total).toBe(0);
    // A cached result page does not outlive the posting period that made it match.
    expect(JSON.parse(await searchPublishedJson({ regions }, q)).total).toBe(1);
    expect(JSON.parse(await searchPublishedJson({ regions }, q, to.getTime() + 2 * 86_400_000)).total).toBe(0);
  });

  it('answers `q` on the list endpoint the same way, with domain filters and paging', async () => {
    const viaList = await http().get(`${P}?region=${R.village}&q=${encodeURIComponent('租赁补贴')}`);
    expect(viaList.body).toEqual((await search('租赁补贴')).body);
    expect((await search('租赁补贴', R.village, '&domain=poverty-relief')).body.total).toBe(0);
    const p2 = await search('租赁补贴', R.village, '&pageSize=2&page=2');
    expect(p2.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(ids(p2.body.items)).toEqual([d.bodyHit]);
    expect((await http().get(`${P}/search?region=${R.village}`)).status).toBe(400);
    expect((await http().get(`${P}/search?region=${R.village}&q[$ne]=x`)).status).toBe(400);
    // The title phrase still matches a query word the index has never seen.
    expect(ids((await search('三季')).body.items)).toEqual([d.bodyHit]);
  });

  it('lets officials find disclosures in scope by words of the published text, by title and by id', async () => {
    const list = (auth: string, q: string) => http().get(`${A}?q=${encodeURIComponent(q)}&pageSize=100`).set('Authorization', auth);
    const county = await list(o.countyAdmin.auth, '锦绣家园');
    expect(ids(county.body.items)).toEqual([d.table]);
    expect(ids((await list(o.countyAdmin.auth, '身份证号')).body.items)).toEqual([d.bodyHit]);
    expect(ids((await list(o.countyAdmin.auth, d.county)).body.items)).toEqual([d.county]);
    expect((await list(o.outAdmin.auth, '锦绣家园')).body.total).toBe(0);
    const draft = (await http().post(A).set('Authorization', o.villageEditor.auth).send(draftBody({ regionCode: R.village, title: '繁荣社区垃圾分类积分草稿' })).expect(201)).body.id;
    expect(ids((await list(o.villageEditor.auth, '垃圾分类积分')).body.items)).toEqual([draft]);
  });

  it('drops a withdrawn disclosure from search at once', async () => {
    const id = await publishVia(http, o.villageEditor.auth, o.villageReviewer.auth, draftBody({ regionCode: R.village, title: '繁荣社区停车位抽签结果' }));
    expect(ids((await search('停车位')).body.items)).toEqual([id]);
    await http().post(`${A}/${id}/withdraw`).set('Authorization', o.villageReviewer.auth).send({ reason: '信息有误' }).expect(200);
    expect((await search('停车位')).body.total).toBe(0);
  });

  it('searches the new version once it is approved, not before', async () => {
    const id = await publishVia(http, o.villageEditor.auth, o.villageReviewer.auth, draftBody({ regionCode: R.village, title: '繁荣社区电梯加装意见征集', body: '征集居民意见。' }));
    await http().patch(`${A}/${id}`).set('Authorization', o.villageEditor.auth).send({ title: '繁荣社区电梯加装结果公告', body: '加装方案已通过。' }).expect(200);
    expect(ids((await search('意见征集')).body.items)).toEqual([id]); // the draft is not public yet
    expect((await search('加装方案')).body.total).toBe(0);
    await http().post(`${A}/${id}/submit`).set('Authorization', o.villageEditor.auth).expect(200);
    await http().post(`${A}/${id}/approve`).set('Authorization', o.villageReviewer.auth).send({}).expect(200);
    expect((await search('意见征集')).body.total).toBe(0);
    const now = await search('加装方案');
    expect(ids(now.body.items)).toEqual([id]);
    expect(now.body.items[0]).toMatchObject({ version: 2, title: '繁荣社区电梯加装结果公告' });
  });

  it('rebuilds the same index from the published versions, and restores it from a snapshot', async () => {
    const before = (await search('租赁补贴')).body;
    await resetSearchIndex();
    clearSearchCache();
    expect((await search('租赁补贴')).body).toEqual(before);
    await saveSnapshotNow();
    const snap = await loadSearchSnapshot();
    expect(snap?.size).toBe((await searchIndex())!.size);
    await resetSearchIndex();
    clearSearchCache();
    expect((await search('租赁补贴')).body).toEqual(before);
    await dropSearchSnapshots();
  });
});
