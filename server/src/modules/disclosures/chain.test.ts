import crypto from 'crypto';
import type { DisclosureDetail } from '@gongkai/shared';
import { useTestDatabase } from '../../../../test/support/db';
import { testApp } from '../../../../test/support/app';
import { seedCatalogue } from '../catalogue/seed';
import { GENESIS, canonicalJson } from './chain';
import { DisclosureVersionModel, versionKey, versions } from './model';
import { getPublicDetail } from './read';
import { HIDDEN_TABLE_REASON } from './render';
import { disclosureTestRegions, draftBody, officials, publishVia, type Officials } from './testing';

const A = '/api/v1/admin/disclosures';
const P = '/api/v1/disclosures';

/** What a resident can do with a detail response alone: rebuild the hashed material and hash it. */
function hashFromDetail(d: DisclosureDetail, declaredRelated: string[] = d.relatedIds): string {
  const material: Record<string, unknown> = {
    disclosureId: d.id,
    version: d.version,
    publishedAt: d.publishedAt,
    regionCode: d.regionCode,
    regionName: d.regionName,
    level: d.level,
    domain: d.domain,
    catalogueItemId: d.catalogueItemId,
    catalogueVersion: d.catalogueVersion,
    stage: d.stage,
    title: d.title,
    body: d.body,
    bodyFormat: d.bodyFormat,
    eventDate: d.eventDate,
    validFrom: d.validFrom,
    validTo: d.validTo,
    relatedIds: declaredRelated,
    attachments: d.attachments,
    publisher: d.publisher,
    contact: d.contact,
    tables: d.tables.map((t) => t.hash),
  };
  return crypto.createHash('sha256').update(canonicalJson(material) + d.prevHash).digest('hex');
}

const householdTable = {
  title: '承租资格审核通过名单',
  columns: [
    { key: 'name', label: '申请人', pii: 'name' as const },
    { key: 'id', label: '身份证号', pii: 'id-number' as const },
    { key: 'size', label: '家庭人口' },
  ],
  rows: [
    { name: '王小明', id: '330304198805061234', size: 3 },
    { name: '欧阳娜', id: '33030419920202432X', size: 2 },
  ],
};
const plainTable = { title: '配租房源', columns: [{ key: 'estate', label: '小区' }, { key: 'n', label: '套数' }], rows: [{ estate: '景山公寓', n: 12 }] };

