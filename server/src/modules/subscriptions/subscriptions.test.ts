import { useTestDatabase } from '../../../../test/support/db';
import { FollowerIndex } from '../notices/follower-index';
import { R, TEST_WECHAT, useNoticeApp } from '../notices/testing';
import { FollowModel, PushQuotaModel, residentChanges } from './model';

const TPL = TEST_WECHAT.disclosureTemplate;

describe('subscriptions: follows and subscribe-message consent', () => {
  useTestDatabase();
  const t = useNoticeApp();

  describe('/api/v1/me/follows', () => {
    it('follows a village (201), returns the same follow again (200), lists and unfollows it in one tap', async () => {
      const me = await t.signIn('o-follow');
      const post = () => t.http().post('/api/v1/me/follows').set('Authorization', me.auth).send({ regionCode: R.village });
      const first = await post();
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{24}$/), regionCode: R.village, regionName: '景山村', createdAt: expect.any(String) });
      const second = await post();
      expect(second.status).toBe(200);
      expect(second.body.id).toBe(first.body.id);
      const domain = await t.http().post('/api/v1/me/follows').set('Authorization', me.auth).send({ regionCode: R.village, domain: 'poverty-relief' });
      expect(domain.status).toBe(201);
      expect(domain.body).toMatchObject({ domain: 'poverty-relief', domainName: '扶贫救灾' });
      const list = await t.http().get('/api/v1/me/follows').set('Authorization', me.auth);
      expect(list.body.items.map((f: { id: string }) => f.id)).toEqual([first.body.id, domain.body.id]);
      expect(await FollowModel.countDocuments({ _id: first.body.id })).toBe(1);
      const del = await t.http().delete(`/api/v1/me/follows/${first.body.id}`).set('Authorization', me.auth);
      expect(del.status).toBe(204);
      expect((await t.http().get('/api/v1/me/follows').set('Authorization', me.auth)).body.items).toHaveLength(1);
      expect(await FollowModel.findById(first.body.id).lean()).toBeNull();
      expect((await t.http().delete(`/api/v1/me/follows/${first.body.id}`).set('Authorization', me.auth)).status).toBe(404);
    });

    it("cannot remove someone else's follow", async () => {
      const a = await t.signIn('o-owner');
      const b = await t.signIn('o-intruder');
      const f = await t.http().post('/api/v1/me/follows').set('Authorization', a.auth).send({ regionCode: R.county });
      expect((await t.http().delete(`/api/v1/me/follows/${f.body.id}`).set('Authorization', b.auth)).status).toBe(404);
      expect((await t.http().get('/api/v1/me/follows').set('Authorization', a.auth)).body.items).toHaveLength(1);
    });

    it('refuses unknown regions, domains, malformed ids and operator objects', async () => {
      const me = await t.signIn('o-follow-bad');
      const post = (body: unknown) => t.http().post('/api/v1/me/follows').set('Authorization', me.auth).send(body as object);
      expect((await post({ regionCode: '330304999999' })).status).toBe(400);
      expect((await post({ regionCode: R.village, domain: 'weather' })).status).toBe(400);
      expect((await post({ regionCode: R.village, disclosureId: 'nope' })).status).toBe(400);
      expect((await post({ regionCode: { $ne: '' } })).status).toBe(400);
      expect((await post({ regionCode: R.village, catalogueItemId: 'NO-SUCH-ITEM' })).status).toBe(400);
      expect((await t.http().get('/api/v1/me/follows').set('Authorization', me.auth)).body.items).toEqual([]);
    });

    it('records every follow and unfollow in the change log, so a running follower index sees them', async () => {
      const ix = await FollowerIndex.build();
      const me = await t.signIn('o-index');
      const f = await t.http().post('/api/v1/me/follows').set('Authorization', me.auth).send({ regionCode: R.neighbour, domain: 'land-acquisition' });
      await ix.catchUp();
      const ev = { regionCode: R.county, domain: 'land-acquisition' };
      expect(ix.recipients(ev)).toContainEqual({ residentId: me.id, openid: 'o-index' });
      expect(ix.recipients({ ...ev, domain: 'poverty-relief' })).not.toContainEqual(expect.objectContaining({ residentId: me.id }));
      await t.http().delete(`/api/v1/me/follows/${f.body.id}`).set('Authorization', me.auth);
      await ix.catchUp();
      expect(ix.recipients(ev)).not.toContainEqual(expect.objectContaining({ residentId: me.id }));
      // A fresh index (full read + log replay) agrees.
      expect((await FollowerIndex.build()).recipients(ev)).not.toContainEqual(expect.objectContaining({ residentId: me.id }));
    });
  });

  describe('/api/v1/me/subscribe-consent', () => {
    it('lists the configured templates and counts one message per accept', async () => {
      const me = await t.signIn('o-consent');
      const status = await t.http().get('/api/v1/me/subscribe-consent').set('Authorization', me.auth);
      expect(status.status).toBe(200);
      expect(status.body.templates).toEqual(
        expect.arrayContaining([
          { templateId: TPL, purpose: 'disclosure', longTerm: false, remaining: 0 },
          { templateId: TEST_WECHAT.answerTemplate, purpose: 'answer', longTerm: false, remaining: 0 },
          { templateId: TEST_WECHAT.longTermTemplate, purpose: 'other', longTerm: true, remaining: 0 },
        ]),
      );
      const report = (results: Record<string, string>) => t.http().post('/api/v1/me/subscribe-consent').set('Authorization', me.auth).send({ results });
      const remaining = (body: { templates: Array<{ templateId: string; remaining: number; last?: string }> }, id = TPL) => body.templates.find((x) => x.templateId === id)!;
      expect(remaining((await report({ [TPL]: 'accept' })).body)).toMatchObject({ remaining: 1, last: 'accept' });
      expect(remaining((await report({ [TPL]: 'accept', [TEST_WECHAT.answerTemplate]: 'reject' })).body)).toMatchObject({ remaining: 2 });
      expect(remaining((await report({ [TPL]: 'reject' })).body)).toMatchObject({ remaining: 2, last: 'reject' });
      const unknown = await report({ 'not-ours': 'accept' });
      expect(unknown.status).toBe(200);
      expect(unknown.body.ignored).toEqual(['not-ours']);
      expect(remaining((await report({ [TPL]: 'ban' })).body)).toMatchObject({ remaining: 0, last: 'ban' });
      expect(await PushQuotaModel.findById(me.id).lean()).toMatchObject({ quotas: { [TPL]: 0 } });
    });

    it('appends quota on/off changes to the change log (for fan-out planning)', async () => {
      const me = await t.signIn('o-consent-log');
      const head = await residentChanges.head();
      await t.http().post('/api/v1/me/subscribe-consent').set('Authorization', me.auth).send({ results: { [TPL]: 'accept' } });
      await t.http().post('/api/v1/me/subscribe-consent').set('Authorization', me.auth).send({ results: { [TPL]: 'accept' } });
      await t.http().post('/api/v1/me/subscribe-consent').set('Authorization', me.auth).send({ results: { [TPL]: 'ban' } });
      const entries = await residentChanges.readAfter(head);
      expect(entries.map((e) => (e.op === 'pushable' ? [e.residentId, e.on] : e.op))).toEqual([
        [me.id, true],
        [me.id, false],
      ]);
    });

    it('rejects malformed results', async () => {
      const me = await t.signIn('o-consent-bad');
      const post = (body: unknown) => t.http().post('/api/v1/me/subscribe-consent').set('Authorization', me.auth).send(body as object);
      expect((await post({ results: { [TPL]: 'maybe' } })).status).toBe(400);
      expect((await post({ results: {} })).status).toBe(400);
      expect((await post({ results: { 'a.b': 'accept' } })).status).toBe(400);
    });
  });
});
