import { useTestDatabase } from '../../../../test/support/db';
import { testApp } from '../../../../test/support/app';
import { createOfficial, loginAs, residentToken, TEST_PASSWORD } from '../../../../test/support/fixtures';
import { AdminUserModel } from './user.model';
import { ensureFirstAdmin } from './service';

describe('officials accounts', () => {
  useTestDatabase();
  const { http } = testApp({ env: { GONGKAI_DEV_LOGIN: '1' } });

  describe('first province admin', () => {
    it('is created on an empty database with the configured password, and only once', async () => {
      await AdminUserModel.deleteMany({});
      expect(await ensureFirstAdmin('Province-Adm1n!')).toEqual({ username: 'admin', password: undefined });
      expect(await ensureFirstAdmin('Province-Adm1n!')).toBeNull();
      const res = await http().post('/api/v1/admin/auth/login').send({ username: 'admin', password: 'Province-Adm1n!' });
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ username: 'admin', role: 'admin', regionCode: '33' });
    });

    it('gets a generated password that meets the policy when none is configured', async () => {
      await AdminUserModel.deleteMany({});
      const created = await ensureFirstAdmin();
      expect(created?.password).toMatch(/^.{10,}$/);
      const res = await http().post('/api/v1/admin/auth/login').send({ username: 'admin', password: created!.password });
      expect(res.status).toBe(200);
    });

    it('refuses a configured password that breaks the policy', async () => {
      await AdminUserModel.deleteMany({});
      await expect(ensureFirstAdmin('short')).rejects.toThrow(/GONGKAI_ADMIN_PASSWORD/);
    });
  });

  describe('POST /api/v1/admin/auth/login', () => {
    it('returns a token and the user; the token opens GET /admin/me and never exposes the hash', async () => {
      const { username } = await createOfficial({ role: 'editor', regionCode: '330304' });
      const res = await http().post('/api/v1/admin/auth/login').send({ username, password: TEST_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body.token).toMatch(/^gka_/);
      expect(res.body.user).toMatchObject({ username, role: 'editor', regionCode: '330304' });
      const me = await http().get('/api/v1/admin/me').set('Authorization', `Bearer ${res.body.token}`);
      expect(me.status).toBe(200);
      expect(me.body.username).toBe(username);
      expect(JSON.stringify(me.body)).not.toMatch(/passwordHash|argon2/);
    });

    it('answers wrong credentials with the same 401 message whether or not the user exists', async () => {
      const { username } = await createOfficial({ role: 'editor', regionCode: '330304' });
      const wrong = await http().post('/api/v1/admin/auth/login').send({ username, password: 'Wrong-Passw0rd' });
      const nobody = await http().post('/api/v1/admin/auth/login').send({ username: 'nobody-here', password: 'Wrong-Passw0rd' });
      expect(wrong.status).toBe(401);
      expect(nobody.status).toBe(401);
      expect(wrong.body.error.message).toBe(nobody.body.error.message);
    });

    it('locks the account for 15 minutes after 5 failed logins, even for the right password', async () => {
      const { username } = await createOfficial({ role: 'reviewer', regionCode: '330304' });
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await http().post('/api/v1/admin/auth/login').send({ username, password: 'Bad-Passw0rd' })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 423]);
      const locked = await http().post('/api/v1/admin/auth/login').send({ username, password: TEST_PASSWORD });
      expect(locked.status).toBe(423);
      expect(locked.body.error.code).toBe('LOCKED');
      expect(locked.body.error.message).toMatch(/锁定/);
      const u = await AdminUserModel.findOne({ username });
      expect(u!.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
      // Once the lock has passed, the right password works again.
      await AdminUserModel.updateOne({ username }, { $set: { lockedUntil: new Date(Date.now() - 1000) } });
      expect((await http().post('/api/v1/admin/auth/login').send({ username, password: TEST_PASSWORD })).status).toBe(200);
    });

    it('rejects operator payloads with VALIDATION_FAILED', async () => {
      const res = await http().post('/api/v1/admin/auth/login').send({ username: { $gt: '' }, password: { $gt: '' } });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('tokens', () => {
    it('stop working after logout', async () => {
      const { username } = await createOfficial({ role: 'editor', regionCode: '330304' });
      const auth = await loginAs(http, username);
      expect((await http().post('/api/v1/admin/auth/logout').set('Authorization', auth)).status).toBe(204);
      const me = await http().get('/api/v1/admin/me').set('Authorization', auth);
      expect(me.status).toBe(401);
      expect(me.body.error.code).toBe('UNAUTHENTICATED');
    });

    it('expire after the configured lifetime', async () => {
      const short = testApp({ env: { GONGKAI_TOKEN_TTL_HOURS: '0.0002' } }); // 0.72 s
      const { username } = await createOfficial({ role: 'editor', regionCode: '330304' });
      const auth = await loginAs(short.http, username);
      expect((await short.http().get('/api/v1/admin/me').set('Authorization', auth)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 900));
      expect((await short.http().get('/api/v1/admin/me').set('Authorization', auth)).status).toBe(401);
    });

    it('of residents do not open admin endpoints', async () => {
      const resident = await residentToken(http, 'wx-resident-1');
      const res = await http().get('/api/v1/admin/me').set('Authorization', resident);
      expect(res.status).toBe(401);
    });
  });

  describe('user management', () => {
    it('lets a county admin create an editor in a township of its county', async () => {
      const admin = await createOfficial({ role: 'admin', regionCode: '330304' });
      const auth = await loginAs(http, admin.username);
      const res = await http()
        .post('/api/v1/admin/users')
        .set('Authorization', auth)
        .send({ username: 'louqiao-editor', password: 'Louqiao-2026!', role: 'editor', regionCode: '330304005', displayName: '娄桥街道编辑' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ username: 'louqiao-editor', role: 'editor', regionCode: '330304005' });
      expect((await http().post('/api/v1/admin/auth/login').send({ username: 'louqiao-editor', password: 'Louqiao-2026!' })).status).toBe(200);
    });

    it('refuses a user outside the admin subtree with 403', async () => {
      const admin = await createOfficial({ role: 'admin', regionCode: '330304' });
      const auth = await loginAs(http, admin.username);
      const res = await http()
        .post('/api/v1/admin/users')
        .set('Authorization', auth)
        .send({ username: 'jiangshan-editor', password: 'Jiangshan-2026!', role: 'editor', regionCode: '330881', displayName: '江山编辑' });
      expect(res.status).toBe(403);
      expect(await AdminUserModel.exists({ username: 'jiangshan-editor' })).toBeNull();
    });

    it('refuses user creation by an editor', async () => {
      const editor = await createOfficial({ role: 'editor', regionCode: '330304' });
      const res = await http()
        .post('/api/v1/admin/users')
        .set('Authorization', await loginAs(http, editor.username))
        .send({ username: 'x-editor', password: 'Abcdefg-123!', role: 'editor', regionCode: '330304', displayName: 'x' });
      expect(res.status).toBe(403);
    });

    it('enforces the password policy (length 10, three character classes)', async () => {
      const admin = await createOfficial({ role: 'admin', regionCode: '330304' });
      const auth = await loginAs(http, admin.username);
      for (const password of ['Short1!', 'alllowercaseletters', 'lowercase123456']) {
        const res = await http()
          .post('/api/v1/admin/users')
          .set('Authorization', auth)
          .send({ username: `weak${password.length}`, password, role: 'editor', regionCode: '330304', displayName: 'w' });
        expect(res.status).toBe(400);
        expect(res.body.error.details[0].path).toBe('body.password');
      }
    });

    it('refuses a duplicate username (any case) with 409', async () => {
      const admin = await createOfficial({ role: 'admin', regionCode: '330304' });
      const auth = await loginAs(http, admin.username);
      const body = { username: 'Dup-User', password: 'Abcdefg-123!', role: 'editor', regionCode: '330304', displayName: 'd' };
      expect((await http().post('/api/v1/admin/users').set('Authorization', auth).send(body)).status).toBe(201);
      const again = await http().post('/api/v1/admin/users').set('Authorization', auth).send({ ...body, username: 'dup-user' });
      expect(again.status).toBe(409);
    });

    it('lists only users in scope', async () => {
      const admin = await createOfficial({ role: 'admin', regionCode: '330881' });
      await createOfficial({ role: 'editor', regionCode: '330881001' });
      await createOfficial({ role: 'editor', regionCode: '330304001' });
      const res = await http().get('/api/v1/admin/users?pageSize=100').set('Authorization', await loginAs(http, admin.username));
      expect(res.status).toBe(200);
      expect(res.body.total).toBeGreaterThanOrEqual(2);
      expect(res.body.items.every((u: { regionCode: string }) => u.regionCode.startsWith('330881'))).toBe(true);
      const out = await http().get('/api/v1/admin/users?region=330304').set('Authorization', await loginAs(http, admin.username));
      expect(out.status).toBe(403);
    });

    it('disabling a user revokes their tokens and blocks login', async () => {
      const admin = await createOfficial({ role: 'admin', regionCode: '330304' });
      const editor = await createOfficial({ role: 'editor', regionCode: '330304001' });
      const editorAuth = await loginAs(http, editor.username);
      const res = await http().patch(`/api/v1/admin/users/${editor.user._id}`).set('Authorization', await loginAs(http, admin.username)).send({ disabled: true });
      expect(res.status).toBe(200);
      expect((await http().get('/api/v1/admin/me').set('Authorization', editorAuth)).status).toBe(401);
      expect((await http().post('/api/v1/admin/auth/login').send({ username: editor.username, password: TEST_PASSWORD })).status).toBe(403);
    });

    it('changes the own password under the policy', async () => {
      const u = await createOfficial({ role: 'editor', regionCode: '330304' });
      const auth = await loginAs(http, u.username);
      const weak = await http().post('/api/v1/admin/me/password').set('Authorization', auth).send({ currentPassword: TEST_PASSWORD, newPassword: 'weak' });
      expect(weak.status).toBe(400);
      const wrong = await http().post('/api/v1/admin/me/password').set('Authorization', auth).send({ currentPassword: 'nope', newPassword: 'New-Passw0rd-1' });
      expect(wrong.status).toBe(400);
      const ok = await http().post('/api/v1/admin/me/password').set('Authorization', auth).send({ currentPassword: TEST_PASSWORD, newPassword: 'New-Passw0rd-1' });
      expect(ok.status).toBe(204);
      expect((await http().post('/api/v1/admin/auth/login').send({ username: u.username, password: 'New-Passw0rd-1' })).status).toBe(200);
    });
  });

  describe('POST /api/v1/auth/dev', () => {
    it('is 404 unless GONGKAI_DEV_LOGIN is on, and never in production', async () => {
      const off = testApp();
      expect((await off.http().post('/api/v1/auth/dev').send({ openid: 'x' })).status).toBe(404);
      const prod = testApp({ env: { GONGKAI_DEV_LOGIN: '1', NODE_ENV: 'production' } });
      expect((await prod.http().post('/api/v1/auth/dev').send({ openid: 'x' })).status).toBe(404);
      const on = await http().post('/api/v1/auth/dev').send({ openid: 'x' });
      expect(on.status).toBe(200);
      expect(on.body.token).toMatch(/^gkr_/);
      expect(on.body.resident.id).toMatch(/^[0-9a-f]{24}$/);
    });
  });
});
