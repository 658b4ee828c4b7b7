/** @jest-environment-options {"realServer": true, "regions": "ouhai", "officials": true, "templates": true} */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { configureApi, configureTemplates } from '../../config';
import { installSession, signIn, storedToken } from '../../services/session';
import { addVillage } from '../../stores/villages';
import { GU_AN_TOU, acceptAndAnswer, call, housingList, officials, publish, real } from '../../../test/api';
import { closedOrigin } from '../../../test/http-server';
import { fire, setRouterParams } from '../../../test/page';
import { resetApp } from '../../../test/reset';
import DisclosurePage from './index';

/**
 * The disclosure page against the REAL server: a 公租房 list with ID-number and phone columns published by
 * 娄桥街道 through the admin API, one whose posting period has ended (its personal table hidden), the page's
 * masking, 公示期 state, standard card, 已核验 badge, public Q&A, follow with subscribe consent and share.
 */
jest.setTimeout(60_000);

const DAY = 24 * 3600_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
let open = '';
let ended = '';

const cells = (row: number) => [...document.querySelectorAll('[data-testid="table"] [role=row]')[row].querySelectorAll('[role=cell],[role=columnheader]')].map((c) => c.textContent);

async function openPage(id: string) {
  setRouterParams({ id });
  const view = render(<DisclosurePage />);
  await screen.findByRole('heading', { level: 1 }, { timeout: 10_000 });
  return view;
}