describe('version chain (real database)', () => {
  useTestDatabase();
  const { http } = testApp({ regions: disclosureTestRegions() });
  let o: Officials;

  beforeAll(async () => {
    await seedCatalogue();
    o = await officials(http);
  });

  async function twoVersions(extra = {}) {
    const id = await publishVia(http, o.townEditor.auth, o.townReviewer.auth, draftBody({ tables: [householdTable, plainTable], contact: '0577-88881234', ...extra }));
    await http().patch(`${A}/${id}`).set('Authorization', o.townEditor.auth).send({ title: '（更正）审核结果公示' }).expect(200);
    await http().post(`${A}/${id}/submit`).set('Authorization', o.townEditor.auth).expect(200);
    await http().post(`${A}/${id}/approve`).set('Authorization', o.townReviewer.auth).send({}).expect(200);
    return id;
  }

  it('chains every published version and verifies it', async () => {
    const id = await twoVersions();
    const res = await http().get(`${P}/${id}/verify`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valid: true, withdrawn: false, problems: [] });
    const [v1, v2] = res.body.chain;
    expect(v1).toMatchObject({ version: 1, prevHash: GENESIS, valid: true });
    expect(v2).toMatchObject({ version: 2, prevHash: v1.hash, valid: true });
    expect(v2.hash).toMatch(/^[0-9a-f]{64}$/);
    const detail = await http().get(`${P}/${id}`);
    expect(detail.body).toMatchObject({ hash: v2.hash, prevHash: v1.hash });
  });

  it('lets anyone recompute the hash from the public detail (sha256 of canonical JSON + prevHash)', async () => {
    const id = await twoVersions();
    const d = (await http().get(`${P}/${id}`)).body as DisclosureDetail;
    expect(hashFromDetail(d)).toBe(d.hash);
  });

  it('detects a version edited behind the API’s back', async () => {
    const id = await twoVersions();
    await versions().updateOne({ _id: versionKey(id, 1) }, { $set: { 'public.title': '被篡改的标题' } });
    const res = await http().get(`${P}/${id}/verify`);
    expect(res.body.valid).toBe(false);
    expect(res.body.chain[0].valid).toBe(false);
    expect(res.body.chain[1].valid).toBe(true);
    expect(res.body.problems.join()).toContain('第1版内容与其哈希不符');
  });

  it('detects a rewritten version whose hash was recomputed (the next link breaks) and a deleted one', async () => {
    const id = await twoVersions();
    const v1 = (await versions().findOne({ _id: versionKey(id, 1) }))!;
    const { versionHash } = await import('./chain');
    const forged = { ...v1.public, body: '伪造的正文' };
    await versions().updateOne({ _id: v1._id }, { $set: { public: forged, hash: versionHash(forged, v1.prevHash) } });
    const res = await http().get(`${P}/${id}/verify`);
    expect(res.body.valid).toBe(false);
    expect(res.body.chain[0].valid).toBe(true);
    expect(res.body.chain[1].valid).toBe(false);

    const other = await twoVersions();
    await versions().deleteOne({ _id: versionKey(other, 2) });
    const gone = await http().get(`${P}/${other}/verify`);
    expect(gone.body.valid).toBe(false);
    expect(gone.body.problems.join()).toContain('第2版记录缺失');
  });

  it('refuses changes to published versions through the model', async () => {
    const id = await twoVersions();
    await expect(DisclosureVersionModel.updateOne({ _id: versionKey(id, 1) }, { $set: { hash: 'x' } })).rejects.toThrow(/cannot be modified/);
    await expect(DisclosureVersionModel.deleteOne({ _id: versionKey(id, 1) })).rejects.toThrow(/cannot be modified/);
  });

  it('hides personal tables after the posting period without changing or breaking the hash', async () => {
    const id = await publishVia(
      http,
      o.townEditor.auth,
      o.townReviewer.auth,
      draftBody({ tables: [householdTable, plainTable], validFrom: '2025-10-09', validTo: '2025-10-20' }),
    );
    const d = (await http().get(`${P}/${id}`)).body as DisclosureDetail;
    expect(d.tables[0]).toEqual({ title: '承租资格审核通过名单', hidden: true, reason: HIDDEN_TABLE_REASON, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(d.tables[1]).toMatchObject({ title: '配租房源', rows: [{ estate: '景山公寓', n: 12 }], personal: false });
    expect(d.body).toBe(draftBody().body);
    expect(hashFromDetail(d)).toBe(d.hash);
    expect((await http().get(`${P}/${id}/verify`)).body.valid).toBe(true);
    // Officials still see the list, unmasked.
    const admin = await http().get(`${A}/${id}`).set('Authorization', o.townEditor.auth);
    expect(admin.body.published.tables[0].rows[0]).toEqual({ name: '王小明', id: '330304198805061234', size: 3 });
  });

  it('shows the masked table during the posting period and hides it once validTo passes', async () => {
    const validTo = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const id = await publishVia(http, o.townEditor.auth, o.townReviewer.auth, draftBody({ tables: [householdTable], validTo }));
    const now = await getPublicDetail(id);
    expect(now.tables[0]).toMatchObject({ personal: true, rows: [{ name: '王**', id: '330304********1234', size: 3 }, { name: '欧阳*', id: '330304********432X', size: 2 }] });
    const later = await getPublicDetail(id, Date.now() + 11 * 86_400_000);
    expect(later.tables[0]).toMatchObject({ hidden: true });
    expect(later.hash).toBe(now.hash);
    expect(hashFromDetail(later)).toBe(now.hash);
  });
});
