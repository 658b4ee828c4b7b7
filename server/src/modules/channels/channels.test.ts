import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { disclosureH5Url } from '@gongkai/shared';
import { useTestDatabase } from '../../../../test/support/db';
import { testApp } from '../../../../test/support/app';
import { seedCatalogue } from '../catalogue/seed';
import { HIDDEN_TABLE_REASON } from '../disclosures/render';
import { disclosureTestRegions, draftBody, officials, publishVia, R, type Officials } from '../disclosures/testing';
import { qrPng } from './qr';
import { pdfQrPayloads, pdfText, squeeze } from './testing';

const BASE = 'https://gongkai.example.cn';
const A = '/api/v1/admin/disclosures';
const table = {
  title: '公共租赁住房承租资格审核结果',
  columns: [
    { key: 'name', label: '申请人', pii: 'name' as const },
    { key: 'phone', label: '联系电话', pii: 'phone' as const },
    { key: 'size', label: '家庭人口' },
  ],
  rows: [
    { name: '张三丰', phone: '13812345678', size: 3 },
    { name: '李四', phone: '13987654321', size: 2 },
  ],
};

describe('channels: bulletin-board notice PDF and feeds', () => {
  useTestDatabase();
  const { http } = testApp({ regions: disclosureTestRegions(), env: { GONGKAI_PUBLIC_URL: BASE } });
  let o: Officials;
  const d: Record<string, string> = {};

  beforeAll(async () => {
    await seedCatalogue();
    o = await officials(http);
    const body = '<p>经审核，以下家庭符合公共租赁住房承租资格，现予公示。</p><ul><li>异议请向街道住房保障窗口反映</li><li>咨询电话 13800001111</li></ul>';
    d.township = await publishVia(http, o.townEditor.auth, o.townReviewer.auth, draftBody({ title: '景山街道2026年第四批公租房承租资格公示', body, tables: [table], validFrom: '2026-11-01', validTo: '2099-12-31' }));
    d.expired = await publishVia(http, o.villageEditor.auth, o.villageReviewer.auth, draftBody({ regionCode: R.village, title: '繁荣社区2025年配租结果公示', tables: [table], validFrom: '2025-01-01', validTo: '2025-01-31' }));
    d.neighbour = await publishVia(http, o.townEditor.auth, o.townReviewer.auth, draftBody({ regionCode: R.neighbour, title: '景山社区配租结果' }));
    d.housing = await publishVia(http, o.townEditor.auth, o.townReviewer.auth, draftBody({ catalogueItemId: 'RH-03', title: '农村危房等级评定标准' }));
  });

  const notice = (id: string) => http().get(`/api/v1/disclosures/${id}/notice.pdf`).buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

  describe('GET /api/v1/disclosures/:id/notice.pdf', () => {
    it('prints the masked disclosure in Chinese with 公示期, publisher, version and hash', async () => {
      const detail = (await http().get(`/api/v1/disclosures/${d.township}`)).body;
      const res = await notice(d.township);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const { text, pages } = await pdfText(res.body);
      const flat = squeeze(text);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(flat).toContain(squeeze(detail.title));
      expect(flat).toContain('经审核，以下家庭符合公共租赁住房承租资格，现予公示。');
      expect(flat).toContain('•异议请向街道住房保障窗口反映');
      expect(flat).toContain('公示期：2026年11月1日至2099年12月31日');
      expect(flat).toContain(squeeze(detail.publisher));
      expect(flat).toContain('第1版');
      expect(flat).toContain(detail.hash);
      // Masked as residents see it; the originals never appear.
      expect(flat).toContain('张**');
      expect(flat).toContain('138****5678');
      expect(flat).toContain('138****1111');
      for (const raw of ['张三丰', '13812345678', '13800001111', '李四']) expect(flat).not.toContain(raw);
    });

    it('carries a QR code that opens the disclosure on the H5 site, and prints the mini-program path', async () => {
      const res = await notice(d.township);
      const url = disclosureH5Url(BASE, d.township);
      expect(url).toBe(`${BASE}/m/#/pages/disclosure/index?id=${d.township}`);
      expect(res.headers['x-qr-payload']).toBe(url);
      // Decoded from the image embedded in the PDF itself.
      expect(pdfQrPayloads(res.body)).toEqual([url]);
      const flat = squeeze((await pdfText(res.body)).text);
      expect(flat).toContain(`小程序页面：pages/disclosure/index?id=${d.township}`);
      expect((await qrPng(url)).subarray(1, 4).toString()).toBe('PNG');
    });

    it('leaves out a personal table once the posting period is over', async () => {
      const flat = squeeze((await pdfText((await notice(d.expired)).body)).text);
      expect(flat).toContain('公示期：2025年1月1日至2025年1月31日');
      expect(flat).toContain(squeeze(HIDDEN_TABLE_REASON));
      expect(flat).not.toContain('138****5678');
      expect(flat).not.toContain('张**');
    });

    it('is 404 for drafts and unknown ids, 400 for malformed ones', async () => {
      const draft = await http().post(A).set('Authorization', o.townEditor.auth).send(draftBody({ title: '草稿' }));
      expect((await notice(draft.body.id)).status).toBe(404);
      expect((await notice('0123456789abcdef01234567')).status).toBe(404);
      expect((await notice('nope')).status).toBe(400);
    });
  });

  describe('GET /api/v1/feeds/:regionCode.atom and .json', () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'entry' || name === 'link' });

    it('is valid Atom with the required elements, the region’s and its ancestors’ disclosures, masked', async () => {
      const res = await http().get(`/api/v1/feeds/${R.village}.atom`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      expect(XMLValidator.validate(res.text)).toBe(true);
      const { feed } = parser.parse(res.text);
      expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
      expect(feed.id).toBe(`${BASE}/api/v1/feeds/${R.village}.atom`);
      expect(feed.title).toContain('政务公开');
      expect(Date.parse(feed.updated)).not.toBeNaN();
      expect(feed.author.name).toBeTruthy();
      expect(feed.link.find((l: Record<string, string>) => l['@rel'] === 'self')['@href']).toBe(feed.id);
      const ids = feed.entry.map((e: { id: string }) => e.id.replace('urn:gongkai:disclosure:', ''));
      expect(ids.sort()).toEqual([d.township, d.expired, d.housing].sort());
      expect(ids).not.toContain(d.neighbour);
      for (const e of feed.entry) {
        expect(e.title).toBeTruthy();
        expect(Date.parse(e.updated)).not.toBeNaN();
        expect(e.link[0]['@href']).toBe(disclosureH5Url(BASE, e.id.replace('urn:gongkai:disclosure:', '')));
      }
      expect(res.text).toContain('138****5678');
      expect(res.text).not.toContain('13812345678');
      expect(res.text).not.toContain('张三丰');
    });

    it('filters by domain and 404s an unknown region', async () => {
      const { feed } = parser.parse((await http().get(`/api/v1/feeds/${R.township}.atom?domain=rural-housing-renovation`)).text);
      expect(feed.entry.map((e: { id: string }) => e.id)).toEqual([`urn:gongkai:disclosure:${d.housing}`]);
      expect((await http().get('/api/v1/feeds/330304999.atom')).status).toBe(404);
      expect((await http().get('/api/v1/feeds/33x.json')).status).toBe(400);
    });

    it('serves JSON Feed 1.1 with the version, hash and masked tables as data', async () => {
      const res = await http().get(`/api/v1/feeds/${R.township}.json`);
      expect(res.status).toBe(200);
      const feed = JSON.parse(res.text);
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
      expect(feed.feed_url).toBe(`${BASE}/api/v1/feeds/${R.township}.json`);
      const item = feed.items.find((i: { id: string }) => i.id === d.township);
      expect(item.url).toBe(disclosureH5Url(BASE, d.township));
      expect(item._gongkai.tables[0].rows[0]).toEqual({ name: '张**', phone: '138****5678', size: 3 });
      expect(res.text).not.toContain('13812345678');
    });
  });

  it('shows the same version with the same hash on every channel, also after a new version', async () => {
    const hashes = async () => {
      const detail = (await http().get(`/api/v1/disclosures/${d.township}`)).body;
      const pdf = squeeze((await pdfText((await notice(d.township)).body)).text);
      const atom = (await http().get(`/api/v1/feeds/${R.village}.atom`)).text;
      const entry = atom.split('<entry>').find((e) => e.includes(d.township))!;
      const json = JSON.parse((await http().get(`/api/v1/feeds/${R.village}.json`)).text).items.find((i: { id: string }) => i.id === d.township);
      return { detail: [detail.version, detail.hash], pdf, atom: [Number(/<gk:version>(\d+)</.exec(entry)![1]), /<gk:hash>([0-9a-f]{64})</.exec(entry)![1]], json: [json._gongkai.version, json._gongkai.hash] };
    };
    const v1 = await hashes();
    expect(v1.atom).toEqual(v1.detail);
    expect(v1.json).toEqual(v1.detail);
    expect(v1.pdf).toContain(`第${v1.detail[0]}版`);
    expect(v1.pdf).toContain(v1.detail[1]);

    await http().patch(`${A}/${d.township}`).set('Authorization', o.townEditor.auth).send({ title: '景山街道2026年第四批公租房承租资格公示（更正）' }).expect(200);
    await http().post(`${A}/${d.township}/submit`).set('Authorization', o.townEditor.auth).expect(200);
    await http().post(`${A}/${d.township}/approve`).set('Authorization', o.townReviewer.auth).send({}).expect(200);
    const v2 = await hashes();
    expect(v2.detail[0]).toBe(2);
    expect(v2.detail[1]).not.toBe(v1.detail[1]);
    expect(v2.atom).toEqual(v2.detail);
    expect(v2.json).toEqual(v2.detail);
    expect(v2.pdf).toContain('第2版');
    expect(v2.pdf).toContain(v2.detail[1]);
    expect(v2.pdf).toContain('（更正）');
  });
});
