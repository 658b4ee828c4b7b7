import { useTestDatabase } from '../../../../test/support/db';
import { testApp } from '../../../../test/support/app';
import { createOfficial, loginAs } from '../../../../test/support/fixtures';
import { seedCatalogue } from '../catalogue/seed';
import { disclosureTestRegions } from '../disclosures/testing';
import { REFRESHED_QUARTERS, ensureRecentSnapshots } from './jobs';
import { quarterOf } from './period';
import { resetAssessmentMemory, setStaleAfter, settleBackgroundRefresh } from './store';
import { insertDisclosures } from './testing';

const A = '/api/v1/admin/assessment';
const OUHAI = '330304';
const JIANGSHAN = '330881';

describe('assessment access and snapshots', () => {
  useTestDatabase();
  const { http } = testApp({ regions: disclosureTestRegions() });
  const auth: Record<string, string> = {};

  beforeAll(async () => {
    await seedCatalogue();
    for (const [key, role, region] of [
      ['assessor', 'assessor', OUHAI],
      ['townAssessor', 'assessor', '330304001'],
      ['admin', 'admin', OUHAI],
      ['editor', 'editor', OUHAI],
      ['reviewer', 'reviewer', OUHAI],
      ['province', 'assessor', '33'],
    ] as const) {
      const o = await createOfficial({ role, regionCode: region });
      auth[key] = await loginAs(http, o.username);
    }
  });

  const get = (path: string, who?: string) => {
    const r = http().get(path);
    return who ? r.set('Authorization', auth[who]) : r;
  };

  describe('GET /api/v1/admin/assessment', () => {
    it('lets an assessor read their county and what lies under it', async () => {
      expect((await get(`${A}?region=${OUHAI}`, 'assessor')).status).toBe(200);
      expect((await get(`${A}?region=330304001002`, 'assessor')).status).toBe(200);
      const own = await get(A, 'townAssessor');
      expect(own.status).toBe(200);
      expect(own.body.region).toEqual({ code: '330304001', name: expect.any(String), level: 'township' });
    });

    it('refuses another county, the province and a parent region with 403', async () => {
      for (const path of [`${A}?region=${JIANGSHAN}`, `${A}?region=33`, `${A}/trend?region=${JIANGSHAN}`, `${A}/missing?region=330881001001`]) {
        const res = await get(path, 'assessor');
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
      }
      expect((await get(`${A}?region=${OUHAI}`, 'townAssessor')).status).toBe(403);
    });

    it('lets a province assessor read any county, and ranks the cities', async () => {
      const res = await get(`${A}?region=33`, 'province');
      expect(res.status).toBe(200);
      expect(res.body.childLevel).toBe('city');
      expect(res.body.children.map((c: { region: { code: string } }) => c.region.code)).toEqual(['3303', '3308']);
      expect((await get(`${A}?region=${JIANGSHAN}`, 'province')).status).toBe(200);
    });

    it('is for assessors and admins only', async () => {
      expect((await get(A, 'editor')).status).toBe(403);
      expect((await get(A, 'reviewer')).status).toBe(403);
      expect((await get(A, 'admin')).status).toBe(200);
      expect((await get(A)).status).toBe(401);
    });

    it('rejects malformed queries', async () => {
      expect((await get(`${A}?region[$ne]=x`, 'assessor')).body.error.code).toBe('VALIDATION_FAILED');
      expect((await get(`${A}?from=2025-07-01`, 'assessor')).status).toBe(400);
      expect((await get(`${A}?quarter=2025Q5`, 'assessor')).status).toBe(400);
      expect((await get(`${A}?from=2025-09-01&to=2025-07-01`, 'assessor')).status).toBe(400);
      expect((await get(`${A}?region=330304001&childLevel=county`, 'assessor')).status).toBe(400);
      expect((await get(`${A}/missing?region=${OUHAI}0`, 'assessor')).status).toBe(400);
      expect((await get(`${A}/missing?region=3303`, 'province')).status).toBe(400);
      expect((await get(`${A}?region=330304999`, 'assessor')).status).toBe(404);
    });
  });

  it('documents the dashboard, report and channel endpoints in the OpenAPI document', async () => {
    const { paths } = (await http().get('/api/v1/openapi.json')).body;
    const main = paths['/api/v1/admin/assessment'].get;
    expect(main.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['region', 'quarter', 'from', 'to', 'domain', 'childLevel', 'refresh']));
    expect(main.responses['200'].content['application/json'].schema.properties.children.type).toBe('array');
    expect(paths['/api/v1/admin/assessment/trend'].get).toBeDefined();
    expect(paths['/api/v1/admin/assessment/missing'].get).toBeDefined();
    expect(Object.keys(paths['/api/v1/admin/reports/quarterly'].get.responses['200'].content)).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(paths['/api/v1/disclosures/{id}/notice.pdf'].get.responses['200'].content['application/pdf']).toBeDefined();
    expect(paths['/api/v1/feeds/{regionCode}.atom'].get).toBeDefined();
    expect(paths['/api/v1/feeds/{regionCode}.json'].get).toBeDefined();
  });

  describe('snapshots', () => {
    it('serves a stored snapshot with its time until an admin asks for a refresh', async () => {
      const q = `${A}?region=${OUHAI}&quarter=2025Q3`;
      const first = await get(q, 'assessor');
      expect(first.body.timeliness.onTime).toBe(0);
      await insertDisclosures([{ region: '330304001002', item: 'AH-04', due: '2025-07-15', published: '2025-07-10T10:00:00+08:00' }]);
      resetAssessmentMemory(); // another process: reads the stored snapshot
      const again = await get(q, 'assessor');
      expect(again.body.computedAt).toBe(first.body.computedAt);
      expect(again.body.timeliness.onTime).toBe(0);

      expect((await get(`${q}&refresh=1`, 'assessor')).status).toBe(403);
      const fresh = await get(`${q}&refresh=1`, 'admin');
      expect(fresh.status).toBe(200);
      expect(fresh.body.timeliness.onTime).toBe(1);
      expect(Date.parse(fresh.body.computedAt)).toBeGreaterThanOrEqual(Date.parse(first.body.computedAt));
      expect((await get(q, 'assessor')).body.computedAt).toBe(fresh.body.computedAt);
    });

    it('rate-limits refreshes', async () => {
      const q = `${A}?region=${OUHAI}&quarter=2025Q2&refresh=1`;
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await get(q, 'admin')).status);
      // One refresh was used by the previous test within the minute.
      expect(codes).toEqual([200, 429, 429]);
    });

    it('refreshes a stale snapshot in the background and serves the old one meanwhile', async () => {
      const q = `${A}?region=${OUHAI}&quarter=2025Q3`;
      const before = await get(q, 'assessor');
      await insertDisclosures([{ region: '330304001003', item: 'AH-04', due: '2025-07-15', published: '2025-07-11T10:00:00+08:00' }]);
      setStaleAfter(0);
      try {
        const stale = await get(q, 'assessor');
        expect(stale.body.timeliness.onTime).toBe(before.body.timeliness.onTime);
        await settleBackgroundRefresh();
        setStaleAfter(60 * 60_000);
        const after = await get(q, 'assessor');
        expect(after.body.timeliness.onTime).toBe(before.body.timeliness.onTime + 1);
      } finally {
        setStaleAfter(60 * 60_000);
      }
    });

    it('keeps the recent quarters computed (the recurring job): missing or old ones only', async () => {
      const now = Date.now();
      const first = await ensureRecentSnapshots(now);
      // The current quarter was computed by the requests above and is fresh; the others were missing.
      expect(first.refreshed).not.toContain(quarterOf(now).key);
      expect(first.refreshed.length).toBeGreaterThan(0);
      expect((await ensureRecentSnapshots(now + 60_000)).refreshed).toEqual([]);
      resetAssessmentMemory();
      expect((await ensureRecentSnapshots(now + 120_000)).refreshed).toEqual([]); // loaded from the database
      expect((await ensureRecentSnapshots(now + 56 * 60_000)).refreshed).toHaveLength(REFRESHED_QUARTERS);
    });
  });
});
