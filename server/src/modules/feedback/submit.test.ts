import { FeedbackCreatedSchema, MyFeedbackDetailSchema, MyFeedbackSummarySchema } from '@gongkai/shared';
import { useTestDatabase } from '../../../../test/support/db';
import { seedCatalogue } from '../catalogue/seed';
import { draftBody, publishVia } from '../disclosures/testing';
import { feedbackApp, feedbackOfficials, newResident, question, request, R, submit, submitted, type Officials } from './testing';
import { shanghaiDate, workingDaysBetween } from '../../workdays';

const TRACKING = /^(ZX|JY|SQ)-\d{8}-\d{4,}$/;

describe('POST /api/v1/feedback', () => {
  useTestDatabase();
  const { http } = feedbackApp();
  let o: Officials;
  let me: { auth: string; id: string };
  let disclosureId: string;
  let villageDisclosureId: string;

  beforeAll(async () => {
    await seedCatalogue();
    o = await feedbackOfficials(http, ['countyAdmin', 'townAdmin', 'townEditor', 'townReviewer', 'villageEditor']);
    me = await newResident(http);
    disclosureId = await publishVia(http, o.countyAdmin.auth, o.townReviewer.auth, draftBody({ regionCode: R.township }));
    villageDisclosureId = await publishVia(http, o.villageEditor.auth, o.townAdmin.auth, draftBody({ regionCode: R.village, title: '繁荣社区配租结果' }));
  });

  it('accepts each type with a tracking number by type and day, status received and a deadline', async () => {
    const today = shanghaiDate(new Date()).replace(/-/g, '');
    const q = await submit(http, me.auth, question());
    const s = await submit(http, me.auth, question({ type: 'suggestion', content: '建议在村公示栏旁增加照明，方便晚上查看公示内容。' }));
    const r = await submit(http, me.auth, request());
    for (const res of [q, s, r]) {
      expect(res.status).toBe(201);
      expect(FeedbackCreatedSchema.strict().parse(res.body)).toEqual(res.body);
      expect(res.body.status).toBe('received');
      expect(res.body.trackingNo).toMatch(TRACKING);
    }
    expect(q.body.trackingNo).toMatch(new RegExp(`^ZX-${today}-\\d{4}$`));
    expect(s.body.trackingNo).toMatch(new RegExp(`^JY-${today}-\\d{4}$`));
    expect(r.body.trackingNo).toMatch(new RegExp(`^SQ-${today}-\\d{4}$`));
    // Questions: 10 working days; requests: 20 (counted from today, today excluded).
    expect(workingDaysBetween(new Date(), q.body.dueAt)).toBe(10);
    expect(workingDaysBetween(new Date(), r.body.dueAt)).toBe(20);
    expect(r.body.dueAt).toMatch(/T23:59:59\.999\+08:00$/);
  });

  it('numbers each type per day consecutively', async () => {
    const a = await submitted(http, me.auth, question({ content: '第一条咨询内容，关于低保申请。' }));
    const b = await submitted(http, me.auth, question({ content: '第二条咨询内容，关于低保申请。' }));
    const seq = (t: string) => Number(t.split('-')[2]);
    expect(b.trackingNo.slice(0, 12)).toBe(a.trackingNo.slice(0, 12));
    expect(seq(b.trackingNo)).toBe(seq(a.trackingNo) + 1);
  });

  it('routes a village question to its township, and a question about a disclosure to its publishing region', async () => {
    const plain = await submitted(http, me.auth, question());
    const aboutTownship = await submitted(http, me.auth, question({ disclosureId }));
    const aboutVillage = await submitted(http, me.auth, question({ disclosureId: villageDisclosureId }));
    const view = async (id: string) => (await http().get(`/api/v1/me/feedback/${id}`).set('Authorization', me.auth).expect(200)).body;
    expect((await view(plain.id)).assignedRegion).toEqual({ code: R.township, name: '景山街道' });
    expect((await view(aboutTownship.id)).assignedRegion.code).toBe(R.township);
    const v = await view(aboutVillage.id);
    expect(v.assignedRegion).toEqual({ code: R.village, name: '繁荣社区' });
    expect(v.disclosureId).toBe(villageDisclosureId);
    const item = await http().get('/api/v1/catalogue/AH-04').expect(200);
    expect(v.catalogueItemId).toBe(item.body.id);
  });

  it('keeps a request’s purpose and delivery and shows them to the applicant only', async () => {
    const created = await submitted(http, me.auth, request({ contact: '13812345678', request: { purpose: '核对补助', delivery: 'post', address: '温州市瓯海区景山街道某路1号' } }));
    const res = await http().get(`/api/v1/me/feedback/${created.id}`).set('Authorization', me.auth).expect(200);
    expect(MyFeedbackDetailSchema.strict().parse(res.body)).toEqual(res.body);
    expect(res.body).toMatchObject({
      type: 'request',
      status: 'received',
      contact: '13812345678',
      request: { purpose: '核对补助', delivery: 'post', address: '温州市瓯海区景山街道某路1号' },
      remainingWorkingDays: 20,
      overdue: false,
      extended: false,
      canRate: false,
      shownPublicly: false,
    });
    expect(res.body.timeline).toEqual([{ at: expect.any(String), action: 'received', status: 'received', region: { code: R.township, name: '景山街道' } }]);
  });

  it('lists the resident’s own items newest first, and hides them from other residents', async () => {
    const other = await newResident(http);
    const mine = await submitted(http, other.auth, question({ content: '另一位居民的咨询：村道维修进度如何？' }));
    const list = await http().get('/api/v1/me/feedback?pageSize=100').set('Authorization', other.auth).expect(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 100 });
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([mine.id]);
    for (const item of list.body.items) expect(MyFeedbackSummarySchema.strict().parse(item)).toEqual(item);
    const meList = await http().get('/api/v1/me/feedback?pageSize=100').set('Authorization', me.auth).expect(200);
    expect(meList.body.items.map((i: { id: string }) => i.id)).not.toContain(mine.id);
    const times = meList.body.items.map((i: { receivedAt: string }) => Date.parse(i.receivedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect((await http().get(`/api/v1/me/feedback/${mine.id}`).set('Authorization', me.auth)).status).toBe(404);
  });

  it('requires a resident token (an official’s token is not one)', async () => {
    expect((await submit(http, 'Bearer nope', question())).status).toBe(401);
    expect((await http().post('/api/v1/feedback').send(question())).status).toBe(401);
    expect((await submit(http, o.townAdmin.auth, question())).status).toBe(401);
  });

  it.each([
    ['an unknown region', question({ regionCode: '330304999999' }), 'body.regionCode'],
    ['a disclosure that does not exist', question({ disclosureId: 'aaaaaaaaaaaaaaaaaaaaaaaa' }), 'body.disclosureId'],
    ['a disclosure of another place', question({ regionCode: R.otherTownVillage, disclosureId: '' }), 'body.disclosureId'],
    ['an unknown catalogue item', question({ catalogueItemId: 'ZZ-99' }), 'body.catalogueItemId'],
    ['a request without purpose and delivery', request({ request: undefined }), 'body.request'],
    ['request fields on a question', question({ request: { purpose: '用途', delivery: 'online' } }), 'body.request'],
    ['postal delivery without an address', request({ request: { purpose: '用途', delivery: 'post' } }), 'body.request.address'],
    ['content that is too short', question({ content: '你好' }), 'body.content'],
    ['content that is too long', question({ content: '长'.repeat(1001) }), 'body.content'],
    ['a malformed contact', question({ contact: '12345' }), 'body.contact'],
    ['four images', question({ images: ['a', 'b', 'c', 'd'].map((c) => c.repeat(24)) }), 'body.images'],
    ['no public choice', { ...question(), public: undefined }, 'body.public'],
    ['an unknown type', { ...question(), type: 'complaint' }, 'body.type'],
  ])('refuses %s with VALIDATION_FAILED naming the field', async (_what, body, field) => {
    const b = body as Record<string, unknown>;
    if (b.disclosureId === '') b.disclosureId = disclosureId;
    const res = await submit(http, me.auth, b);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path).join(' ')).toContain(field);
  });

  it('refuses NoSQL operators in the body and the query with VALIDATION_FAILED', async () => {
    const body = await submit(http, me.auth, { ...question(), regionCode: { $ne: '' } });
    expect(body.status).toBe(400);
    expect(body.body.error.code).toBe('VALIDATION_FAILED');
    const nested = await submit(http, me.auth, { ...question(), request: { $where: 'sleep(1000)' } });
    expect(nested.status).toBe(400);
    const q = await http().get('/api/v1/feedback/public?region[$ne]=x');
    expect(q.status).toBe(400);
    expect(q.body.error.code).toBe('VALIDATION_FAILED');
    const admin = await http().get('/api/v1/admin/feedback?state[$ne]=closed').set('Authorization', o.townAdmin.auth);
    expect(admin.status).toBe(400);
    const arr = await http().get('/api/v1/admin/feedback?state=received&state=closed').set('Authorization', o.townAdmin.auth);
    expect(arr.status).toBe(400);
  });

  it('routes a question about a county-level-only catalogue item to the county', async () => {
    const res = await http().get('/api/v1/catalogue?level=county').expect(200);
    const countyOnly = res.body.items.find((i: { levels: string[] }) => i.levels.length === 1 && i.levels[0] === 'county');
    expect(countyOnly).toBeDefined();
    const created = await submitted(http, me.auth, question({ catalogueItemId: countyOnly.id }));
    const view = await http().get(`/api/v1/me/feedback/${created.id}`).set('Authorization', me.auth).expect(200);
    expect(view.body.assignedRegion.code).toBe(R.county);
  });

  it('is documented in the OpenAPI document with its schemas and security', async () => {
    const { body } = await http().get('/api/v1/openapi.json').expect(200);
    const post = body.paths['/api/v1/feedback'].post;
    expect(post.security).toEqual([{ residentToken: [] }]);
    expect(post.requestBody.content['application/json'].schema.properties.type.enum).toEqual(['question', 'suggestion', 'request']);
    expect(Object.keys(post.responses)).toEqual(['201', 'default']);
    for (const action of ['accept', 'reassign', 'extend', 'answer', 'reject', 'close']) {
      expect(body.paths[`/api/v1/admin/feedback/{id}/${action}`].post.security).toEqual([{ adminToken: [] }]);
    }
    const extend = body.paths['/api/v1/admin/feedback/{id}/extend'].post.requestBody.content['application/json'].schema;
    expect(extend.properties.workingDays).toMatchObject({ minimum: 1, maximum: 20 });
    const names = body.paths['/api/v1/admin/feedback'].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['state', 'type', 'overdue', 'region', 'page', 'pageSize']));
    expect(body.paths['/api/v1/feedback/public'].get.security).toBeUndefined();
    expect(body.paths['/api/v1/me/feedback/{id}/rating'].post).toBeDefined();
    expect(body.paths['/api/v1/admin/notices'].get).toBeDefined();
  });
});
