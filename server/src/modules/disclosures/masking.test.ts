import { useTestDatabase } from '../../../../test/support/db';
import { testApp } from '../../../../test/support/app';
import { seedCatalogue } from '../catalogue/seed';
import { disclosureTestRegions, draftBody, officials, publishVia, R, type Officials } from './testing';

const A = '/api/v1/admin/disclosures';
const P = '/api/v1/disclosures';

const ID = '330304198805061234';
const PHONE = '13812345678';
const CARD = '6222021234567890123';

/** A compensation list with marked columns and personal numbers hidden in an unmarked one. */
const compensation = {
  title: '分户补偿情况',
  columns: [
    { key: 'name', label: '被征收人', pii: 'name' as const },
    { key: 'id', label: '身份证号', pii: 'id-number' as const },
    { key: 'phone', label: '联系电话', pii: 'phone' as const },
    { key: 'bank', label: '收款账号', pii: 'bank-account' as const },
    { key: 'addr', label: '房屋坐落', pii: 'address' as const },
    { key: 'note', label: '备注' },
    { key: 'amount', label: '补偿金额（元）' },
  ],
  rows: [
    { name: '张三', id: ID, phone: PHONE, bank: CARD, addr: '瓯海区景山街道府东路123号', note: `代领人电话${'13912345678'}`, amount: 356000 },
    { name: '欧阳修文', id: '330304900101123', phone: '', bank: null, addr: '景山街道繁荣社区18幢', note: '身份证 33030419920202432X', amount: 12000.5 },
  ],
};

const leaked = (text: string) => [ID, PHONE, CARD, '13912345678', '33030419920202432X', '张三', '欧阳修文', '府东路123号'].filter((s) => text.includes(s));

describe('privacy masking in public responses (real database)', () => {
  useTestDatabase();
  const { http } = testApp({ regions: disclosureTestRegions() });
  let o: Officials;
  let id: string;

  beforeAll(async () => {
    await seedCatalogue();
    o = await officials(http);
    id = await publishVia(
      http,
      o.townEditor.auth,
      o.townReviewer.auth,
      draftBody({
        title: `补偿公示（咨询${PHONE}）`,
        body: `该户（身份证${ID}）补偿款已打入账户${CARD}，咨询电话0577-88881234。`,
        contact: '景山街道征迁办 0577-88881234',
        tables: [compensation],
      }),
    );
  });

  it('masks the list item title', async () => {
    const res = await http().get(`${P}?region=${R.village}`);
    const item = res.body.items.find((i: { id: string }) => i.id === id);
    expect(item.title).toBe('补偿公示（咨询138****5678）');
    expect(leaked(JSON.stringify(res.body))).toEqual([]);
  });

  it('masks the detail: marked columns by kind, detected numbers anywhere, the body and the title', async () => {
    const res = await http().get(`${P}/${id}`);
    expect(leaked(JSON.stringify(res.body))).toEqual([]);
    // Office numbers (landlines) stay; names in free text cannot be detected (only `name` columns are masked).
    expect(res.body.body).toBe('该户（身份证330304********1234）补偿款已打入账户***************0123，咨询电话0577-88881234。');
    expect(res.body.tables[0].rows).toEqual([
      { name: '张*', id: '330304********1234', phone: '138****5678', bank: '***************0123', addr: '瓯海区景山街道府东路****', note: '代领人电话139****5678', amount: 356000 },
      { name: '欧阳**', id: '330304*****1123', phone: '', bank: null, addr: '景山街道繁荣社区****', note: '身份证 330304********432X', amount: 12000.5 },
    ]);
    expect(res.body.tables[0].personal).toBe(true);
    expect(res.body.contact).toBe('景山街道征迁办 0577-88881234');
  });

  it('shows officials in scope the originals, and the preview exactly as residents see it', async () => {
    const admin = await http().get(`${A}/${id}`).set('Authorization', o.townReviewer.auth);
    expect(admin.body.published.tables[0].rows[0]).toMatchObject({ name: '张三', id: ID, phone: PHONE, bank: CARD });
    expect(admin.body.published.body).toContain(ID);
    const preview = await http().get(`${A}/${id}/preview`).set('Authorization', o.townReviewer.auth);
    const pub = await http().get(`${P}/${id}`);
    expect(preview.body).toEqual(pub.body);
  });

  it('previews a working copy masked, before anything is published', async () => {
    const created = await http()
      .post(A)
      .set('Authorization', o.villageEditor.auth)
      .send(draftBody({ regionCode: R.village, title: '草稿', body: `联系人手机${PHONE}`, tables: [compensation] }))
      .expect(201);
    const preview = await http().get(`${A}/${created.body.id}/preview`).set('Authorization', o.villageEditor.auth);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ preview: true, version: 1, body: '联系人手机138****5678' });
    expect(leaked(JSON.stringify(preview.body))).toEqual([]);
    expect((await http().get(`${P}/${created.body.id}`)).status).toBe(404);
  });

  it('masks the next version of a published disclosure in its preview while the public keeps the old one', async () => {
    await http().patch(`${A}/${id}`).set('Authorization', o.townEditor.auth).send({ body: `新联系人${'13700001111'}` }).expect(200);
    const preview = await http().get(`${A}/${id}/preview`).set('Authorization', o.townEditor.auth);
    expect(preview.body).toMatchObject({ preview: true, version: 2, body: '新联系人137****1111' });
    expect((await http().get(`${P}/${id}`)).body.version).toBe(1);
  });
});
