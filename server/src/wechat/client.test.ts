import { WechatClient } from './client';
import { WechatEmulator } from './emulator';
import { answerNoticeData, disclosureNoticeData, fitTemplateData, wechatTime } from './format';

const TPL = 'tpl-disclosure';
const LONG = 'tpl-long';
const KEYS = ['thing1', 'thing2', 'time3', 'thing4'];
const data = disclosureNoticeData({ title: '关于某某村征地补偿安置方案的公告', regionName: '瓯海区', at: '2026-11-29T10:05:00+08:00', domainName: '征地补偿' });

describe('WechatClient against the emulator (real HTTP on loopback)', () => {
  let emu: WechatEmulator;
  let client: WechatClient;
  beforeEach(async () => {
    emu = new WechatEmulator({ appid: 'wxapp', secret: 's3cret', templates: { [TPL]: { keys: KEYS }, [LONG]: { keys: KEYS, longTerm: true } } });
    const url = await emu.start();
    client = new WechatClient({ apiBase: url, appid: 'wxapp', secret: 's3cret', timeoutMs: 2000 });
  });
  afterEach(() => emu.stop());

  describe('code2session', () => {
    it('exchanges a fresh code for openid, session key and unionid', async () => {
      const code = emu.issueLoginCode('o-alice', 'u-alice');
      const r = await client.code2session(code);
      expect(r).toMatchObject({ ok: true, openid: 'o-alice', unionid: 'u-alice' });
      expect(r.ok && r.sessionKey.length).toBeGreaterThan(10);
    });

    it('refuses a reused code (40163) and an unknown one (40029) as permanent invalid-code failures', async () => {
      const code = emu.issueLoginCode('o-bob');
      expect((await client.code2session(code)).ok).toBe(true);
      expect(await client.code2session(code)).toMatchObject({ ok: false, errcode: 40163, reason: 'invalid-code', retryable: false });
      expect(await client.code2session('nonsense')).toMatchObject({ ok: false, errcode: 40029, reason: 'invalid-code', retryable: false });
    });

    it('reports a wrong appid (40013) and a wrong secret (40125)', async () => {
      const url = emu.url;
      const code = emu.issueLoginCode('o-c');
      expect(await new WechatClient({ apiBase: url, appid: 'other', secret: 's3cret' }).code2session(code)).toMatchObject({ errcode: 40013, reason: 'bad-credentials' });
      expect(await new WechatClient({ apiBase: url, appid: 'wxapp', secret: 'nope' }).code2session(code)).toMatchObject({ errcode: 40125, reason: 'bad-credentials' });
    });
  });

  describe('access token', () => {
    it('fetches one token for many concurrent callers and reuses it while fresh', async () => {
      const tokens = await Promise.all(Array.from({ length: 20 }, () => client.accessToken()));
      expect(new Set(tokens.map((t) => (t.ok ? t.token : 'x'))).size).toBe(1);
      await client.accessToken();
      expect(client.stats.tokenFetches).toBe(1);
      expect(emu.requests.token).toBe(1);
    });

    it('refreshes before expiry', async () => {
      let now = 1_000_000;
      const c = new WechatClient({ apiBase: emu.url, appid: 'wxapp', secret: 's3cret', now: () => now });
      const a = await c.accessToken();
      now += 7200_000 - 200_000; // inside the 5-minute margin
      const b = await c.accessToken();
      expect(c.stats.tokenFetches).toBe(2);
      expect(a.ok && b.ok).toBe(true);
    });

    it('on 42001 (expired) refreshes once with force_refresh and retries the send', async () => {
      emu.grant('o-d', TPL, 1);
      await client.accessToken();
      emu.expireTokens();
      const r = await client.sendSubscribeMessage({ touser: 'o-d', templateId: TPL, page: 'pages/x', data });
      expect(r).toEqual({ ok: true, msgid: expect.any(String) });
      expect(client.stats.forcedRefreshes).toBe(1);
      expect(emu.accepted).toHaveLength(1);
    });

    it('on 40001 (invalid) refreshes once, and concurrent senders share that one refresh', async () => {
      emu.grant('o-e', TPL, 5);
      await client.accessToken();
      emu.invalidateTokens();
      const rs = await Promise.all(Array.from({ length: 5 }, () => client.sendSubscribeMessage({ touser: 'o-e', templateId: TPL, data })));
      expect(rs.every((r) => r.ok)).toBe(true);
      expect(client.stats.forcedRefreshes).toBe(1);
      expect(emu.accepted).toHaveLength(5);
    });

    it('gives up after one refresh when the new token is rejected too', async () => {
      const c = new WechatClient({ apiBase: emu.url, appid: 'wxapp', secret: 's3cret' });
      emu.grant('o-f', TPL);
      const orig = emu['stableToken'].bind(emu);
      // Every token the emulator hands out is dead on arrival.
      emu['stableToken'] = (b: Record<string, unknown>) => {
        const r = orig(b);
        emu.invalidateTokens();
        return r;
      };
      expect(await c.sendSubscribeMessage({ touser: 'o-f', templateId: TPL, data })).toMatchObject({ ok: false, errcode: 40001, reason: 'token', retryable: true });
      expect(c.stats.forcedRefreshes).toBe(1);
    });
  });

  describe('subscribeMessage.send', () => {
    it('consumes one-time quota: one grant, one message, then 43101 (permanent)', async () => {
      emu.grant('o-g', TPL, 1);
      expect((await client.sendSubscribeMessage({ touser: 'o-g', templateId: TPL, data })).ok).toBe(true);
      expect(await client.sendSubscribeMessage({ touser: 'o-g', templateId: TPL, data })).toMatchObject({ ok: false, errcode: 43101, reason: 'refused', retryable: false });
      expect(emu.messagesTo('o-g')).toHaveLength(1);
    });

    it('sends long-term templates without quota', async () => {
      emu.addUser('o-h');
      for (let i = 0; i < 3; i++) expect((await client.sendSubscribeMessage({ touser: 'o-h', templateId: LONG, data })).ok).toBe(true);
    });

    it('maps unknown openid (40003), unknown template (40037) and bad data (47003, field named) to permanent failures', async () => {
      expect(await client.sendSubscribeMessage({ touser: 'nobody', templateId: TPL, data })).toMatchObject({ errcode: 40003, reason: 'bad-openid', retryable: false });
      emu.grant('o-i', TPL, 3);
      expect(await client.sendSubscribeMessage({ touser: 'o-i', templateId: 'x', data })).toMatchObject({ errcode: 40037, reason: 'bad-template' });
      const long = { ...data, thing2: { value: '这是一个远远超过二十个字符长度限制的地区名称文字啊啊' } };
      const r = await client.sendSubscribeMessage({ touser: 'o-i', templateId: TPL, data: long });
      expect(r).toMatchObject({ ok: false, errcode: 47003, reason: 'bad-data', retryable: false });
      expect(!r.ok && r.errmsg).toContain('data.thing2.value');
      expect(emu.quota('o-i', TPL)).toBe(3);
    });

    it('classifies busy (-1), HTTP 500 and dropped connections as retryable', async () => {
      emu.grant('o-j', TPL, 3);
      await client.accessToken();
      emu.setFaults({ busyRate: 1 });
      expect(await client.sendSubscribeMessage({ touser: 'o-j', templateId: TPL, data })).toMatchObject({ ok: false, errcode: -1, reason: 'busy', retryable: true });
      emu.setFaults({ serverErrorRate: 1 });
      expect(await client.sendSubscribeMessage({ touser: 'o-j', templateId: TPL, data })).toMatchObject({ ok: false, errcode: 500, reason: 'server-error', retryable: true });
      emu.setFaults({ dropRate: 1 });
      expect(await client.sendSubscribeMessage({ touser: 'o-j', templateId: TPL, data })).toMatchObject({ ok: false, reason: 'network', retryable: true });
      emu.setFaults(undefined);
      expect(emu.accepted).toHaveLength(0);
      expect(emu.quota('o-j', TPL)).toBe(3);
    });

    it('times out slow replies as retryable and ambiguous', async () => {
      const c = new WechatClient({ apiBase: emu.url, appid: 'wxapp', secret: 's3cret', timeoutMs: 100 });
      await c.accessToken();
      emu.grant('o-k', TPL);
      emu.setFaults({ delayMs: 400 });
      expect(await c.sendSubscribeMessage({ touser: 'o-k', templateId: TPL, data })).toMatchObject({ ok: false, reason: 'timeout', retryable: true, ambiguous: true });
    });

    it('reports an unreachable server as a network failure', async () => {
      await emu.stop();
      expect(await client.code2session('x')).toMatchObject({ ok: false, reason: 'network', retryable: true });
    });
  });
});

