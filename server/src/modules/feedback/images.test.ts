import fs from 'fs';
import path from 'path';
import { useTestDatabase } from '../../../../test/support/db';
import { ImageStore, ORPHAN_TTL_MS, purgeOrphanImages, sniffImageType } from './images';
import { images } from './model';
import { setFeedbackRateLimits } from './rate-limit';
import { feedbackApp, feedbackOfficials, newResident, question, submit, submitted, type Officials } from './testing';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR-fake-png-body')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF-fake-jpeg-body')]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x20, 0, 0, 0]), Buffer.from('WEBPVP8 fake-webp-body')]);

describe('feedback images: checked by content, served only to the submitter and officials in scope', () => {
  useTestDatabase();
  const { http, dataDir } = feedbackApp();
  let o: Officials;
  let me: { auth: string; id: string };

  beforeAll(async () => {
    o = await feedbackOfficials(http, ['townEditor', 'otherTownEditor']);
    me = await newResident(http);
  });

  const upload = (auth: string, data: Buffer, filename: string, contentType = 'application/octet-stream') =>
    http().post('/api/v1/feedback/images').set('Authorization', auth).attach('file', data, { filename, contentType });

  it('recognizes JPEG, PNG and WebP by their first bytes, whatever the name says', async () => {
    expect(await sniffImageType(PNG)).toBe('image/png');
    expect(await sniffImageType(JPEG)).toBe('image/jpeg');
    expect(await sniffImageType(WEBP)).toBe('image/webp');
    expect(await sniffImageType(Buffer.from('GIF89a'))).toBeUndefined();
    const res = await upload(me.auth, JPEG, 'looks-like.png', 'image/png');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/), mime: 'image/jpeg', size: JPEG.length });
    expect(fs.existsSync(path.join(dataDir, 'feedback-images', res.body.id.slice(0, 2), res.body.id))).toBe(true);
  });

  it('refuses a .jpg that is really text (415), a file over 5 MB (413), a JSON body (415) and a missing file (400)', async () => {
    const text = await upload(me.auth, Buffer.from('这不是图片，只是一段文字。'), 'photo.jpg', 'image/jpeg');
    expect(text.status).toBe(415);
    expect(text.body.error).toEqual({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '只能上传 JPEG、PNG 或 WebP 格式的图片' });
    const big = await upload(me.auth, Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), 'big.png');
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const json = await http().post('/api/v1/feedback/images').set('Authorization', me.auth).send({ file: 'x' });
    expect(json.status).toBe(415);
    const none = await http().post('/api/v1/feedback/images').set('Authorization', me.auth).field('note', 'x');
    expect(none.status).toBe(400);
    expect((await upload('Bearer x', PNG, 'a.png')).status).toBe(401);
  });

  it('attaches uploads to a submission and serves them to the submitter and officials in scope only', async () => {
    const png = (await upload(me.auth, PNG, 'a.png').expect(201)).body;
    const webp = (await upload(me.auth, WEBP, 'b.webp').expect(201)).body;
    const { id } = await submitted(http, me.auth, question({ images: [png.id, webp.id] }));
    const detail = (await http().get(`/api/v1/me/feedback/${id}`).set('Authorization', me.auth).expect(200)).body;
    expect(detail.images).toEqual([
      { id: png.id, mime: 'image/png', size: PNG.length, url: `/api/v1/me/feedback/${id}/images/${png.id}` },
      { id: webp.id, mime: 'image/webp', size: WEBP.length, url: `/api/v1/me/feedback/${id}/images/${webp.id}` },
    ]);
    const got = await http().get(detail.images[0].url).set('Authorization', me.auth).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(got.body as Buffer, PNG)).toBe(0);

    const stranger = await newResident(http);
    expect((await http().get(detail.images[0].url).set('Authorization', stranger.auth)).status).toBe(404);
    const adminUrl = `/api/v1/admin/feedback/${id}/images/${webp.id}`;
    const official = await http().get(adminUrl).set('Authorization', o.townEditor.auth);
    expect(official.status).toBe(200);
    expect(official.headers['content-type']).toBe('image/webp');
    expect((await http().get(adminUrl).set('Authorization', o.otherTownEditor.auth)).status).toBe(404);
    expect((await http().get(`/api/v1/me/feedback/${id}/images/${'a'.repeat(24)}`).set('Authorization', me.auth)).status).toBe(404);
    // The public never sees images.
    expect(JSON.stringify((await http().get('/api/v1/feedback/public')).body)).not.toContain(png.id);
  });

  it('refuses images that are used already, someone else’s, or unknown', async () => {
    const png = (await upload(me.auth, PNG, 'a.png').expect(201)).body;
    await submitted(http, me.auth, question({ images: [png.id] }));
    const reused = await submit(http, me.auth, question({ images: [png.id] }));
    expect(reused.status).toBe(400);
    expect(reused.body.error.details[0].path).toBe('body.images.0');
    const other = await newResident(http);
    const theirs = (await upload(other.auth, PNG, 'c.png').expect(201)).body;
    expect((await submit(http, me.auth, question({ images: [theirs.id] }))).status).toBe(400);
    expect((await submit(http, me.auth, question({ images: ['b'.repeat(24)] }))).status).toBe(400);
  });

  it('limits uploads per resident (429)', async () => {
    const restore = setFeedbackRateLimits({ uploadsPerResident: 2 });
    try {
      const r = await newResident(http);
      await upload(r.auth, PNG, '1.png').expect(201);
      await upload(r.auth, PNG, '2.png').expect(201);
      const over = await upload(r.auth, PNG, '3.png');
      expect(over.status).toBe(429);
      expect(over.body.error.message).toMatch(/^您上传图片太频繁了/);
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      restore();
    }
  });

  it('deletes uploads never attached after a day, and keeps attached ones', async () => {
    const orphan = (await upload(me.auth, PNG, 'orphan.png').expect(201)).body;
    const kept = (await upload(me.auth, PNG, 'kept.png').expect(201)).body;
    await submitted(http, me.auth, question({ images: [kept.id] }));
    const store = ImageStore.under(dataDir);
    expect(await purgeOrphanImages(store, Date.now())).toBe(0);
    const removed = await purgeOrphanImages(store, Date.now() + ORPHAN_TTL_MS + 60_000);
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(await store.read(orphan.id)).toBeUndefined();
    expect(await images().countDocuments({ feedbackId: '' })).toBe(0);
    expect(Buffer.compare((await store.read(kept.id))!, PNG)).toBe(0);
  });
});
