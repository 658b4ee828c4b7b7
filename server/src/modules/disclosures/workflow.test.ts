import { useTestDatabase } from '../../../../test/support/db';
import { testApp } from '../../../../test/support/app';
import { JobModel } from '../../jobs/model';
import { JobQueue } from '../../jobs/queue';
import { createLogger } from '../../logger';
import { AuditEntryModel } from '../audit/model';
import { seedCatalogue } from '../catalogue/seed';
import { DISCLOSURE_EVENT_QUEUE } from '../../events';
import { onPublicChange, type PublicChange } from './hooks';
import { disclosureTestRegions, draftBody, officials, publishVia, R, type Officials } from './testing';
import type { ResolvedDeps } from '../../app';
import { registerDisclosureJobs } from './jobs';
import { PUBLISH_QUEUE } from './workflow';

const A = '/api/v1/admin/disclosures';
const P = '/api/v1/disclosures';

describe('disclosure workflow (real database)', () => {
  useTestDatabase();
  const regions = disclosureTestRegions();
  const { http } = testApp({ regions });
  // A queue that runs only scheduled publications (other modules' handlers, e.g. notices, stay out of the counts).
  const jobs = new JobQueue(createLogger('silent', false));
  registerDisclosureJobs({ jobs, regions } as unknown as ResolvedDeps);
  let o: Officials;
  const changes: PublicChange[] = [];

  beforeAll(async () => {
    await seedCatalogue();
    o = await officials(http);
    onPublicChange((c) => {
      changes.push(c);
    });
  });

  const create = (auth: string, body = draftBody()) => http().post(A).set('Authorization', auth).send(body);
  const act = (auth: string, id: string, what: string, body: object = {}) => http().post(`${A}/${id}/${what}`).set('Authorization', auth).send(body);

  describe('POST /api/v1/admin/disclosures', () => {
    it('creates a draft under the catalogue item version, invisible to the public', async () => {
      const res = await create(o.townEditor.auth);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'draft', version: 0, regionCode: R.township, regionName: '景山街道', level: 'township', domain: 'affordable-housing', catalogueVersion: 1 });
      expect(res.body.working).toMatchObject({ version: 1, state: 'draft' });
      expect((await http().get(`${P}/${res.body.id}`)).status).toBe(404);
      const audited = await AuditEntryModel.findOne({ action: 'disclosure.create', objectId: res.body.id }).lean();
      expect(audited?.actor?.username).toBe(o.townEditor.username);
    });

    it('refuses reviewers and assessors (403)', async () => {
      expect((await create(o.townReviewer.auth)).status).toBe(403);
      expect((await create(o.assessor.auth)).status).toBe(403);
    });
  });

  describe('submit, return and approve', () => {
    it('publishes after review by someone else, and audits every step', async () => {
      const id = (await create(o.townEditor.auth)).body.id;
      expect((await act(o.townReviewer.auth, id, 'approve')).status).toBe(409); // still a draft
      const submitted = await act(o.townEditor.auth, id, 'submit');
      expect(submitted.status).toBe(200);
      expect(submitted.body.status).toBe('pending');
      const returned = await act(o.townReviewer.auth, id, 'return', { comment: '请补充公示期' });
      expect(returned.body).toMatchObject({ status: 'draft', working: { state: 'draft' } });
      const detail = await http().get(`${A}/${id}`).set('Authorization', o.townEditor.auth);
      expect(detail.body.workingCopy.returned).toMatchObject({ comment: '请补充公示期', by: { username: o.townReviewer.username } });
      await http().patch(`${A}/${id}`).set('Authorization', o.townEditor.auth).send({ validFrom: '2025-10-09', validTo: '2025-10-20' }).expect(200);
      await act(o.townEditor.auth, id, 'submit').expect(200);
      const approved = await act(o.townReviewer.auth, id, 'approve', { comment: '同意发布' });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'published', version: 1 });
      expect(approved.body.working).toBeUndefined();
      const pub = await http().get(`${P}/${id}`);
      expect(pub.status).toBe(200);
      expect(pub.body).toMatchObject({ version: 1, validFrom: '2025-10-09T00:00:00.000+08:00', validTo: '2025-10-20T23:59:59.999+08:00' });
      const actions = (await AuditEntryModel.find({ objectId: id }).sort({ at: 1 }).lean()).map((a) => a.action);
      expect(actions).toEqual(['disclosure.create', 'disclosure.submit', 'disclosure.return', 'disclosure.update', 'disclosure.submit', 'disclosure.publish']);
    });

    it('does not let the author approve their own work (409), nor editors or assessors (403)', async () => {
      // An admin may write and review, but never approve what they wrote or submitted.
      const id = (await create(o.countyAdmin.auth)).body.id;
      await act(o.countyAdmin.auth, id, 'submit').expect(200);
      const own = await act(o.countyAdmin.auth, id, 'approve');
      expect(own.status).toBe(409);
      expect(own.body.error.code).toBe('CONFLICT');
      expect((await act(o.townEditor.auth, id, 'approve')).status).toBe(403);
      expect((await act(o.assessor.auth, id, 'approve')).status).toBe(403);
      expect((await act(o.townEditor.auth, id, 'return', { comment: 'x' })).status).toBe(403);
      expect((await act(o.townReviewer.auth, id, 'approve')).status).toBe(200);
    });

    it('puts a pending copy back to draft when it is edited, so the reviewer cannot approve changed content', async () => {
      const id = (await create(o.townEditor.auth)).body.id;
      await act(o.townEditor.auth, id, 'submit').expect(200);
      const edited = await http().patch(`${A}/${id}`).set('Authorization', o.townEditor.auth).send({ title: '提交后又改了' });
      expect(edited.body).toMatchObject({ status: 'draft', working: { state: 'draft', title: '提交后又改了' } });
      expect((await act(o.townReviewer.auth, id, 'approve')).status).toBe(409);
    });

    it('counts the one who submitted as an author too', async () => {
      const id = (await create(o.townEditor.auth)).body.id;
      await act(o.countyAdmin.auth, id, 'submit').expect(200);
      expect((await act(o.countyAdmin.auth, id, 'approve')).status).toBe(409);
    });
  });

  describe('versions', () => {
    it('keeps the published version public while the next one is edited and reviewed', async () => {
      const id = await publishVia(http, o.townEditor.auth, o.townReviewer.auth, draftBody({ title: '第一版标题' }));
      const edit = await http().patch(`${A}/${id}`).set('Authorization', o.townEditor.auth).send({ title: '第二版标题' });
      expect(edit.status).toBe(200);
      expect(edit.body).toMatchObject({ status: 'published', version: 1, title: '第一版标题', working: { version: 2, state: 'draft', title: '第二版标题' } });
      await act(o.townEditor.auth, id, 'submit').expect(200);
      expect((await http().get(`${P}/${id}`)).body).toMatchObject({ version: 1, title: '第一版标题' });
      const pendingList = await http().get(`${A}?status=pending&region=${R.township}`).set('Authorization', o.townReviewer.auth);
      expect(pendingList.body.items.map((i: { id: string }) => i.id)).toContain(id);
      await act(o.townReviewer.auth, id, 'approve').expect(200);
      const v2 = await http().get(`${P}/${id}`);
      expect(v2.body).toMatchObject({ version: 2, title: '第二版标题' });
      const admin = await http().get(`${A}/${id}`).set('Authorization', o.townReviewer.auth);
      expect(admin.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
      expect(admin.body.published).toMatchObject({ version: 2, title: '第二版标题' });
      const old = await http().get(`${A}/${id}/versions/1`).set('Authorization', o.townReviewer.auth);
      expect(old.body.content.title).toBe('第一版标题');
      expect(changes.filter((c) => c.disclosureId === id).map((c) => [c.kind, c.version])).toEqual([['published', 1], ['updated', 2]]);
    });

    it('withdraws with a reason: public 404, the chain and the record stay, edits are refused', async () => {
      const id = await publishVia(http, o.townEditor.auth, o.townReviewer.auth, draftBody());
      expect((await act(o.townEditor.auth, id, 'withdraw', { reason: '信息有误' })).status).toBe(403);
      expect((await act(o.townReviewer.auth, id, 'withdraw', {})).status).toBe(400);
      const w = await act(o.townReviewer.auth, id, 'withdraw', { reason: '公示对象信息有误，核实后重新发布' });
      expect(w.status).toBe(200);
      expect(w.body.status).toBe('withdrawn');
      expect((await http().get(`${P}/${id}`)).status).toBe(404);
      const list = await http().get(`${P}?region=${R.township}&pageSize=100`);
      expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
      const verify = await http().get(`${P}/${id}/verify`);
      expect(verify.body).toMatchObject({ valid: true, withdrawn: true });
      expect(verify.body.chain).toHaveLength(1);
      const admin = await http().get(`${A}/${id}`).set('Authorization', o.townEditor.auth);
      expect(admin.body.withdrawal).toMatchObject({ reason: '公示对象信息有误，核实后重新发布', version: 1 });
      expect((await http().patch(`${A}/${id}`).set('Authorization', o.townEditor.auth).send({ title: '再改' })).status).toBe(409);
      expect((await act(o.townReviewer.auth, id, 'withdraw', { reason: '再次撤回' })).status).toBe(409);
    });

    it('emits one durable event per publication, new version and withdrawal', async () => {
      const id = await publishVia(http, o.townEditor.auth, o.townReviewer.auth, draftBody());
      await http().patch(`${A}/${id}`).set('Authorization', o.townEditor.auth).send({ body: '更正后的正文' }).expect(200);
      await act(o.townEditor.auth, id, 'submit').expect(200);
      await act(o.townReviewer.auth, id, 'approve').expect(200);
      await act(o.townReviewer.auth, id, 'withdraw', { reason: '期满撤回' }).expect(200);
      const jobs = await JobModel.find({ queue: DISCLOSURE_EVENT_QUEUE, 'payload.disclosureId': id }).lean();
      const kinds = jobs.map((j) => `${(j.payload as { kind: string }).kind}:${(j.payload as { version: number }).version}`).sort();
      expect(kinds).toEqual(['published:1', 'updated:2', 'withdrawn:2']);
      expect(jobs.find((j) => j.key === `${DISCLOSURE_EVENT_QUEUE}:${id}:1:published`)?.payload).toMatchObject({ regionCode: R.township, domain: 'affordable-housing' });
    });
  });

  describe('scheduled publication', () => {
    it('publishes at publishAt through the job queue, never before', async () => {
      const id = (await create(o.townEditor.auth)).body.id;
      await act(o.townEditor.auth, id, 'submit').expect(200);
      const at = new Date(Date.now() + 1500);
      const res = await act(o.townReviewer.auth, id, 'approve', { publishAt: at.toISOString() });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'scheduled', working: { state: 'scheduled', publishAt: expect.any(String) } });
      const job = await JobModel.findOne({ queue: PUBLISH_QUEUE, 'payload.id': id }).lean();
      expect(job?.runAt.getTime()).toBe(at.getTime());
      expect(await jobs.pollOnce()).toBe(0); // not due yet
      expect((await http().get(`${P}/${id}`)).status).toBe(404);
      expect((await http().get(`${P}?region=${R.township}&pageSize=100`)).body.items.map((i: { id: string }) => i.id)).not.toContain(id);
      await new Promise((r) => setTimeout(r, Math.max(0, at.getTime() - Date.now() + 20)));
      expect((await http().get(`${P}/${id}`)).status).toBe(404); // due, but only the job publishes
      expect(await jobs.pollOnce()).toBe(1);
      const pub = await http().get(`${P}/${id}`);
      expect(pub.status).toBe(200);
      expect(Date.parse(pub.body.publishedAt)).toBeGreaterThanOrEqual(at.getTime());
      expect(await JobModel.countDocuments({ queue: PUBLISH_QUEUE, 'payload.id': id })).toBe(0);
      expect(await JobModel.countDocuments({ queue: DISCLOSURE_EVENT_QUEUE, key: `${DISCLOSURE_EVENT_QUEUE}:${id}:1:published` })).toBe(1);
      const audited = await AuditEntryModel.findOne({ objectId: id, action: 'disclosure.publish' }).lean();
      expect(audited?.actor?.username).toBe(o.townReviewer.username);
    });

    it('drops a scheduled publication that was returned, and honours a new time after re-approval', async () => {
      const id = (await create(o.townEditor.auth)).body.id;
      await act(o.townEditor.auth, id, 'submit').expect(200);
      const first = new Date(Date.now() + 300);
      await act(o.townReviewer.auth, id, 'approve', { publishAt: first.toISOString() }).expect(200);
      expect((await http().patch(`${A}/${id}`).set('Authorization', o.townEditor.auth).send({ title: '改' })).status).toBe(409);
      await act(o.townReviewer.auth, id, 'return', { comment: '时间改到下周' }).expect(200);
      await act(o.townEditor.auth, id, 'submit').expect(200);
      const second = new Date(Date.now() + 60_000);
      await act(o.townReviewer2.auth, id, 'approve', { publishAt: second.toISOString() }).expect(200);
      await new Promise((r) => setTimeout(r, Math.max(0, first.getTime() - Date.now() + 20)));
      expect(await jobs.pollOnce()).toBe(1); // the first job ran and did nothing
      expect((await http().get(`${P}/${id}`)).status).toBe(404);
      const detail = await http().get(`${A}/${id}`).set('Authorization', o.townEditor.auth);
      expect(detail.body).toMatchObject({ status: 'scheduled', workingCopy: { state: 'scheduled' } });
      expect(Date.parse(detail.body.workingCopy.publishAt)).toBe(second.getTime());
      expect(await JobModel.countDocuments({ queue: PUBLISH_QUEUE, 'payload.id': id })).toBe(1);
    });

    it('publishes at once when publishAt is not in the future', async () => {
      const id = (await create(o.townEditor.auth)).body.id;
      await act(o.townEditor.auth, id, 'submit').expect(200);
      const res = await act(o.townReviewer.auth, id, 'approve', { publishAt: new Date(Date.now() - 60_000).toISOString() });
      expect(res.body.status).toBe('published');
    });
  });
});