describe('disclosure page (pages/disclosure/index), real server', () => {
  beforeAll(async () => {
    const o = officials();
    open = await publish(housingList(), o.townEditor, o.townReviewer);
    ended = await publish(housingList({ title: '上一批承租资格审核结果公示', validFrom: iso(Date.now() - 30 * DAY), validTo: iso(Date.now() - 15 * DAY) }), o.townEditor, o.townReviewer);
  });
  beforeEach(() => {
    resetApp();
    configureApi({ baseUrl: real().url, timeoutMs: 5000, getRetries: 1, retryDelayMs: 10 });
    installSession();
    addVillage(GU_AN_TOU);
  });
  afterEach(() => {
    process.env.TARO_ENV = 'h5';
    jest.restoreAllMocks();
  });

  it('shows title, level and publisher, 公示中 in words, the standard card and the masked table', async () => {
    await openPage(open);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('娄桥街道2026年第三批公共租赁住房承租资格审核结果公示');
    expect(document.querySelector('.detail-head .level-tag')?.textContent).toBe('乡镇');
    expect(document.querySelector('[data-testid="posting"] .posting-badge')?.textContent).toBe('●公示中');
    const card = within(screen.getByTestId('standard-card'));
    for (const label of ['公开事项', '公开依据', '公开时限', '公开主体', '公开渠道']) expect(card.getByText(label)).toBeTruthy();

    expect(cells(0)).toEqual(['申请人', '身份证号', '联系电话', '家庭人口']);
    expect(cells(1)).toEqual(['张**', '330304********1234', '138****5678', '3']);
    expect(cells(2)).toEqual(['李*', '330304********432X', '139****4321', '2']);
    expect(document.body.textContent).not.toMatch(/13812345678|330304199001011234|张三丰/);
    expect(screen.getByText(/个人信息已按规定脱敏/)).toBeTruthy();
  });

  it('after the posting period says 已结束 and shows the server’s notice instead of the personal table', async () => {
    await openPage(ended);
    expect(document.querySelector('[data-testid="posting"] .posting-badge')?.textContent).toBe('■已结束');
    expect(document.querySelectorAll('[data-testid="table"]')).toHaveLength(0);
    expect(screen.getByTestId('hidden-table').textContent).toMatch(/^ⓘ“审核通过家庭名单”已不再公开：.+/);
  });

  it('shows the 已核验 badge and the version history from the verify endpoint', async () => {
    await openPage(open);
    const history = await screen.findByTestId('verified', undefined, { timeout: 5000 });
    expect(history.textContent).toMatch(/^✓ 已核验/);
    expect(document.querySelectorAll('.version')).toHaveLength(1);
    expect(document.querySelector('.version__no')?.textContent).toBe('第 1 版（当前）');
  });

  it('lists the public answered questions about it (asked and answered through the real APIs)', async () => {
    await signIn();
    const resident = `Bearer ${storedToken()}`;
    const q = await call<{ id: string }>('POST', '/api/v1/feedback', resident, { type: 'question', regionCode: GU_AN_TOU.code, disclosureId: open, content: '公示期内有异议向谁反映？电话13812345678', public: true });
    await acceptAndAnswer(q.id, officials().townAdmin, '请向娄桥街道社会事务办反映。');
    await openPage(open);
    const qa = within(screen.getByTestId('qa'));
    expect(await qa.findByText('请向娄桥街道社会事务办反映。', undefined, { timeout: 5000 })).toBeTruthy();
    expect(qa.getByText(/公示期内有异议向谁反映/).textContent).toContain('138****5678');
  });

  it('follows in one tap; in the mini-program the tap first asks consent for at most 3 templates and reports the answer', async () => {
    await signIn();
    const resident = `Bearer ${storedToken()}`;
    process.env.TARO_ENV = 'weapp';
    configureTemplates({ disclosure: 'TMPL_DISCLOSURE_TEST', answer: 'TMPL_ANSWER_TEST' });
    const ask = jest.fn().mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', TMPL_DISCLOSURE_TEST: 'accept' });
    (Taro as unknown as Record<string, unknown>).requestSubscribeMessage = ask;
    await openPage(open);
    const button = await screen.findByText('+ 关注这条信息');
    fireEvent.click(button);
    // Asked synchronously inside the tap, before any request.
    expect(ask).toHaveBeenCalledTimes(1);
    const ids = ask.mock.calls[0][0].tmplIds as string[];
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThanOrEqual(3);
    expect(ids).toEqual(['TMPL_DISCLOSURE_TEST']);
    await screen.findByText('✓ 已关注', undefined, { timeout: 5000 });

    const follows = await call<{ items: Array<{ disclosureId?: string; regionCode: string }> }>('GET', '/api/v1/me/follows', resident);
    expect(follows.items).toEqual([expect.objectContaining({ disclosureId: open, regionCode: GU_AN_TOU.code })]);
    const consent = await call<{ templates: Array<{ templateId: string; remaining: number; last?: string }> }>('GET', '/api/v1/me/subscribe-consent', resident);
    expect(consent.templates.find((t) => t.templateId === 'TMPL_DISCLOSURE_TEST')).toMatchObject({ remaining: 1, last: 'accept' });

    // A second tap unfollows (no consent needed for that).
    fireEvent.click(screen.getByText('✓ 已关注'));
    await screen.findByText('+ 关注这条信息', undefined, { timeout: 5000 });
    expect(ask).toHaveBeenCalledTimes(1);
    expect((await call<{ items: unknown[] }>('GET', '/api/v1/me/follows', resident)).items).toEqual([]);
  });

  it('on H5 follows without any consent call, and the catalogue item and village+domain follows are separate', async () => {
    await signIn();
    const resident = `Bearer ${storedToken()}`;
    const ask = jest.fn();
    (Taro as unknown as Record<string, unknown>).requestSubscribeMessage = ask;
    await openPage(open);
    fireEvent.click(await screen.findByText('+ 关注本村这个领域'));
    await waitFor(() => expect(document.querySelectorAll('[data-followed="true"]')).toHaveLength(1));
    expect(ask).not.toHaveBeenCalled();
    const follows = await call<{ items: Array<Record<string, string>> }>('GET', '/api/v1/me/follows', resident);
    expect(follows.items.map(({ regionCode, domain, catalogueItemId, disclosureId }) => ({ regionCode, domain, catalogueItemId, disclosureId }))).toEqual([
      { regionCode: GU_AN_TOU.code, domain: 'affordable-housing', catalogueItemId: undefined, disclosureId: undefined },
    ]);
  });

  it('asks a question prefilled with this disclosure, and shares: H5 copies the page link, weapp gives the page path', async () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    await openPage(open);
    fireEvent.click(await screen.findByText('我要提问'));
    expect(navigateTo).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/packages\/feedback\/form\/index\?type=question&disclosureId=[0-9a-f]{24}&catalogueItemId=\w+&region=330304005202$/) });

    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fireEvent.click(screen.getByText('复制链接'));
    await screen.findByText('链接已复制，可以粘贴给乡亲');
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/m/#/pages/disclosure/index?id=${open}`);

    const [share] = fire('shareAppMessage') as Array<{ path: string; title: string }>;
    expect(share).toEqual({ title: '娄桥街道2026年第三批公共租赁住房承租资格审核结果公示', path: `/pages/disclosure/index?id=${open}` });
  });

  it('opens a cached copy offline with 离线内容, and says so when an unknown id is opened', async () => {
    const first = await openPage(open);
    first.unmount();
    configureApi({ baseUrl: await closedOrigin() });
    await openPage(open);
    expect(await screen.findByText(/^离线内容，更新于 \d\d:\d\d$/)).toBeTruthy();
    expect(cells(1)[1]).toBe('330304********1234');

    configureApi({ baseUrl: real().url });
    setRouterParams({ id: '0123456789abcdef01234567' });
    await act(async () => {
      render(<DisclosurePage />);
    });
    expect(await screen.findByText('公开信息不存在或已撤回', undefined, { timeout: 5000 })).toBeTruthy();
  });
});
