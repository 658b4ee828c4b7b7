import { useTestDatabase } from '../../../../test/support/db';
import { testApp } from '../../../../test/support/app';
import { createOfficial, loginAs } from '../../../../test/support/fixtures';
import { seedCatalogue } from '../catalogue/seed';
import { DisclosureModel } from './model';
import { disclosureTestRegions, draftBody, officials, publishVia, R, type Officials } from './testing';

const A = '/api/v1/admin/disclosures';
const P = '/api/v1/disclosures';

describe('disclosure input rules (real database)', () => {
  useTestDatabase();
  const { http } = testApp({ regions: disclosureTestRegions() });
  let o: Officials;

  beforeAll(async () => {
    await seedCatalogue();
    o = await officials(http);
  });

  const create = (body: unknown, auth = o.countyAdmin.auth) => http().post(A).set('Authorization', auth).send(body as object);
  const fails = (res: { status: number; body: { error: { code: string } } }, code = 'VALIDATION_FAILED', status = 400) => {
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  };

  describe('catalogue item and region', () => {
    it('refuses a region level the item does not list (LA-01 is county-only)', async () => {
      const res = await create(draftBody({ catalogueItemId: 'LA-01', regionCode: R.village }));
      fails(res);
      expect(res.body.error.details[0].path).toBe('body.regionCode');
      expect((await create(draftBody({ catalogueItemId: 'LA-01', regionCode: R.county }))).status).toBe(201);
    });

    it('refuses an unknown region, city or province levels, and an unknown item', async () => {
      fails(await create(draftBody({ regionCode: '330304001999' })));
      fails(await create(draftBody({ regionCode: '3303' })), 'FORBIDDEN', 403); // the city is above the county admin
      const province = await loginAs(http, (await createOfficial({ role: 'admin', regionCode: '33' })).username);
      fails(await create(draftBody({ regionCode: '3303' }), province)); // a city cannot publish
      fails(await create(draftBody({ regionCode: '33' }), province));
      fails(await create(draftBody({ catalogueItemId: 'ZZ-99' })));
      fails(await create(draftBody({ catalogueItemId: 'ffffffffffffffffffffffff' })));
    });

    it('refuses a 五公开 stage the item does not have, and defaults to its first', async () => {
      fails(await create(draftBody({ stage: 'decision' })));
      const ok = await create(draftBody());
      expect(ok.status).toBe(201);
      const detail = await http().get(`${A}/${ok.body.id}`).set('Authorization', o.countyAdmin.auth);
      expect(['execution', 'result', 'service', 'management', 'decision']).toContain(detail.body.workingCopy.stage);
    });

    it('checks the minimum posting period of the item (PR-04: 公示期不少于10日)', async () => {
      const body = draftBody({ catalogueItemId: 'PR-04', regionCode: R.township, validFrom: '2025-10-01', validTo: '2025-10-09' });
      const res = await create(body);
      fails(res);
      expect(res.body.error.message).toContain('不少于10日');
      expect((await create({ ...body, validTo: '2025-10-10' })).status).toBe(201);
      fails(await create({ ...body, validFrom: '2025-10-10', validTo: '2025-10-01' }));
    });
  });

  describe('hostile input never reaches the database', () => {
    let before = 0;
    beforeAll(async () => {
      before = await DisclosureModel.countDocuments();
    });

    it.each([
      ['operator in a field', { ...draftBody(), regionCode: { $gt: '' } }],
      ['operator as the item', { ...draftBody(), catalogueItemId: { $ne: null } }],
      ['nested operator in a row', { ...draftBody(), tables: [{ title: 't', columns: [{ key: 'a', label: 'A' }], rows: [{ a: { $where: 'sleep(1000)' } }] }] }],
      ['dotted column key', { ...draftBody(), tables: [{ title: 't', columns: [{ key: 'a.b', label: 'A' }], rows: [] }] }],
      ['$ column key', { ...draftBody(), tables: [{ title: 't', columns: [{ key: '$x', label: 'A' }], rows: [] }] }],
      ['row key not a column', { ...draftBody(), tables: [{ title: 't', columns: [{ key: 'a', label: 'A' }], rows: [{ b: 1 }] }] }],
      ['unknown pii kind', { ...draftBody(), tables: [{ title: 't', columns: [{ key: 'a', label: 'A', pii: 'dna' }], rows: [] }] }],
      ['title too long', { ...draftBody(), title: '长'.repeat(201) }],
      ['cell too long', { ...draftBody(), tables: [{ title: 't', columns: [{ key: 'a', label: 'A' }], rows: [{ a: 'x'.repeat(501) }] }] }],
      ['too many rows', { ...draftBody(), tables: [{ title: 't', columns: [{ key: 'a', label: 'A' }], rows: Array.from({ length: 5001 }, () => ({ a: 1 })) }] }],
      ['related id malformed', { ...draftBody(), relatedIds: ['x'] }],
      ['related id not published', { ...draftBody(), relatedIds: ['ffffffffffffffffffffffff'] }],
    ])('%s → VALIDATION_FAILED', async (_name, body) => {
      fails(await create(body));
    });

    it('refuses a body larger than the limit with 413', async () => {
      const res = await create({ ...draftBody(), body: '字'.repeat(600_000) });
      fails(res, 'PAYLOAD_TOO_LARGE', 413);
    });

    it('refuses operator-looking query keys and array values in lists', async () => {
      fails(await http().get(`${P}?region[$ne]=x`));
      fails(await http().get(`${P}?region=${R.village}&region=${R.neighbour}`));
      fails(await http().get(`${A}?status[$ne]=draft`).set('Authorization', o.countyAdmin.auth));
      fails(await http().get(`${A}?late=maybe`).set('Authorization', o.countyAdmin.auth));
      fails(await http().get(`${P}/not-an-id`));
      fails(await http().get(`${P}/not-an-id/verify`));
    });

    it('refuses fields PATCH cannot change and an empty PATCH', async () => {
      const id = (await create(draftBody())).body.id;
      fails(await http().patch(`${A}/${id}`).set('Authorization', o.countyAdmin.auth).send({ regionCode: R.village }));
      fails(await http().patch(`${A}/${id}`).set('Authorization', o.countyAdmin.auth).send({}));
      fails(await http().patch(`${A}/${id}`).set('Authorization', o.countyAdmin.auth).send({ title: { $set: 'x' } }));
    });

    it('stored nothing for any refused request (only the PATCH test’s own draft)', async () => {
      expect(await DisclosureModel.countDocuments()).toBe(before + 1);
    });
  });

  describe('body', () => {
    it('sanitizes rich text to the allow-list and keeps plain text as text', async () => {
      const html = '<p onclick="evil()">公告<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">链接</a><a href="https://www.ouhai.gov.cn/">官网</a><style>p{}</style><strong>重要</strong></p>';
      const id = await publishVia(http, o.townEditor.auth, o.townReviewer.auth, draftBody({ body: html }));
      const pub = await http().get(`${P}/${id}`);
      expect(pub.body.bodyFormat).toBe('html');
      expect(pub.body.body).not.toMatch(/script|onclick|onerror|javascript:|<img|<style/i);
      expect(pub.body.body).toContain('<strong>重要</strong>');
      expect(pub.body.body).toContain('<a href="https://www.ouhai.gov.cn/" rel="noopener noreferrer nofollow" target="_blank">官网</a>');
      const text = await publishVia(http, o.townEditor.auth, o.townReviewer.auth, draftBody({ body: '第一行\r\n第二行 a<b 时' }));
      expect((await http().get(`${P}/${text}`)).body).toMatchObject({ bodyFormat: 'text', body: '第一行\n第二行 a<b 时' });
    });
  });

  describe('related disclosures', () => {
    it('links a 解读 to its policy both ways once published, and drops links to withdrawn ones', async () => {
      const policy = await publishVia(http, o.townEditor.auth, o.townReviewer.auth, draftBody({ title: '公租房政策' }));
      const reading = await publishVia(http, o.townEditor.auth, o.townReviewer.auth, draftBody({ title: '公租房政策解读', relatedIds: [policy] }));
      expect((await http().get(`${P}/${reading}`)).body.relatedIds).toEqual([policy]);
      expect((await http().get(`${P}/${policy}`)).body.relatedIds).toEqual([reading]);
      fails(await http().patch(`${A}/${reading}`).set('Authorization', o.townEditor.auth).send({ relatedIds: [reading] }));
      await http().post(`${A}/${reading}/withdraw`).set('Authorization', o.townReviewer.auth).send({ reason: '解读有误' }).expect(200);
      expect((await http().get(`${P}/${policy}`)).body.relatedIds).toEqual([]);
      const admin = await http().get(`${A}/${policy}`).set('Authorization', o.townEditor.auth);
      expect(admin.body.linkedFrom).toEqual([]);
    });
  });
});
