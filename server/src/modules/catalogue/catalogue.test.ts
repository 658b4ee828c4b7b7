import { DOMAIN_KEYS } from '@gongkai/shared';
import { useTestDatabase } from '../../../../test/support/db';
import { testApp } from '../../../../test/support/app';
import { createOfficial, loginAs } from '../../../../test/support/fixtures';
import { AuditEntryModel } from '../audit/model';
import { DEFAULT_CATALOGUE } from './data';
import { CatalogueItemModel, CatalogueMetaModel, CatalogueVersionModel } from './model';
import { seedCatalogue, type CatalogueSeedResult } from './seed';
import { catalogueItemAppliesTo, getCatalogueItem, getCatalogueVersion } from './service';
import { localItem, testRegions } from './testing';

type Item = { id: string; code: string; version: number; domain: string; levels: string[]; local: boolean; active: boolean; name: string; regionCode: string };
const codes = (items: Item[]) => items.map((i) => i.code);

describe('catalogue (real database)', () => {
  useTestDatabase();
  const { http } = testApp({ regions: testRegions() });
  let first: CatalogueSeedResult;
  const auth: Record<string, string> = {};

  beforeAll(async () => {
    first = await seedCatalogue();
    process.stderr.write(`[catalogue] first seed: ${first.inserted} items in ${first.ms} ms\n`);
    for (const [key, role, regionCode] of [
      ['province', 'admin', '33'],
      ['ouhai', 'admin', '330304'],
      ['jingshan', 'admin', '330304001'],
      ['jiangshan', 'admin', '330881'],
      ['editor', 'editor', '330304'],
      ['wenzhou', 'admin', '3303'],
    ] as const) {
      const { username } = await createOfficial({ role, regionCode });
      auth[key] = await loginAs(http, username);
    }
  });

  describe('seed', () => {
    it('inserts every default item once as version 1, each with its version record', async () => {
      expect(first).toMatchObject({ skipped: false, inserted: DEFAULT_CATALOGUE.length, versioned: 0, retired: 0 });
      expect(await CatalogueItemModel.countDocuments({ isDefault: true, version: 1, regionCode: '33', local: false })).toBe(DEFAULT_CATALOGUE.length);
      expect(await CatalogueVersionModel.countDocuments({ version: 1, source: 'seed' })).toBe(DEFAULT_CATALOGUE.length);
    });

    it('writes nothing on a re-run, and a full re-check (meta lost) changes no item or version', async () => {
      const before = await CatalogueItemModel.find().sort({ code: 1 }).lean();
      const versions = await CatalogueVersionModel.countDocuments();
      const again = await seedCatalogue();
      expect(again).toMatchObject({ skipped: true, inserted: 0, versioned: 0 });
      await CatalogueMetaModel.deleteMany({});
      expect(await seedCatalogue()).toMatchObject({ skipped: false, inserted: 0, versioned: 0, retired: 0 });
      expect(await CatalogueItemModel.find().sort({ code: 1 }).lean()).toEqual(before);
      expect(await CatalogueVersionModel.countDocuments()).toBe(versions);
    });

    it('makes a new version when authored content changes, and the stored version stays fetchable', async () => {
      const la01 = (await getCatalogueItem('LA-01'))!;
      const changed = DEFAULT_CATALOGUE.map((e) => (e.code === 'LA-01' ? { ...e, contentElements: [...e.contentElements, '征地补偿安置争议协调裁决制度'] } : e));
      expect(await seedCatalogue(changed)).toMatchObject({ skipped: false, inserted: 0, versioned: 1 });
      const now = (await getCatalogueItem(la01.id))!;
      expect(now.version).toBe(2);
      expect(now.contentElements).toContain('征地补偿安置争议协调裁决制度');
      expect(await getCatalogueVersion(la01.id, 1)).toEqual({ ...la01, active: true });
      const old = await http().get(`/api/v1/catalogue/${la01.id}?version=1`);
      expect(old.status).toBe(200);
      expect(old.body.contentElements).toEqual(la01.contentElements);
      expect(old.body.version).toBe(1);
      // The same content again: nothing happens.
      expect(await seedCatalogue(changed)).toMatchObject({ skipped: true, versioned: 0 });
      expect(await CatalogueVersionModel.countDocuments({ itemId: la01.id })).toBe(2);
    });

    it('keeps a province official\'s edit of a default item until the authored content changes', async () => {
      const edited = await http().patch('/api/v1/admin/catalogue/LA-02').set('Authorization', auth.province).send({ publisher: '县（市、区）人民政府' });
      expect(edited.status).toBe(200);
      expect(edited.body.version).toBe(2);
      await CatalogueMetaModel.deleteMany({});
      expect(await seedCatalogue()).toMatchObject({ skipped: false, versioned: 1 }); // LA-01 back to the authored text
      expect((await getCatalogueItem('LA-02'))!.publisher).toBe('县（市、区）人民政府');
    });

    it('retires a default item that is no longer authored, without deleting it', async () => {
      const last = DEFAULT_CATALOGUE[DEFAULT_CATALOGUE.length - 1];
      expect(await seedCatalogue(DEFAULT_CATALOGUE.slice(0, -1))).toMatchObject({ retired: 1 });
      expect((await getCatalogueItem(last.code))!.active).toBe(false);
      await CatalogueItemModel.updateOne({ code: last.code }, { $set: { active: true } });
      await seedCatalogue();
    });
  });

  describe('GET /api/v1/catalogue', () => {
    it('lists every province item with id, code and version, in domain order', async () => {
      const res = await http().get('/api/v1/catalogue');
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(DEFAULT_CATALOGUE.length);
      const items = res.body.items as Item[];
      expect(items.every((i) => i.id && i.code && i.version >= 1 && !i.local && i.active)).toBe(true);
      const order = items.map((i) => DOMAIN_KEYS.indexOf(i.domain as never));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    });

    it('filters by domain and by level', async () => {
      const byDomain = await http().get('/api/v1/catalogue?domain=compulsory-education');
      expect(codes(byDomain.body.items).sort()).toEqual(DEFAULT_CATALOGUE.filter((e) => e.domain === 'compulsory-education').map((e) => e.code).sort());
      const village = await http().get('/api/v1/catalogue?level=village&domain=land-acquisition');
      const expected = DEFAULT_CATALOGUE.filter((e) => e.domain === 'land-acquisition' && e.levels.includes('village'));
      expect(codes(village.body.items).sort()).toEqual(expected.map((e) => e.code).sort());
      expect(expected.length).toBeGreaterThan(0);
    });

    it('rejects bad filters and operator payloads with VALIDATION_FAILED, and an unknown region with 404', async () => {
      for (const q of ['domain=nope', 'level=city', 'region=abc', 'region[$ne]=x', 'domain[$gt]=']) {
        const res = await http().get(`/api/v1/catalogue?${q}`);
        expect([q, res.status, res.body.error?.code]).toEqual([q, 400, 'VALIDATION_FAILED']);
      }
      expect((await http().get('/api/v1/catalogue?region=339999')).status).toBe(404);
    });
  });

  describe('GET /api/v1/catalogue/:id', () => {
    it('returns the item by id and by code, with every element', async () => {
      const list = (await http().get('/api/v1/catalogue?domain=land-acquisition')).body.items as Item[];
      const byId = await http().get(`/api/v1/catalogue/${list[2].id}`);
      expect(byId.status).toBe(200);
      expect(byId.body).toEqual(list[2]);
      const byCode = await http().get(`/api/v1/catalogue/${list[2].code}`);
      expect(byCode.body.id).toBe(list[2].id);
      expect(byId.body).toMatchObject({ timeLimit: { text: expect.any(String) }, basis: expect.any(Array), stages: expect.any(Array) });
    });

    it('answers 404 for an unknown id, code or version and 400 for a malformed one', async () => {
      expect((await http().get('/api/v1/catalogue/0123456789abcdef01234567')).body.error.code).toBe('NOT_FOUND');
      expect((await http().get('/api/v1/catalogue/ZZ-99')).status).toBe(404);
      expect((await http().get('/api/v1/catalogue/LA-01?version=99')).status).toBe(404);
      for (const bad of ['not%20an%20id', 'la-01', '%24where', 'LA-01?version=0', 'LA-01?version=abc']) {
        const res = await http().get(`/api/v1/catalogue/${bad}`);
        expect([bad, res.status, res.body.error?.code]).toEqual([bad, 400, 'VALIDATION_FAILED']);
      }
    });
  });

  describe('local items', () => {
    let ouhaiItem: Item;

    it('are created by a county admin with a code under the county, and audited', async () => {
      const res = await http().post('/api/v1/admin/catalogue').set('Authorization', auth.ouhai).send(localItem('330304'));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ code: '330304-LA-01', version: 1, local: true, active: true, regionCode: '330304' });
      ouhaiItem = res.body;
      const entry = await AuditEntryModel.findOne({ action: 'catalogue.create', objectId: ouhaiItem.id }).lean();
      expect(entry?.regionCode).toBe('330304');
      expect(await CatalogueVersionModel.countDocuments({ itemId: ouhaiItem.id, version: 1, source: 'create' })).toBe(1);
    });

    it('show for the county\'s villages and townships only', async () => {
      const village = await http().get('/api/v1/catalogue?region=330304001002&domain=land-acquisition');
      expect(codes(village.body.items)).toContain('330304-LA-01');
      expect(codes(village.body.items).indexOf('330304-LA-01')).toBe(village.body.items.length - 1); // after the province items
      expect(codes((await http().get('/api/v1/catalogue?region=330304001')).body.items)).toContain('330304-LA-01');
      expect(codes((await http().get('/api/v1/catalogue?region=330881001001')).body.items)).not.toContain('330304-LA-01');
      expect(codes((await http().get('/api/v1/catalogue')).body.items)).not.toContain('330304-LA-01');
      const item = (await getCatalogueItem(ouhaiItem.id))!;
      expect([catalogueItemAppliesTo(item, '330304001002'), catalogueItemAppliesTo(item, '330881001001')]).toEqual([true, false]);
    });

    it('may be created by a township for itself and by the province as province items', async () => {
      const town = await http().post('/api/v1/admin/catalogue').set('Authorization', auth.jingshan).send(localItem('330304001', { name: '街道征地补偿款拨付' }));
      expect(town.status).toBe(201);
      expect(town.body.code).toBe('330304001-LA-01');
      const prov = await http().post('/api/v1/admin/catalogue').set('Authorization', auth.province).send(localItem('33', { name: '省级新增事项', code: '33-LA-01' }));
      expect(prov.status).toBe(201);
      expect(prov.body).toMatchObject({ local: false, regionCode: '33', code: '33-LA-01' });
      expect(codes((await http().get('/api/v1/catalogue?domain=land-acquisition')).body.items)).toContain('33-LA-01');
    });

    it('refuses creation outside the caller\'s scope, by non-admin roles, and for a bad owner or code', async () => {
      const post = (who: string, body: unknown) => http().post('/api/v1/admin/catalogue').set('Authorization', auth[who]).send(body as object);
      expect((await post('ouhai', localItem('330881'))).status).toBe(403);
      expect((await post('ouhai', localItem('33'))).status).toBe(403);
      expect((await post('editor', localItem('330304'))).status).toBe(403);
      expect((await http().post('/api/v1/admin/catalogue').send(localItem('330304'))).status).toBe(401);
      const city = await post('wenzhou', localItem('3303'));
      expect([city.status, city.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect((await post('ouhai', localItem('330304', { code: 'LA-99' }))).body.error.details[0].path).toBe('body.code');
      expect((await post('ouhai', localItem('330304', { code: '330304-LA-01' }))).status).toBe(409);
      const missing = await post('ouhai', { ...localItem('330304'), name: '', mode: 'sometimes' });
      expect(missing.status).toBe(400);
      expect(missing.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.mode', 'body.name']);
      const op = await post('ouhai', { ...localItem('330304'), name: { $gt: '' } });
      expect([op.status, op.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    });

    it('are edited into a new version, and the old version stays readable', async () => {
      const res = await http().patch(`/api/v1/admin/catalogue/${ouhaiItem.id}`).set('Authorization', auth.ouhai).send({ name: '村级征地补偿款分配方案及发放情况', audienceNote: null, audience: 'public' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ version: 2, audience: 'public', name: '村级征地补偿款分配方案及发放情况' });
      expect(res.body.audienceNote).toBeUndefined();
      const v1 = await http().get(`/api/v1/catalogue/${ouhaiItem.id}?version=1`);
      expect(v1.body).toMatchObject({ version: 1, name: ouhaiItem.name, audienceNote: '本村集体经济组织成员' });
      const versions = await http().get(`/api/v1/admin/catalogue/${ouhaiItem.id}/versions`).set('Authorization', auth.editor);
      expect(versions.body.items.map((v: { version: number; source: string }) => [v.version, v.source])).toEqual([[2, 'update'], [1, 'create']]);
      expect(versions.body.items[0].author.username).toMatch(/^admin330304/);
      // The same values again: no new version, no audit entry.
      const same = await http().patch(`/api/v1/admin/catalogue/${ouhaiItem.id}`).set('Authorization', auth.ouhai).send({ audience: 'public' });
      expect(same.body.version).toBe(2);
      expect(await AuditEntryModel.countDocuments({ action: 'catalogue.update', objectId: ouhaiItem.id })).toBe(1);
    });

    it('cannot be edited by another county, and province items are read-only to counties', async () => {
      const patch = (who: string, id: string, body: object) => http().patch(`/api/v1/admin/catalogue/${id}`).set('Authorization', auth[who]).send(body);
      const other = await patch('jiangshan', ouhaiItem.id, { name: '越权修改' });
      expect([other.status, other.body.error.code]).toEqual([403, 'FORBIDDEN']);
      const prov = await patch('ouhai', 'LA-03', { name: '县里改省级事项' });
      expect(prov.status).toBe(403);
      expect(prov.body.error.message).toMatch(/省级/);
      expect((await patch('jingshan', ouhaiItem.id, { name: '乡镇改县级事项' })).status).toBe(403);
      expect((await patch('editor', ouhaiItem.id, { name: '编辑无权' })).status).toBe(403);
      expect((await getCatalogueItem('LA-03'))!.version).toBe(1);
      // Bad bodies: unknown fields, operators, an invalid merged item.
      expect((await patch('ouhai', ouhaiItem.id, { version: 9 })).body.error.code).toBe('VALIDATION_FAILED');
      expect((await patch('ouhai', ouhaiItem.id, { name: { $ne: null } })).status).toBe(400);
      const merged = await patch('ouhai', ouhaiItem.id, { audience: 'specific' });
      expect(merged.body.error.details).toEqual([{ path: 'body.audienceNote', message: '公开对象为特定群体时请注明具体群体' }]);
      expect((await patch('ouhai', '0123456789abcdef01234567', { name: 'x' })).status).toBe(404);
    });

    it('are retired softly: gone from lists, still resolvable by id and version', async () => {
      const res = await http().post(`/api/v1/admin/catalogue/${ouhaiItem.id}/deactivate`).set('Authorization', auth.ouhai);
      expect(res.body).toMatchObject({ active: false, version: 2 });
      expect(codes((await http().get('/api/v1/catalogue?region=330304001002')).body.items)).not.toContain(ouhaiItem.code);
      expect((await http().get(`/api/v1/catalogue/${ouhaiItem.id}`)).body).toMatchObject({ active: false, version: 2 });
      expect((await http().get(`/api/v1/catalogue/${ouhaiItem.id}?version=1`)).body).toMatchObject({ active: false, version: 1 });
      expect(await AuditEntryModel.countDocuments({ action: 'catalogue.deactivate', objectId: ouhaiItem.id })).toBe(1);
      const inactive = await http().get('/api/v1/admin/catalogue?active=false').set('Authorization', auth.ouhai);
      expect(codes(inactive.body.items)).toEqual([ouhaiItem.code]);
      expect((await http().post(`/api/v1/admin/catalogue/${ouhaiItem.id}/activate`).set('Authorization', auth.ouhai)).body.active).toBe(true);
    });

    it('are listed for officials by scope: a county sees province items and its subtree, not another county', async () => {
      await http().post('/api/v1/admin/catalogue').set('Authorization', auth.jiangshan).send(localItem('330881', { name: '江山市本地事项' }));
      const ouhai = codes((await http().get('/api/v1/admin/catalogue?domain=land-acquisition').set('Authorization', auth.ouhai)).body.items);
      expect(ouhai).toEqual(expect.arrayContaining(['LA-01', '33-LA-01', '330304-LA-01', '330304001-LA-01']));
      expect(ouhai).not.toContain('330881-LA-01');
      const town = codes((await http().get('/api/v1/admin/catalogue?local=true').set('Authorization', auth.jingshan)).body.items);
      expect(town.sort()).toEqual(['330304-LA-01', '330304001-LA-01']);
      expect((await http().get('/api/v1/admin/catalogue?region=330881').set('Authorization', auth.ouhai)).status).toBe(403);
      expect((await http().get('/api/v1/admin/catalogue?region[$ne]=1').set('Authorization', auth.ouhai)).status).toBe(400);
    });
  });
});
