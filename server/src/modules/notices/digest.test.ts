import { MINIPROGRAM_PAGES, disclosurePagePath } from '@gongkai/shared';
import { useTestDatabase } from '../../../../test/support/db';
import { PushQuotaModel } from '../subscriptions/model';
import { fanOut, windowNow } from './fanout';
import { deliveries } from './model';
import { noticeRuntime } from './runtime';
import { R, TEST_WECHAT, useNoticeApp } from './testing';

const TPL = TEST_WECHAT.disclosureTemplate;
const WINDOW_MS = 2000;
const D = (n: number) => `65f1000000000000000000${String(n).padStart(2, '0')}`;

/** Waits until a digest window has just begun, so the next few emits share it. */
async function windowStart(): Promise<void> {
  const into = Date.now() % WINDOW_MS;
  if (into > 150) await new Promise((r) => setTimeout(r, WINDOW_MS - into + 20));
}

describe('notices: digests (several notices inside one window go as one message)', () => {
  useTestDatabase();
  const t = useNoticeApp({ settings: { digestMs: WINDOW_MS, graceMs: 100 } });
  type Me = Awaited<ReturnType<typeof t.signIn>>;

  const setUp = async (openid: string, follows: Array<Record<string, string>>, quota: number): Promise<Me> => {
    const me = await t.signIn(openid);
    for (const f of follows) expect((await t.http().post('/api/v1/me/follows').set('Authorization', me.auth).send(f)).status).toBe(201);
    for (let i = 0; i < quota; i++) {
      t.emulator().grant(openid, TPL);
      await t.http().post('/api/v1/me/subscribe-consent').set('Authorization', me.auth).send({ results: { [TPL]: 'accept' } });
    }
    return me;
  };

  it('sends one digest for three notices in a window, one plain message for one, and a new message in the next window', async () => {
    const many = await setUp('o-many', [{ regionCode: R.village }], 5);
    const one = await setUp('o-one', [{ regionCode: R.neighbour, domain: 'poverty-relief' }], 5);
    await windowStart();
    await t.emit({ disclosureId: D(1), regionCode: R.village, title: '村务公开第一期' });
    await t.emit({ disclosureId: D(2), regionCode: R.county, domain: 'poverty-relief', title: '扶贫资金公告' });
    await t.emit({ disclosureId: D(3), regionCode: R.town, title: '街道征地公告' });
    await t.drain();

    const toMany = t.emulator().messagesTo('o-many');
    expect(toMany).toHaveLength(1);
    expect(toMany[0].page).toBe(MINIPROGRAM_PAGES.notices);
    expect(toMany[0].data.thing1.value).toMatch(/^3条新通知：/);
    expect(toMany[0].data.thing4.value).toBe('多个领域');
    const toOne = t.emulator().messagesTo('o-one');
    expect(toOne).toHaveLength(1);
    expect(toOne[0].page).toBe(disclosurePagePath(D(2)));

    // Every notice is in the inbox; one message used one quota.
    const inbox = (await t.http().get('/api/v1/me/notices').set('Authorization', many.auth)).body;
    expect(inbox.total).toBe(3);
    const q = (await PushQuotaModel.findById(many.id).lean())?.quotas as Record<string, number>;
    expect(q[TPL]).toBe(4);
    // Deliveries: the lead notice sent, the others digested into it.
    const seqs = inbox.items.map((n: { id: string }) => Number(n.id)).sort((a: number, b: number) => a - b);
    const ds = await Promise.all(seqs.map((s: number) => deliveries().findOne({ _id: `${many.id}:${s}` })));
    expect(ds.map((d) => d?.state)).toEqual(['sent', 'digested', 'digested']);
    expect(ds[0]?.members).toEqual(seqs);
    expect(ds[1]?.lead).toBe(`${many.id}:${seqs[0]}`);

    await windowStart();
    await t.emit({ disclosureId: D(4), regionCode: R.village, title: '村务公开第二期' });
    await t.drain();
    expect(t.emulator().messagesTo('o-many').map((m) => m.page)).toEqual([MINIPROGRAM_PAGES.notices, disclosurePagePath(D(4))]);
    expect(t.emulator().messagesTo('o-one')).toHaveLength(1);
  });

  it('holds a window’s messages until every event of the window is fanned out', async () => {
    const me = await setUp('o-hold', [{ regionCode: R.otherCountyVillage }], 2);
    const rt = noticeRuntime(t.deps());
    await windowStart();
    await t.emit({ disclosureId: D(10), regionCode: R.otherCountyVillage, title: '第一条' });
    await t.jobs().pollOnce(); // its fan-out (the delivery job waits for the window's end)
    // A second event of the same window whose fan-out has not finished (its worker is slow, or died).
    const log = await rt.events();
    const slow = await log.allocate('test:slow', () => ({ kind: 'published', title: '第二条', page: disclosurePagePath(D(11)), disclosureId: D(11), regionCode: R.otherCountyVillage, regionName: '民声社区', domain: 'land-acquisition', at: new Date().toISOString(), createdAt: new Date(), window: windowNow(rt) }));
    await new Promise((r) => setTimeout(r, WINDOW_MS));
    await expect(t.drain(1500)).rejects.toThrow(/still pending/);
    expect(t.emulator().messagesTo('o-hold')).toHaveLength(0);
    await fanOut(rt, slow, async () => ({ inApp: [{ residentId: me.id, openid: 'o-hold' }], push: [{ residentId: me.id, openid: 'o-hold' }] }));
    await t.drain();
    const msgs = t.emulator().messagesTo('o-hold');
    expect(msgs).toHaveLength(1);
    expect(msgs[0].data.thing1.value).toMatch(/^2条新通知/);
  });
});
