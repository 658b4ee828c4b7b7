import { WechatEmulator } from './emulator';

const TPL = 'tpl-1';

async function post(url: string, body: unknown) {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

describe('WeChat emulator over HTTP', () => {
  let emu: WechatEmulator;
  let url: string;
  beforeAll(async () => {
    emu = new WechatEmulator({ appid: 'wxa', secret: 'sec', templates: { [TPL]: { keys: ['thing1', 'time2'] } }, tokenTtlSeconds: 60 });
    url = await emu.start();
  });
  afterAll(() => emu.stop());

  it('issues single-use login codes through the emulator-only endpoint', async () => {
    const { body } = await post(`${url}/__emulator/login-code`, { openid: 'o1' });
    const q = (code: string) => `${url}/sns/jscode2session?appid=wxa&secret=sec&js_code=${code}&grant_type=authorization_code`;
    expect(await (await fetch(q(String(body.code)))).json()).toMatchObject({ openid: 'o1', session_key: expect.any(String) });
    expect(await (await fetch(q(String(body.code)))).json()).toEqual({ errcode: 40163, errmsg: 'code been used' });
    expect(await (await fetch(q('zzz'))).json()).toEqual({ errcode: 40029, errmsg: 'invalid code' });
    expect(await (await fetch(`${url}/sns/jscode2session?appid=wxa&secret=sec&grant_type=authorization_code`)).json()).toMatchObject({ errcode: 41008 });
    expect(await (await fetch(`${url}/sns/jscode2session?appid=wxa&secret=sec&js_code=x&grant_type=other`)).json()).toMatchObject({ errcode: 40002 });
  });

  it('checks stable_token credentials and keeps one token until forced', async () => {
    expect((await post(`${url}/cgi-bin/stable_token`, { grant_type: 'client_credential', appid: 'wxa', secret: 'bad' })).body).toMatchObject({ errcode: 40125 });
    expect((await post(`${url}/cgi-bin/stable_token`, { grant_type: 'client_credential', appid: 'bad', secret: 'sec' })).body).toMatchObject({ errcode: 40013 });
    const a = (await post(`${url}/cgi-bin/stable_token`, { grant_type: 'client_credential', appid: 'wxa', secret: 'sec' })).body;
    const b = (await post(`${url}/cgi-bin/stable_token`, { grant_type: 'client_credential', appid: 'wxa', secret: 'sec' })).body;
    expect(a.access_token).toBe(b.access_token);
    expect(a.expires_in).toBeLessThanOrEqual(60);
    const c = (await post(`${url}/cgi-bin/stable_token`, { grant_type: 'client_credential', appid: 'wxa', secret: 'sec', force_refresh: true })).body;
    expect(c.access_token).not.toBe(a.access_token);
    const send = (tok: unknown) => post(`${url}/cgi-bin/message/subscribe/send?access_token=${tok}`, { touser: 'o1', template_id: TPL, data: {} });
    expect((await send(a.access_token)).body).toMatchObject({ errcode: 40001 });
    expect((await post(`${url}/cgi-bin/message/subscribe/send`, {})).body).toMatchObject({ errcode: 41001 });
  });

  it('grants quota through the emulator-only subscribe endpoint and counts accepted messages', async () => {
    const tok = (await post(`${url}/cgi-bin/stable_token`, { grant_type: 'client_credential', appid: 'wxa', secret: 'sec' })).body.access_token;
    const send = (body: unknown) => post(`${url}/cgi-bin/message/subscribe/send?access_token=${tok}`, body);
    const msg = { touser: 'o2', template_id: TPL, page: 'pages/a?id=1', data: { thing1: { value: '标题' }, time2: { value: '2026年11月29日 10:00' } } };
    expect((await send(msg)).body).toMatchObject({ errcode: 40003 });
    expect((await post(`${url}/__emulator/subscribe`, { openid: 'o2', templateIds: [TPL] })).body).toEqual({ quotas: { [TPL]: 1 } });
    expect((await send('{not json')).body).toMatchObject({ errcode: 47001 });
    expect((await send({ ...msg, data: { thing1: { value: '标题' } } })).body).toMatchObject({ errcode: 47003, errmsg: expect.stringContaining('data.time2') });
    expect((await send({ ...msg, data: { ...msg.data, time2: { value: '明天' } } })).body).toMatchObject({ errcode: 47003, errmsg: expect.stringContaining('data.time2.value') });
    expect((await send(msg)).body).toMatchObject({ errcode: 0, errmsg: 'ok' });
    expect((await send(msg)).body).toMatchObject({ errcode: 43101 });
    expect(emu.counts().get(`o2|${TPL}|pages/a?id=1`)).toBe(1);
    const listed = (await (await fetch(`${url}/__emulator/messages?openid=o2`)).json()) as { items: unknown[] };
    expect(listed.items).toHaveLength(1);
  });

  it('expires tokens after their lifetime (42001)', async () => {
    const tok = (await post(`${url}/cgi-bin/stable_token`, { grant_type: 'client_credential', appid: 'wxa', secret: 'sec' })).body.access_token;
    emu.expireTokens();
    expect((await post(`${url}/cgi-bin/message/subscribe/send?access_token=${tok}`, { touser: 'o2', template_id: TPL, data: {} })).body).toMatchObject({ errcode: 42001 });
  });
});
