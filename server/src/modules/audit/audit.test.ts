import { useTestDatabase } from '../../../../test/support/db';
import { testApp } from '../../../../test/support/app';
import { createOfficial, loginAs } from '../../../../test/support/fixtures';
import { AuditEntryModel } from './model';

describe('the audit log', () => {
  useTestDatabase();
  const { http } = testApp();

  it('records who did what to which object, when and from where', async () => {
    const admin = await createOfficial({ role: 'admin', regionCode: '330304' });
    const auth = await loginAs(http, admin.username);
    await http().post('/api/v1/admin/users').set('Authorization', auth).set('User-Agent', 'jest-agent')
      .send({ username: 'audited-editor', password: 'Abcdefg-123!', role: 'editor', regionCode: '330304001', displayName: '审计' });
    const res = await http().get('/api/v1/admin/audit?action=user.create').set('Authorization', auth);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    const e = res.body.items[0];
    expect(e).toMatchObject({ action: 'user.create', objectType: 'user', regionCode: '330304001', actor: { username: admin.username, role: 'admin' }, userAgent: 'jest-agent' });
    expect(e.ip).toBeTruthy();
    expect(Date.now() - new Date(e.at).getTime()).toBeLessThan(60_000);
    expect(e).not.toHaveProperty('scopeCodes');
  });

  it('shows an admin only the entries of its own subtree', async () => {
    const wenzhou = await createOfficial({ role: 'admin', regionCode: '330304' });
    const jiangshan = await createOfficial({ role: 'admin', regionCode: '330881' });
    await loginAs(http, wenzhou.username);
    const auth = await loginAs(http, jiangshan.username);
    const res = await http().get('/api/v1/admin/audit?pageSize=100').set('Authorization', auth);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((e: { regionCode?: string }) => (e.regionCode ?? '').startsWith('330881'))).toBe(true);
  });

  it('cannot be queried by non-admins, edited or deleted', async () => {
    const editor = await createOfficial({ role: 'editor', regionCode: '330304' });
    const auth = await loginAs(http, editor.username);
    expect((await http().get('/api/v1/admin/audit').set('Authorization', auth)).status).toBe(403);
    expect((await http().delete('/api/v1/admin/audit').set('Authorization', auth)).status).toBe(405);
    const entry = await AuditEntryModel.findOne();
    expect(entry).not.toBeNull();
    await expect(AuditEntryModel.updateOne({ _id: entry!._id }, { $set: { action: 'forged' } })).rejects.toThrow(/cannot be modified/);
    await expect(AuditEntryModel.deleteMany({})).rejects.toThrow(/cannot be modified/);
    entry!.action = 'forged';
    await expect(entry!.save()).rejects.toThrow(/cannot be modified/);
  });
});
