import { useTestDatabase } from '../../../../test/support/db';
import { createOfficial, loginAs } from '../../../../test/support/fixtures';
import { testApp } from '../../../../test/support/app';
import { R, useNoticeApp } from '../notices/testing';
import { ResidentModel, ResidentOpenidModel } from './model';

describe('residents: WeChat sign-in and saved villages', () => {
  useTestDatabase();
  const t = useNoticeApp();

  describe('POST /api/v1/auth/wechat', () => {
    it('signs a resident in with a fresh wx.login code, keeping the session_key on the server only', async () => {
      const code = t.emulator().issueLoginCode('o-alice', 'u-alice');
      const res = await t.http().post('/api/v1/auth/wechat').send({ code });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ token: expect.stringMatching(/^gkr_/), expiresAt: expect.any(String), resident: { id: expect.stringMatching(/^[0-9a-f]{24}$/) } });
      expect(JSON.stringify(res.body)).not.toMatch(/session|o-alice/);
      const stored = await ResidentModel.findById(res.body.resident.id).lean();
      expect(stored).toMatchObject({ openid: 'o-alice', unionid: 'u-alice', sessionKey: expect.any(String) });
      expect((await ResidentOpenidModel.findById('o-alice').lean())?.residentId.toString()).toBe(res.body.resident.id);
    });

    it('gives the same resident on the next sign-in', async () => {
      const a = await t.signIn('o-same');
      const b = await t.signIn('o-same');
      expect(b.id).toBe(a.id);
      expect(b.auth).not.toBe(a.auth);
    });

    it('refuses a reused code and an unknown code with 401', async () => {
      const code = t.emulator().issueLoginCode('o-reuse');
      expect((await t.http().post('/api/v1/auth/wechat').send({ code })).status).toBe(200);
      const again = await t.http().post('/api/v1/auth/wechat').send({ code });
      expect(again.status).toBe(401);
      expect(again.body.error.code).toBe('UNAUTHENTICATED');
      expect((await t.http().post('/api/v1/auth/wechat').send({ code: 'made-up' })).status).toBe(401);
    });

    it('retries a busy WeChat and succeeds, or answers 503 when it stays busy', async () => {
      const emu = t.emulator();
      emu.setFaults({ busyRate: 1, allEndpoints: true });
      const before = emu.requests.login;
      const busy = await t.http().post('/api/v1/auth/wechat').send({ code: emu.issueLoginCode('o-busy') });
      expect(busy.status).toBe(503);
      expect(busy.body.error.code).toBe('UNAVAILABLE');
      expect(emu.requests.login - before).toBe(3); // first try + two retries
      // A code is not used up by a busy reply: the same code works once WeChat recovers.
      const code = emu.issueLoginCode('o-busy');
      emu.setFaults({ busyRate: 0.5, allEndpoints: true }, 3);
      let ok = 0;
      for (let i = 0; i < 3 && !ok; i++) {
        const r = await t.http().post('/api/v1/auth/wechat').send({ code });
        if (r.status === 200) ok += 1;
        else expect(r.status).toBe(503);
      }
      emu.setFaults(undefined);
      expect(ok).toBe(1);
    });

    it('validates the body', async () => {
      const res = await t.http().post('/api/v1/auth/wechat').send({ code: { $gt: '' } });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('resident and admin tokens', () => {
    it('neither works where the other is required', async () => {
      const me = await t.signIn('o-tokens');
      const official = await createOfficial({ role: 'admin', regionCode: R.county });
      const adminAuth = await loginAs(t.http, official.username);
      expect((await t.http().get('/api/v1/admin/me').set('Authorization', me.auth)).status).toBe(401);
      expect((await t.http().get('/api/v1/me/villages').set('Authorization', adminAuth)).status).toBe(401);
      expect((await t.http().get('/api/v1/me/follows').set('Authorization', adminAuth)).status).toBe(401);
      expect((await t.http().get('/api/v1/me/notices').set('Authorization', adminAuth)).status).toBe(401);
      expect((await t.http().get('/api/v1/me/villages').set('Authorization', me.auth)).status).toBe(200);
      expect((await t.http().get('/api/v1/me/villages')).status).toBe(401);
    });
  });

  describe('GET/PUT /api/v1/me/villages', () => {
    it('saves up to five existing villages in the given order', async () => {
      const me = await t.signIn('o-villages');
      const put = await t.http().put('/api/v1/me/villages').set('Authorization', me.auth).send({ codes: [R.otherCountyVillage, R.village] });
      expect(put.status).toBe(200);
      expect(put.body.codes).toEqual([R.otherCountyVillage, R.village]);
      expect(put.body.items[1]).toMatchObject({ code: R.village, name: '景山村', path: expect.arrayContaining([expect.objectContaining({ code: R.county })]) });
      const get = await t.http().get('/api/v1/me/villages').set('Authorization', me.auth);
      expect(get.body.codes).toEqual([R.otherCountyVillage, R.village]);
    });

    it('refuses more than five, duplicates, non-village codes and unknown villages', async () => {
      const me = await t.signIn('o-villages-bad');
      const put = (codes: unknown) => t.http().put('/api/v1/me/villages').set('Authorization', me.auth).send({ codes });
      expect((await put(Array.from({ length: 6 }, (_, i) => `33030400100${i}`))).status).toBe(400);
      expect((await put([R.village, R.village])).status).toBe(400);
      expect((await put([R.town])).status).toBe(400);
      const unknown = await put(['330304999999']);
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.details[0].path).toBe('body.codes.0');
      expect((await t.http().get('/api/v1/me/villages').set('Authorization', me.auth)).body.codes).toEqual([]);
    });
  });

  describe('POST /api/v1/auth/dev', () => {
    it('is 404 unless GONGKAI_DEV_LOGIN is on', async () => {
      const off = testApp({ env: { GONGKAI_DEV_LOGIN: '0' } });
      expect((await off.http().post('/api/v1/auth/dev').send({ openid: 'x' })).status).toBe(404);
      expect((await t.http().post('/api/v1/auth/dev').send({ openid: 'x' })).status).toBe(200);
    });
  });
});
