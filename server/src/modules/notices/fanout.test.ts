import { disclosurePagePath } from '@gongkai/shared';
import { useTestDatabase } from '../../../../test/support/db';
import { PushQuotaModel } from '../subscriptions/model';
import { fanOut } from './fanout';
import { deliveries } from './model';
import { noticeRuntime } from './runtime';
import { R, TEST_WECHAT, useNoticeApp } from './testing';

const TPL = TEST_WECHAT.disclosureTemplate;
const D = (n: number) => `65f0000000000000000000${String(n).padStart(2, '0')}`;

describe('notices: fan-out to followers, inbox, quota', () => {
  useTestDatabase();
  const t = useNoticeApp();
  type Me = Awaited<ReturnType<typeof t.signIn>>;

  const follow = async (me: Me, body: Record<string, string>) => {
    const r = await t.http().post('/api/v1/me/follows').set('Authorization', me.auth).send(body);
    expect(r.status).toBe(201);
  };
  /** What accepting wx.requestSubscribeMessage does: WeChat grants one message, the mini-program reports it. */
  const accept = async (me: Me, n = 1) => {
    for (let i = 0; i < n; i++) {
      t.emulator().grant(me.openid, TPL);
      await t.http().post('/api/v1/me/subscribe-consent').set('Authorization', me.auth).send({ results: { [TPL]: 'accept' } });
    }
  };
  const notices = async (me: Me, q = '') => (await t.http().get(`/api/v1/me/notices${q}`).set('Authorization', me.auth)).body;
  const remaining = async (me: Me) => ((await PushQuotaModel.findById(me.id).lean())?.quotas as Record<string, number> | undefined)?.[TPL] ?? 0;

  it('reaches followers of the region and of every place under it, and nobody else', async () => {
    const village = await t.signIn('o-village');
    const neighbour = await t.signIn('o-neighbour');
    const county = await t.signIn('o-county');
    const otherCounty = await t.signIn('o-other-county');
    const town = await t.signIn('o-town');
    await follow(village, { regionCode: R.village });
    await follow(neighbour, { regionCode: R.neighbour });
    await follow(county, { regionCode: R.county });
    await follow(otherCounty, { regionCode: R.otherCountyVillage });
    await follow(town, { regionCode: R.town });
    for (const me of [village, neighbour, county, otherCounty, town]) await accept(me);

    // A village disclosure reaches that village's followers only.
    await t.emit({ disclosureId: D(1), regionCode: R.village, title: '景山村低保对象名单公示' });
    await t.drain();
    expect((await notices(village)).items.map((n: { disclosureId: string }) => n.disclosureId)).toEqual([D(1)]);
    for (const me of [neighbour, county, otherCounty, town]) expect((await notices(me)).total).toBe(0);
    expect(t.emulator().messagesTo('o-village')).toHaveLength(1);
    expect(t.emulator().messagesTo('o-village')[0]).toMatchObject({ templateId: TPL, page: disclosurePagePath(D(1)) });
    for (const o of ['o-neighbour', 'o-county', 'o-other-county', 'o-town']) expect(t.emulator().messagesTo(o)).toHaveLength(0);

    // A county disclosure reaches followers of the county and of each township and village under it.
    await t.emit({ disclosureId: D(2), regionCode: R.county, title: '瓯海区征地补偿标准' });
    await t.drain();
    for (const me of [village, neighbour, county, town]) expect((await notices(me)).items[0]).toMatchObject({ disclosureId: D(2), regionName: '瓯海区', read: false });
    expect((await notices(otherCounty)).total).toBe(0);
    expect(t.emulator().messagesTo('o-other-county')).toHaveLength(0);
    expect(t.emulator().messagesTo('o-neighbour')).toHaveLength(1);
  });

  it('matches a follow’s domain, catalogue item and disclosure when set', async () => {
    const byDomain = await t.signIn('o-domain');
    const byItem = await t.signIn('o-item');
    const byDisclosure = await t.signIn('o-one');
    await follow(byDomain, { regionCode: R.otherTownVillage, domain: 'poverty-relief' });
    await follow(byDisclosure, { regionCode: R.otherTownVillage, disclosureId: D(4) });
    await t.emit({ disclosureId: D(3), regionCode: R.county, domain: 'land-acquisition' });
    await t.emit({ disclosureId: D(4), regionCode: R.county, domain: 'poverty-relief' });
    await t.drain();
    const ids = async (me: Me) => (await notices(me)).items.map((n: { disclosureId: string }) => n.disclosureId);
    expect(await ids(byDomain)).toEqual([D(4)]);
    expect(await ids(byDisclosure)).toEqual([D(4)]);
    expect(await ids(byItem)).toEqual([]);
  });

  it('writes the inbox notice once per resident and event, however often the event is emitted', async () => {
    const me = await t.signIn('o-once');
    await follow(me, { regionCode: R.otherTownVillage });
    await accept(me, 3);
    await t.emit({ disclosureId: D(5), regionCode: R.otherTownVillage });
    await t.drain();
    await t.emit({ disclosureId: D(5), regionCode: R.otherTownVillage }); // the same disclosure × version × kind
    await t.drain();
    expect((await notices(me)).total).toBe(1);
    expect(t.emulator().messagesTo('o-once')).toHaveLength(1);
    expect(await remaining(me)).toBe(2);
    // A new version is a new event.
    await t.emit({ disclosureId: D(5), regionCode: R.otherTownVillage, kind: 'updated', version: 2 });
    await t.drain();
    const list = await notices(me);
    expect(list.items.map((n: { kind: string; title: string }) => [n.kind, n.title.startsWith('[更新]')])).toEqual([
      ['updated', true],
      ['published', false],
    ]);
  });

  it('lists unread notices with the unread count and marks them read (ids, or all)', async () => {
    const me = await t.signIn('o-reader');
    await follow(me, { regionCode: R.neighbour });
    for (let i = 10; i < 13; i++) {
      await t.emit({ disclosureId: D(i), regionCode: R.neighbour, title: `公告${i}` });
      await t.drain(); // newest first is the order notices arrived in
    }
    const all = await notices(me, '?pageSize=2');
    expect(all).toMatchObject({ total: 3, page: 1, pageSize: 2, unread: 3 });
    expect(all.items).toHaveLength(2);
    expect(all.items[0]).toMatchObject({ id: expect.stringMatching(/^\d+$/), kind: 'published', page: disclosurePagePath(D(12)), read: false });
    const read = await t.http().post('/api/v1/me/notices/read').set('Authorization', me.auth).send({ ids: [all.items[0].id] });
    expect(read.body).toEqual({ marked: 1, unread: 2 });
    expect((await notices(me, '?unread=true')).items.map((n: { disclosureId: string }) => n.disclosureId)).toEqual([D(11), D(10)]);
    expect((await t.http().post('/api/v1/me/notices/read').set('Authorization', me.auth).send({ all: true })).body).toEqual({ marked: 2, unread: 0 });
    expect((await notices(me, '?unread=true')).total).toBe(0);
    expect((await t.http().post('/api/v1/me/notices/read').set('Authorization', me.auth).send({})).status).toBe(400);
  });

  it('gives a resident without quota the inbox notice but no message, and uses quota only on success', async () => {
    const none = await t.signIn('o-no-quota');
    const some = await t.signIn('o-some-quota');
    await follow(none, { regionCode: R.otherCountyVillage });
    await follow(some, { regionCode: R.otherCountyVillage });
    await accept(some, 1);
    t.emulator().setFaults({ busyRate: 1 });
    await t.emit({ disclosureId: D(20), regionCode: R.otherCountyVillage });
    await t.drain(); // retries until its attempts run out
    t.emulator().setFaults(undefined);
    expect((await notices(none)).total).toBe(1);
    expect(t.emulator().messagesTo('o-no-quota')).toHaveLength(0);
    expect(await remaining(some)).toBe(1); // every attempt was "busy": nothing used
    const d = await deliveries().findOne({ _id: `${some.id}:${(await notices(some)).items[0].id}` });
    expect(d).toMatchObject({ state: 'failed', reason: 'busy', retryable: true, attempts: 4 });
    await t.emit({ disclosureId: D(21), regionCode: R.otherCountyVillage });
    await t.drain();
    expect(t.emulator().messagesTo('o-some-quota')).toHaveLength(1);
    expect(await remaining(some)).toBe(0);
  });

  it('clears the quota on 43101 and never retries it', async () => {
    const me = await t.signIn('o-refused');
    await follow(me, { regionCode: R.otherCountyVillage, domain: 'compulsory-education' });
    // The mini-program reported an accept, but WeChat holds no grant (the resident turned it off since).
    await t.http().post('/api/v1/me/subscribe-consent').set('Authorization', me.auth).send({ results: { [TPL]: 'accept' } });
    const sendsBefore = t.emulator().requests.send;
    await t.emit({ disclosureId: D(30), regionCode: R.otherCountyVillage, domain: 'compulsory-education' });
    await t.drain();
    expect(t.emulator().requests.send - sendsBefore).toBe(1);
    const seq = (await notices(me)).items[0].id;
    expect(await deliveries().findOne({ _id: `${me.id}:${seq}` })).toMatchObject({ state: 'failed', reason: 'refused', errcode: 43101, retryable: false, attempts: 1 });
    expect(await remaining(me)).toBe(0);
    await t.emit({ disclosureId: D(31), regionCode: R.otherCountyVillage, domain: 'compulsory-education' });
    await t.drain();
    expect(t.emulator().requests.send - sendsBefore).toBe(1); // no quota left: not even tried
    expect((await notices(me)).total).toBe(2);
  });

  it('refreshes the access token once on 42001 and 40001 during delivery', async () => {
    const me = await t.signIn('o-token');
    await follow(me, { regionCode: R.otherTownVillage, domain: 'municipal-services' });
    await accept(me, 2);
    await t.emit({ disclosureId: D(40), regionCode: R.otherTownVillage, domain: 'municipal-services' });
    await t.drain();
    const tokens = t.emulator().requests.token;
    t.emulator().expireTokens();
    await t.emit({ disclosureId: D(41), regionCode: R.otherTownVillage, domain: 'municipal-services' });
    await t.drain();
    expect(t.emulator().requests.token - tokens).toBe(1);
    t.emulator().invalidateTokens();
    await accept(me, 1);
    await t.emit({ disclosureId: D(42), regionCode: R.otherTownVillage, domain: 'municipal-services' });
    await t.drain();
    expect(t.emulator().requests.token - tokens).toBe(2);
    expect(t.emulator().messagesTo('o-token').map((m) => m.page)).toEqual([D(40), D(41), D(42)].map(disclosurePagePath));
  });

  it('finds a notice fanned out after the resident followed, for an event allocated before their last look', async () => {
    const me = await t.signIn('o-late-follow');
    const rt = noticeRuntime(t.deps());
    const log = await rt.events();
    const e = await log.allocate('test:late-follow', () => ({ kind: 'published', title: '迟到的公告', page: disclosurePagePath(D(50)), disclosureId: D(50), regionCode: R.county, regionName: '瓯海区', domain: 'land-acquisition', at: new Date().toISOString(), createdAt: new Date() }));
    expect((await notices(me)).total).toBe(0); // the resident's inbox has looked past this event
    await follow(me, { regionCode: R.otherTownVillage, domain: 'affordable-housing' });
    await fanOut(rt, e, async () => ({ inApp: [{ residentId: me.id, openid: me.openid }], push: [] }));
    expect((await notices(me)).items.map((n: { disclosureId: string }) => n.disclosureId)).toEqual([D(50)]);
  });
});
