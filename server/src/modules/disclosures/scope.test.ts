import { useTestDatabase } from '../../../../test/support/db';
import { testApp } from '../../../../test/support/app';
import { seedCatalogue } from '../catalogue/seed';
import { approveDisclosure, createDisclosure, submitDisclosure, updateDisclosure, withdrawDisclosure } from './workflow';
import { getForAdmin, listForAdmin, previewForAdmin } from './admin-read';
import { JobQueue } from '../../jobs/queue';
import { createLogger } from '../../logger';
import { createOfficial } from '../../../../test/support/fixtures';
import { disclosureTestRegions, draftBody, officials, publishVia, R, type Officials } from './testing';

const A = '/api/v1/admin/disclosures';

describe('disclosure scope (real database)', () => {
  useTestDatabase();
  const regions = disclosureTestRegions();
  const { http } = testApp({ regions });
  let o: Officials;
  let draftId: string;
  let pendingId: string;
  let publishedId: string;

  beforeAll(async () => {
    await seedCatalogue();
    o = await officials(http);
    draftId = (await http().post(A).set('Authorization', o.townEditor.auth).send(draftBody()).expect(201)).body.id;
    pendingId = (await http().post(A).set('Authorization', o.townEditor.auth).send(draftBody()).expect(201)).body.id;
    await http().post(`${A}/${pendingId}/submit`).set('Authorization', o.townEditor.auth).expect(200);
    publishedId = await publishVia(http, o.townEditor.auth, o.townReviewer.auth, draftBody());
  });

  describe('an official of another county (江山市) gets 403 on every write', () => {
    it.each([
      ['create', () => http().post(A).set('Authorization', o.outAdmin.auth).send(draftBody())],
      ['create as editor', () => http().post(A).set('Authorization', o.outEditor.auth).send(draftBody())],
      ['patch', () => http().patch(`${A}/${draftId}`).set('Authorization', o.outEditor.auth).send({ title: '越权修改' })],
      ['patch as admin', () => http().patch(`${A}/${draftId}`).set('Authorization', o.outAdmin.auth).send({ title: '越权修改' })],
      ['submit', () => http().post(`${A}/${draftId}/submit`).set('Authorization', o.outEditor.auth)],
      ['approve', () => http().post(`${A}/${pendingId}/approve`).set('Authorization', o.outReviewer.auth).send({})],
      ['approve as admin', () => http().post(`${A}/${pendingId}/approve`).set('Authorization', o.outAdmin.auth).send({})],
      ['return', () => http().post(`${A}/${pendingId}/return`).set('Authorization', o.outReviewer.auth).send({ comment: '越权退回' })],
      ['withdraw', () => http().post(`${A}/${publishedId}/withdraw`).set('Authorization', o.outReviewer.auth).send({ reason: '越权撤回' })],
      ['withdraw as admin', () => http().post(`${A}/${publishedId}/withdraw`).set('Authorization', o.outAdmin.auth).send({ reason: '越权撤回' })],
    ])('%s', async (_name, call) => {
      const res = await call();
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    });

    it('left everything as it was', async () => {
      const pending = await http().get(`${A}/${pendingId}`).set('Authorization', o.townReviewer.auth);
      expect(pending.body.status).toBe('pending');
      expect((await http().get(`/api/v1/disclosures/${publishedId}`)).status).toBe(200);
      const draft = await http().get(`${A}/${draftId}`).set('Authorization', o.townEditor.auth);
      expect(draft.body.workingCopy.title).toBe(draftBody().title);
    });
  });

  describe('reads outside the scope', () => {
    it('refuses detail and preview (403) and leaves the disclosures out of lists', async () => {
      for (const path of [`${A}/${publishedId}`, `${A}/${publishedId}/preview`, `${A}/${draftId}`, `${A}/${publishedId}/versions/1`]) {
        const res = await http().get(path).set('Authorization', o.outAdmin.auth);
        expect(res.status).toBe(403);
      }
      expect((await http().get(`${A}?region=${R.township}`).set('Authorization', o.outAdmin.auth)).status).toBe(403);
      const own = await http().get(`${A}?pageSize=100`).set('Authorization', o.outAdmin.auth);
      expect(own.status).toBe(200);
      expect(own.body.total).toBe(0);
      const county = await http().get(`${A}?pageSize=100`).set('Authorization', o.countyAdmin.auth);
      expect(county.body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([draftId, pendingId, publishedId]));
      expect((await http().get(`${A}/ffffffffffffffffffffffff`).set('Authorization', o.countyAdmin.auth)).status).toBe(404);
    });

    it('lets a village official see neither the township’s drafts nor act on them', async () => {
      expect((await http().get(`${A}/${draftId}`).set('Authorization', o.villageEditor.auth)).status).toBe(403);
      expect((await http().patch(`${A}/${draftId}`).set('Authorization', o.villageEditor.auth).send({ title: '下级越权' })).status).toBe(403);
      expect((await http().post(`${A}/${pendingId}/approve`).set('Authorization', o.villageReviewer.auth).send({})).status).toBe(403);
      const list = await http().get(`${A}?pageSize=100`).set('Authorization', o.villageEditor.auth);
      expect(list.body.items.map((i: { regionCode: string }) => i.regionCode).every((c: string) => c.startsWith(R.village))).toBe(true);
    });

    it('refuses a township editor drafting for the county above (403) or for another township (403)', async () => {
      expect((await http().post(A).set('Authorization', o.townEditor.auth).send(draftBody({ regionCode: R.county }))).status).toBe(403);
      expect((await http().post(A).set('Authorization', o.townEditor.auth).send(draftBody({ regionCode: R.otherTownship }))).status).toBe(403);
      expect((await http().post(A).set('Authorization', o.townEditor.auth).send(draftBody({ regionCode: R.village }))).status).toBe(201);
    });
  });

  describe('the services check scope and role themselves (not only the routes)', () => {
    it('refuses out-of-scope callers whatever id they pass', async () => {
      const jobs = new JobQueue(createLogger('silent', false));
      const deps = { jobs, regions };
      const out = (await createOfficial({ role: 'admin', regionCode: R.otherCounty })).caller;
      const assessor = (await createOfficial({ role: 'assessor', regionCode: R.county })).caller;
      await expect(createDisclosure(deps, out, draftBody())).rejects.toMatchObject({ status: 403 });
      await expect(updateDisclosure(deps, out, draftId, { title: 'x' })).rejects.toMatchObject({ status: 403 });
      await expect(submitDisclosure(out, draftId)).rejects.toMatchObject({ status: 403 });
      await expect(approveDisclosure(deps, out, pendingId, {})).rejects.toMatchObject({ status: 403 });
      await expect(withdrawDisclosure(deps, out, publishedId, '越权')).rejects.toMatchObject({ status: 403 });
      await expect(getForAdmin(out, draftId)).rejects.toMatchObject({ status: 403 });
      await expect(previewForAdmin(out, publishedId)).rejects.toMatchObject({ status: 403 });
      await expect(listForAdmin(out, { region: R.county, page: 1, pageSize: 20 })).rejects.toMatchObject({ status: 403 });
      await expect(createDisclosure(deps, assessor, draftBody())).rejects.toMatchObject({ status: 403 });
      await expect(approveDisclosure(deps, assessor, pendingId, {})).rejects.toMatchObject({ status: 403 });
    });
  });
});
