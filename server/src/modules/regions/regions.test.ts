import { REGION_LEVELS } from '@gongkai/shared';
import { useTestDatabase } from '../../../../test/support/db';
import { testApp } from '../../../../test/support/app';
import { RegionMetaModel, RegionModel } from './model';
import { seedRegions, type RegionSeedResult } from './seed';
import { findRegion, regionDirectory } from './service';

type Item = { code: string; name: string; displayName: string; level: string; path: Array<{ code: string }> };
const codes = (items: Item[]) => items.map((i) => i.code);

describe('regions (real database, full Zhejiang tree)', () => {
  useTestDatabase();
  const { http } = testApp();
  let first: RegionSeedResult;

  beforeAll(async () => {
    first = await seedRegions();
    // Measured figure, printed so the test log shows what seeding 27k rows costs on this database.
    process.stderr.write(`[regions] first seed: ${first.inserted} rows in ${first.ms} ms\n`);
  }, 180_000);

  describe('seed', () => {
    it('stores 1/11/90/1387/25547 regions per level', async () => {
      expect(first).toMatchObject({ skipped: false, inserted: 27036, updated: 0, deleted: 0, total: 27036 });
      // One aggregation: every query that is not by `_id` reads the whole collection on FerretDB.
      const groups = await RegionModel.aggregate<{ _id: string; n: number }>([{ $group: { _id: '$level', n: { $sum: 1 } } }]);
      const counts = Object.fromEntries(REGION_LEVELS.map((l) => [l, groups.find((g) => g._id === l)?.n]));
      expect(counts).toEqual({ province: 1, city: 11, county: 90, township: 1387, village: 25547 });
      expect((await regionDirectory()).counts()).toEqual(counts);
    });

    it('skips a re-run over unchanged data, and a forced re-run writes nothing', async () => {
      const before = await RegionModel.findById('330304').lean();
      const again = await seedRegions();
      expect(again).toMatchObject({ skipped: true, inserted: 0, updated: 0, deleted: 0, total: 27036 });
      const forced = await seedRegions({ force: true });
      expect(forced).toMatchObject({ skipped: false, inserted: 0, updated: 0, deleted: 0, total: 27036 });
      expect(await RegionModel.findById('330304').lean()).toEqual(before);
      expect(await RegionModel.countDocuments()).toBe(27036);
    }, 90_000);

    it('repairs a changed, a missing and a stray region when the data no longer matches', async () => {
      await RegionModel.updateOne({ _id: '330304' }, { $set: { name: '错误名称' } });
      await RegionModel.deleteOne({ _id: '330881' });
      await RegionModel.create({ _id: '339999', code: '339999', name: '不存在县', displayName: '不存在县', level: 'county', parentCode: '3399', pinyin: 'x', initials: 'x', childCount: 0 });
      await RegionMetaModel.deleteMany({});
      const r = await seedRegions();
      expect(r).toMatchObject({ skipped: false, inserted: 1, updated: 1, deleted: 1 });
      expect(await RegionModel.countDocuments()).toBe(27036);
      expect((await findRegion('330304'))?.name).toBe('瓯海区');
      expect(await findRegion('339999')).toBeUndefined();
      expect((await seedRegions()).skipped).toBe(true);
    }, 90_000);
  });

  describe('GET /api/v1/regions/:code', () => {
    it('returns a village with its path from the province down to itself', async () => {
      const res = await http().get('/api/v1/regions/330127100219');
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toMatch(/^public/);
      expect(res.body).toEqual({
        code: '330127100219',
        name: '富城村村民委员会',
        displayName: '富城村',
        level: 'village',
        parentCode: '330127100',
        childCount: 0,
        path: [
          { code: '33', name: '浙江省', displayName: '浙江省', level: 'province' },
          { code: '3301', name: '杭州市', displayName: '杭州市', level: 'city' },
          { code: '330127', name: '淳安县', displayName: '淳安县', level: 'county' },
          { code: '330127100', name: '千岛湖镇', displayName: '千岛湖镇', level: 'township' },
          { code: '330127100219', name: '富城村村民委员会', displayName: '富城村', level: 'village' },
        ],
      });
    });

    it('returns the province with a one-step path and a null parent', async () => {
      const res = await http().get('/api/v1/regions/33');
      expect(res.body).toMatchObject({ code: '33', name: '浙江省', level: 'province', parentCode: null, childCount: 11 });
      expect(res.body.path).toEqual([{ code: '33', name: '浙江省', displayName: '浙江省', level: 'province' }]);
    });

    it('answers 404 for an unknown well-formed code and VALIDATION_FAILED for a malformed one', async () => {
      const unknown = await http().get('/api/v1/regions/330304999999');
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('NOT_FOUND');
      expect(unknown.headers['cache-control'] ?? '').not.toMatch(/public/);
      for (const bad of ['33030', '3303x4', '3303041', '%24ne']) {
        const res = await http().get(`/api/v1/regions/${bad}`);
        expect([bad, res.status, res.body.error.code]).toEqual([bad, 400, 'VALIDATION_FAILED']);
        expect(res.body.error.details[0].path).toBe('params.code');
      }
    });
  });

  describe('GET /api/v1/regions/:code/children', () => {
    it('lists all townships of 瓯海区 with their village counts', async () => {
      const res = await http().get('/api/v1/regions/330304/children');
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toMatch(/^public/);
      const items = res.body.items as Array<Item & { childCount: number }>;
      expect(items).toHaveLength(13);
      expect(items[0]).toEqual({ code: '330304001', name: '景山街道', displayName: '景山街道', level: 'township', childCount: expect.any(Number) });
      const groups = await RegionModel.aggregate<{ _id: string; n: number }>([
        { $match: { level: 'village', parentCode: { $in: codes(items) } } },
        { $group: { _id: '$parentCode', n: { $sum: 1 } } },
      ]);
      expect(groups).toHaveLength(13);
      for (const t of items) expect([t.code, t.childCount]).toEqual([t.code, groups.find((g) => g._id === t.code)?.n]);
      expect(codes(items)).toEqual([...codes(items)].sort());
    });

    it('lists the 11 cities of the province, nothing under a village, 404 for an unknown code', async () => {
      const cities = await http().get('/api/v1/regions/33/children');
      expect(cities.body.items.map((c: Item) => c.name)).toContain('温州市');
      expect(cities.body.items).toHaveLength(11);
      const village = await http().get('/api/v1/regions/330127100219/children');
      expect(village.status).toBe(200);
      expect(village.body).toEqual({ items: [] });
      const unknown = await http().get('/api/v1/regions/3399/children');
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('NOT_FOUND');
    });
  });

  describe('GET /api/v1/regions/search', () => {
    const search = async (query: Record<string, string | number>) => {
      const res = await http().get('/api/v1/regions/search').query(query);
      expect(res.status).toBe(200);
      return res.body.items as Item[];
    };

    it('finds a village by part of its Chinese name, with its path', async () => {
      const items = await search({ q: '柳翠井' });
      expect(codes(items)).toEqual(['330102001057']);
      expect(items[0].path.map((p) => p.code)).toEqual(['33', '3301', '330102', '330102001', '330102001057']);
    });

    it('finds 江山市 by full pinyin before the villages named 江山村', async () => {
      const items = await search({ q: 'jiangshan', limit: 50 });
      expect(items[0]).toMatchObject({ code: '330881', name: '江山市', level: 'county' });
      expect(items[1]).toMatchObject({ code: '330212110', name: '姜山镇', level: 'township' }); // same pinyin
      const villages = items.filter((i) => i.displayName === '江山村').map((i) => i.code);
      expect(villages).toEqual(['330324002238', '330328100310', '330723103215']);
      expect(items.slice(2, 12).every((i) => i.level === 'village')).toBe(true);
    });

    it('finds 瓯海区 by its initials and by a pinyin prefix, 中文 and code', async () => {
      expect((await search({ q: 'ohq' }))[0]).toMatchObject({ code: '330304', name: '瓯海区' });
      expect((await search({ q: 'ouhai' }))[0].code).toBe('330304');
      expect((await search({ q: 'OuHai Qu' }))[0].code).toBe('330304');
      expect((await search({ q: '瓯海' }))[0].code).toBe('330304');
      expect((await search({ q: '330304' }))[0].code).toBe('330304');
    });

    it('searches both the display name and the published name', async () => {
      expect(codes(await search({ q: '邓家社区' }))).toContain('330182003004');
      expect(codes(await search({ q: '邓家居委会' }))).toEqual(['330182003004']);
      const byDisplay = await search({ q: '富城村', within: '330127' });
      expect(byDisplay[0]).toMatchObject({ code: '330127100219', displayName: '富城村' });
      expect((await search({ q: '富城村村民委员会' }))[0].code).toBe('330127100219');
    });

    it('ranks exact matches before prefix matches before substrings', async () => {
      const items = await search({ q: '江山村', limit: 50 });
      const tier = (i: Item) => (i.displayName === '江山村' || i.name === '江山村' ? 0 : i.displayName.startsWith('江山村') ? 1 : 2);
      expect(items.length).toBeGreaterThan(3);
      expect(items.map(tier)).toEqual(items.map(tier).sort());
      expect(tier(items[0])).toBe(0);
      expect(items.some((i) => tier(i) === 2)).toBe(true); // e.g. 大江山村
    });

    it('limits to a subtree with within and to a level with level', async () => {
      const inJiangshan = await search({ q: '村', within: '330881', limit: 50 });
      expect(inJiangshan).toHaveLength(50);
      expect(inJiangshan.every((i) => i.code.startsWith('330881'))).toBe(true);
      const villages = await search({ q: 'jiangshan', level: 'village', limit: 50 });
      expect(villages.length).toBeGreaterThan(5);
      expect(villages.every((i) => i.level === 'village')).toBe(true);
      const townships = await search({ q: 'jie', level: 'township', within: '330304' });
      expect(townships.length).toBeGreaterThan(0);
      expect(townships.every((i) => i.level === 'township' && i.code.startsWith('330304'))).toBe(true);
      expect(await search({ q: '柳翠井', within: '3303' })).toEqual([]);
    });

    it('returns 20 hits by default and at most 50', async () => {
      expect(await search({ q: '村' })).toHaveLength(20);
      expect(await search({ q: '村', limit: 50 })).toHaveLength(50);
      const over = await http().get('/api/v1/regions/search').query({ q: '村', limit: 51 });
      expect(over.status).toBe(400);
      expect(over.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('refuses empty, too long, repeated or operator-shaped input and unknown subtrees', async () => {
      const bad = ['q=', 'q=%20%20', `q=${encodeURIComponent('村'.repeat(41))}`, 'q=a&q=b', 'q[$ne]=x', 'within=3303x&q=a', 'level=town&q=a', ''];
      for (const qs of bad) {
        const res = await http().get(`/api/v1/regions/search?${qs}`);
        expect([qs, res.status, res.body.error?.code]).toEqual([qs, 400, 'VALIDATION_FAILED']);
      }
      const ok40 = await http().get('/api/v1/regions/search').query({ q: '村'.repeat(40) });
      expect(ok40.status).toBe(200);
      const unknown = await http().get('/api/v1/regions/search').query({ q: '村', within: '3399' });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('NOT_FOUND');
    });
  });

  it('documents the three endpoints in the OpenAPI document', async () => {
    const res = await http().get('/api/v1/openapi.json');
    const paths = res.body.paths;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/api/v1/regions/search', '/api/v1/regions/{code}', '/api/v1/regions/{code}/children']));
    const names = paths['/api/v1/regions/search'].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(['q', 'level', 'within', 'limit']);
    const schema = paths['/api/v1/regions/{code}'].get.responses['200'].content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['code', 'name', 'level', 'parentCode', 'path']));
  });
});
