import fs from 'fs';
import os from 'os';
import path from 'path';
import { useTestDatabase } from '../../../../test/support/db';
import { testApp } from '../../../../test/support/app';
import { seedCatalogue } from '../catalogue/seed';
import { sha256Of } from '../../uploads/store';
import { attachmentName } from './attachments';
import { disclosureTestRegions, draftBody, officials, R, type Officials } from './testing';

const A = '/api/v1/admin/disclosures';
const P = '/api/v1/disclosures';

/** A small but real PDF (header, one empty page, xref, trailer). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0')]);
/** A Windows executable's header: what an ".exe renamed .pdf" starts with. */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0')]);

describe('disclosure attachments (real database)', () => {
  useTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-attach-'));
  const { http } = testApp({ regions: disclosureTestRegions(), env: { GONGKAI_DATA_DIR: dataDir, GONGKAI_UPLOAD_LIMIT_MB: '0.5' } });
  let o: Officials;
  let id: string;

  const upload = (auth: string, data: Buffer, filename: string, target = id) =>
    http().post(`${A}/${target}/attachments`).set('Authorization', auth).attach('file', data, { filename, contentType: 'application/octet-stream' });

  beforeAll(async () => {
    await seedCatalogue();
    o = await officials(http);
    id = (await http().post(A).set('Authorization', o.villageEditor.auth).send(draftBody({ regionCode: R.village })).expect(201)).body.id;
  });

  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('accepts a PDF and an image by content, stores them by sha256 under the data folder, and lists them in the draft', async () => {
    const pdf = await upload(o.villageEditor.auth, PDF, '征地补偿安置方案.pdf');
    expect(pdf.status).toBe(201);
    expect(pdf.body).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/), name: '征地补偿安置方案.pdf', mime: 'application/pdf', size: PDF.length, sha256: sha256Of(PDF) });
    expect(fs.readFileSync(path.join(dataDir, 'uploads', pdf.body.sha256.slice(0, 2), pdf.body.sha256))).toEqual(PDF);
    const png = await upload(o.villageEditor.auth, PNG, '现场照片.pdf');
    expect(png.status).toBe(201);
    expect(png.body).toMatchObject({ mime: 'image/png', name: '现场照片.png' });
    const detail = (await http().get(`${A}/${id}`).set('Authorization', o.villageEditor.auth).expect(200)).body;
    expect(detail.workingCopy.attachments.map((a: { id: string }) => a.id)).toEqual([pdf.body.id, png.body.id]);
  });

  it('refuses an executable renamed .pdf and a text file (415), a file over the limit (413), and a missing file (400)', async () => {
    const exe = await upload(o.villageEditor.auth, EXE, '通知.pdf');
    expect(exe.status).toBe(415);
    expect(exe.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await upload(o.villageEditor.auth, Buffer.from('只是一段文字'), '说明.pdf')).status).toBe(415);
    const big = await upload(o.villageEditor.auth, Buffer.concat([PDF, Buffer.alloc(600 * 1024)]), '大文件.pdf');
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await http().post(`${A}/${id}/attachments`).set('Authorization', o.villageEditor.auth).field('x', 'y')).status).toBe(400);
    expect((await http().post(`${A}/${id}/attachments`).set('Authorization', o.villageEditor.auth).send({ file: 'x' })).status).toBe(415);
    const detail = (await http().get(`${A}/${id}`).set('Authorization', o.villageEditor.auth).expect(200)).body;
    expect(detail.workingCopy.attachments).toHaveLength(2);
  });

  it('lets only editors in scope upload, and only to a draft', async () => {
    expect((await upload(o.outEditor.auth, PDF, 'a.pdf')).status).toBe(403);
    expect((await upload(o.villageReviewer.auth, PDF, 'a.pdf')).status).toBe(403);
    expect((await upload(o.assessor.auth, PDF, 'a.pdf')).status).toBe(403);
    const pending = (await http().post(A).set('Authorization', o.villageEditor.auth).send(draftBody({ regionCode: R.village })).expect(201)).body.id;
    await http().post(`${A}/${pending}/submit`).set('Authorization', o.villageEditor.auth).expect(200);
    expect((await upload(o.villageEditor.auth, PDF, 'a.pdf', pending)).status).toBe(409);
    // Whoever attaches a file is an author of the copy, and may not approve it.
    const other = (await http().post(A).set('Authorization', o.villageEditor.auth).send(draftBody({ regionCode: R.village })).expect(201)).body.id;
    expect((await upload(o.countyAdmin.auth, PDF, 'a.pdf', other)).status).toBe(201);
    await http().post(`${A}/${other}/submit`).set('Authorization', o.villageEditor.auth).expect(200);
    expect((await http().post(`${A}/${other}/approve`).set('Authorization', o.countyAdmin.auth).send({})).status).toBe(409);
  });

  it('keeps draft attachments from the public, serves officials in scope, and publishes them with the version hash', async () => {
    const pdfRef = (await http().get(`${A}/${id}`).set('Authorization', o.villageEditor.auth)).body.workingCopy.attachments[0];
    expect((await http().get(`${P}/${id}/attachments/${pdfRef.id}`)).status).toBe(404);
    const own = await http().get(`${A}/${id}/attachments/${pdfRef.id}`).set('Authorization', o.villageReviewer.auth).buffer(true);
    expect(own.status).toBe(200);
    expect(Buffer.from(own.body)).toEqual(PDF);
    expect((await http().get(`${A}/${id}/attachments/${pdfRef.id}`).set('Authorization', o.outAdmin.auth)).status).toBe(403);

    await http().post(`${A}/${id}/submit`).set('Authorization', o.villageEditor.auth).expect(200);
    await http().post(`${A}/${id}/approve`).set('Authorization', o.villageReviewer.auth).send({}).expect(200);
    const detail = (await http().get(`${P}/${id}`).expect(200)).body;
    expect(detail.attachments).toEqual([pdfRef, expect.objectContaining({ mime: 'image/png' })]);
    expect((await http().get(`${P}/${id}/verify`)).body.valid).toBe(true);

    const res = await http().get(`${P}/${id}/attachments/${pdfRef.id}`).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(`inline; filename="attachment-${pdfRef.id}.pdf"; filename*=UTF-8''${encodeURIComponent('征地补偿安置方案.pdf')}`);
    expect(Buffer.from(res.body)).toEqual(PDF);
    expect(sha256Of(Buffer.from(res.body))).toBe(pdfRef.sha256);
    const dl = await http().get(`${P}/${id}/attachments/${pdfRef.id}?download=1`);
    expect(dl.headers['content-disposition']).toMatch(/^attachment; /);
    expect((await http().get(`${P}/${id}/attachments/${pdfRef.id}`).set('If-None-Match', res.headers.etag)).status).toBe(304);
    expect((await http().get(`${P}/${id}/attachments/ffffffffffffffffffffffff`)).status).toBe(404);
  });

  it('changes attachments only through a next-version draft; the public keeps the published files until it is approved', async () => {
    const published = (await http().get(`${P}/${id}`)).body.attachments;
    expect((await upload(o.villageEditor.auth, PDF, 'b.pdf')).status).toBe(409);
    await http().patch(`${A}/${id}`).set('Authorization', o.villageEditor.auth).send({ title: '更正后的公示' }).expect(200);
    const del = await http().delete(`${A}/${id}/attachments/${published[1].id}`).set('Authorization', o.villageEditor.auth);
    expect(del.status).toBe(204);
    expect((await http().delete(`${A}/${id}/attachments/${published[1].id}`).set('Authorization', o.villageEditor.auth)).status).toBe(404);
    expect((await http().get(`${A}/${id}`).set('Authorization', o.villageEditor.auth)).body.workingCopy.attachments).toEqual([published[0]]);
    // Residents still get both files of version 1.
    expect((await http().get(`${P}/${id}`)).body.attachments).toEqual(published);
    expect((await http().get(`${P}/${id}/attachments/${published[1].id}`)).status).toBe(200);
    await http().post(`${A}/${id}/withdraw`).set('Authorization', o.villageReviewer.auth).send({ reason: '重新发布' }).expect(200);
    expect((await http().get(`${P}/${id}/attachments/${published[0].id}`)).status).toBe(404);
  });

  it('names files safely with the extension of their real type', () => {
    expect(attachmentName('C:\\Users\\me\\补偿方案.PDF', 'application/pdf')).toBe('补偿方案.PDF');
    expect(attachmentName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(attachmentName('照片.pdf', 'image/jpeg')).toBe('照片.jpg');
    expect(attachmentName('', 'image/webp')).toBe('附件.webp');
    expect(attachmentName(`${'长'.repeat(300)}.pdf`, 'application/pdf')).toHaveLength(200);
  });
});
