import { DOMAIN_KEYS, DisclosureCountsSchema } from '@gongkai/shared';
import { useTestDatabase } from '../../../../test/support/db';
import { testApp } from '../../../../test/support/app';
import { seedCatalogue } from '../catalogue/seed';
import { disclosureTestRegions, draftBody, officials, publishVia, R, type Officials } from './testing';

const A = '/api/v1/admin/disclosures';
const C = '/api/v1/disclosures/counts';

describe('GET /api/v1/disclosures/counts', () => {
  useTestDatabase();
  const { http } = testApp({ regions: disclosureTestRegions() });
  let o: Officials;

  beforeAll(async () => {
    await seedCatalogue();
    o = await officials(http);
    // affordable-housing (AH-04) at county, township, village and the neighbouring village; rural housing (RH-03) at the township.
    await publishVia(http, o.countyEditor.auth, o.countyReviewer.auth, draftBody({ regionCode: R.county, title: '区级公示' }));
    await publishVia(http, o.townEditor.auth, o.townReviewer.auth, draftBody({ regionCode: R.township, title: '街道公示' }));
    await publishVia(http, o.villageEditor.auth, o.villageReviewer.auth, draftBody({ regionCode: R.village, title: '社区公示' }));
    await publishVia(http, o.townEditor.auth, o.townReviewer.auth, draftBody({ regionCode: R.neighbour, title: '邻村公示' }));
    await publishVia(http, o.townEditor.auth, o.townReviewer.auth, draftBody({ catalogueItemId: 'RH-03', regionCode: R.township, title: '危房评定标准' }));
    await http().post(A).set('Authorization', o.villageEditor.auth).send(draftBody({ regionCode: R.village, title: '草稿不计' })).expect(201);
  });

  it('counts per domain what a village can read (own, township, county; never a neighbour or a draft), equal to the list totals', async () => {
    const res = await http().get(`${C}?region=${R.village}`).expect(200);
    const body = DisclosureCountsSchema.parse(res.body);
    expect(Object.keys(body.counts).sort()).toEqual([...DOMAIN_KEYS].sort());
    expect(body).toMatchObject({ region: R.village, total: 4 });
    expect(body.counts['affordable-housing']).toBe(3);
    expect(body.counts['rural-housing-renovation']).toBe(1);
    expect(body.counts['land-acquisition']).toBe(0);
    for (const d of DOMAIN_KEYS) {
      const list = await http().get(`/api/v1/disclosures?region=${R.village}&domain=${d}&pageSize=1`).expect(200);
      expect({ d, n: body.counts[d] }).toEqual({ d, n: list.body.total });
    }
  });

  it('follows publications (a new disclosure changes the count at once) and scopes by region level', async () => {
    await publishVia(http, o.villageEditor.auth, o.villageReviewer.auth, draftBody({ regionCode: R.village, title: '社区第二次公示' }));
    expect((await http().get(`${C}?region=${R.village}`)).body.counts['affordable-housing']).toBe(4);
    expect((await http().get(`${C}?region=${R.county}`)).body).toMatchObject({ total: 1, counts: { 'affordable-housing': 1 } });
    expect((await http().get(`${C}?region=${R.otherVillage}`)).body.total).toBe(0);
  });

  it('rejects a missing or malformed region and answers 404 for an unknown one', async () => {
    expect((await http().get(C)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await http().get(`${C}?region[$ne]=x`)).body.error.code).toBe('VALIDATION_FAILED');
    const unknown = await http().get(`${C}?region=330304999999`);
    expect(unknown.status).toBe(404);
  });
});