describe('template values', () => {
  it('fits values to WeChat limits by key type', () => {
    const d = fitTemplateData({
      thing1: '一二三四五六七八九十一二三四五六七八九十超出',
      phrase2: '已经发布了abc',
      character_string3: 'GK-2026-00012345 中文 abcdefghijklmnopqrstuvwxyz',
      number4: '共 12.5 元',
    });
    expect(Array.from(d.thing1.value)).toHaveLength(20);
    expect(d.thing1.value.endsWith('…')).toBe(true);
    expect(d.phrase2.value).toBe('已经发布了');
    expect(d.character_string3.value).toHaveLength(32);
    expect(d.character_string3.value).toMatch(/^[\x21-\x7e]+$/);
    expect(d.number4.value).toBe('12.5');
  });

  it('formats times in China Standard Time', () => {
    expect(wechatTime('2026-01-05T01:02:00Z')).toBe('2026年1月5日 09:02');
    expect(answerNoticeData({ trackingNo: 'GK20261129-0001', summary: '请问征地补偿标准是多少', answeredAt: '2026-11-29T02:00:00Z' })).toEqual({
      character_string1: { value: 'GK20261129-0001' },
      thing2: { value: '请问征地补偿标准是多少' },
      time3: { value: '2026年11月29日 10:00' },
    });
  });
});
