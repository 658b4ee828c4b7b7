/** @jest-environment-options {"realServer": true, "regions": "ouhai", "officials": true} */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { configureApi } from '../../../config';
import { loadDraft } from '../../../services/drafts';
import { installSession, signIn, storedToken } from '../../../services/session';
import { addVillage } from '../../../stores/villages';
import { GU_AN_TOU, call, housingList, officials, publish, real } from '../../../../test/api';
import { startProxy, type TestProxy } from '../../../../test/http-proxy';
import { setRouterParams } from '../../../../test/page';
import { resetApp } from '../../../../test/reset';
import FeedbackForm from './index';

/**
 * The ask / feedback / request form against the REAL server, behind a proxy that plays a weak network:
 * validation messages from the shared schema, the public-details warning, an idempotent submit whose
 * retries reuse one Idempotency-Key (one submission on the server), and nothing typed lost on failure.
 */
jest.setTimeout(60_000);

let disclosureId = '';
let proxy: TestProxy;

/** The native field inside a Taro H5 input/textarea, once rendered. */
async function field(selector: string): Promise<HTMLInputElement> {
  return waitFor(() => {
    const el = document.querySelector(selector);
    if (!el) throw new Error(`${selector} not rendered`);
    return el as HTMLInputElement;
  });
}
async function type(selector: string, value: string) {
  fireEvent.input(await field(selector), { target: { value } });
}
const choose = (group: string, value: string) => fireEvent.click(document.querySelector(`[data-testid="${group}"] [data-value="${value}"]`)!);
const submitButton = () => document.querySelector('.form-submit') as HTMLElement;
const posts = () => proxy.requests.filter((r) => r.method === 'POST' && r.url === '/api/v1/feedback');

async function myFeedback(): Promise<{ total: number; items: Array<{ id: string; summary: string }> }> {
  return call('GET', '/api/v1/me/feedback', `Bearer ${storedToken()}`);
}

describe('feedback form (packages/feedback/form), real server behind a weak-network proxy', () => {
  beforeAll(async () => {
    disclosureId = await publish(housingList(), officials().townEditor, officials().townReviewer);
    proxy = await startProxy(real().url);
  });
  afterAll(() => proxy.close());
  beforeEach(async () => {
    resetApp();
    proxy.requests.length = 0;
    proxy.mode(() => 'forward');
    configureApi({ baseUrl: proxy.url, timeoutMs: 5000, getRetries: 2, retryDelayMs: 10 });
    installSession();
    addVillage(GU_AN_TOU);
    await signIn();
    setRouterParams({ type: 'question', disclosureId, region: GU_AN_TOU.code });
  });

  it('shows the shared schema’s messages per field and sends nothing while the form is invalid', async () => {
    render(<FeedbackForm />);
    expect(await screen.findByText('关于：娄桥街道2026年第三批公共租赁住房承租资格审核结果公示')).toBeTruthy();
    expect(screen.getByText('公开的问题请不要填写姓名、身份证号、电话、住址等个人信息。')).toBeTruthy();
    await type('.form-textarea textarea', '有疑问');
    fireEvent.click(submitButton());
    expect(await screen.findByText('内容至少5个字')).toBeTruthy();
    expect(screen.getByText('请选择是否同意公开')).toBeTruthy();
    expect(screen.getByText('请按提示修改后再提交')).toBeTruthy();

    // A request (依申请公开) needs purpose and delivery; post needs an address; a bad phone is named.
    choose('type', 'request');
    await type('.form-textarea textarea', '请公开2025年娄桥街道公租房分配方案全文');
    choose('public', 'no');
    await type('input[aria-label="联系电话（选填，仅工作人员可见）"]', '12345');
    fireEvent.click(submitButton());
    expect(await screen.findByText('请填写用途')).toBeTruthy();
    expect(screen.getByText('请选择获取信息的方式')).toBeTruthy();
    expect(screen.getByText('请填写正确的手机号或带区号的固定电话')).toBeTruthy();
    await type('input[aria-label="用途"]', '了解本户能否申请');
    choose('delivery', 'post');
    fireEvent.click(submitButton());
    expect(await screen.findByText('请填写邮寄地址')).toBeTruthy();
    expect(screen.queryByText('请填写用途')).toBeNull();
    expect(posts()).toHaveLength(0);
  });

  it('retries a submission whose answer was lost with the same Idempotency-Key: one item on the server', async () => {
    render(<FeedbackForm />);
    await type('.form-textarea textarea', '公示期内有异议应向哪个部门反映？');
    choose('public', 'yes');
    // The first POST reaches the server, but its answer is cut off on the way back.
    proxy.mode((req) => (req.method === 'POST' && req.url === '/api/v1/feedback' && posts().length === 0 ? 'cut-after' : 'forward'));
    fireEvent.click(submitButton());
    expect(await screen.findByText('✓ 提交成功', undefined, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText(/^受理编号：ZX-\d{8}-\d{4,}$/)).toBeTruthy();
    expect(posts().map((p) => p.mode)).toEqual(['cut-after', 'forward']);
    const keys = posts().map((p) => p.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_.:-]{8,100}$/);
    expect(keys[1]).toBe(keys[0]);
    const mine = await myFeedback();
    expect(mine.total).toBe(1);
    expect(mine.items[0].summary).toContain('公示期内有异议');
    // Accepted: the draft is gone.
    expect(loadDraft(`feedback:${disclosureId}`)).toBeUndefined();
  });

  it('keeps everything typed when the network is down, and 重新提交 later sends it with the same key', async () => {
    const view = render(<FeedbackForm />);
    await type('.form-textarea textarea', '公租房分配结果什么时候公布？');
    choose('public', 'no');
    proxy.mode(() => 'cut-before');
    fireEvent.click(submitButton());
    const failed = await screen.findByText(/^提交没有成功：网络不给力，请稍后再试。您填写的内容已保存/, undefined, { timeout: 10_000 });
    expect(failed).toBeTruthy();
    expect(posts().length).toBe(3); // 1 try + 2 polite retries
    expect(screen.getByText('重新提交')).toBeTruthy();

    // Closing the page loses nothing: the draft (with its key) is in storage and comes back.
    view.unmount();
    await new Promise((r) => setTimeout(r, 450));
    render(<FeedbackForm />);
    expect((await field('.form-textarea textarea')).value).toBe('公租房分配结果什么时候公布？');
    expect(document.querySelector('[data-testid="public"] [data-value="no"]')?.getAttribute('aria-checked')).toBe('true');

    proxy.mode(() => 'forward');
    fireEvent.click(submitButton());
    expect(await screen.findByText('✓ 提交成功', undefined, { timeout: 10_000 })).toBeTruthy();
    const keys = new Set(posts().map((p) => p.headers['idempotency-key']));
    expect(keys.size).toBe(1);
    expect((await myFeedback()).total).toBe(1);
  });

  it('uploads a picked image (H5 file input) and submits its id', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    (URL as unknown as { createObjectURL: (b: Blob) => string }).createObjectURL = () => 'blob:preview-1';
    render(<FeedbackForm />);
    await type('.form-textarea textarea', '公示栏的照片看不清，请核实。');
    choose('public', 'no');
    fireEvent.click(screen.getByText('+ 添加图片'));
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    expect(input.accept).toBe('image/jpeg,image/png,image/webp');
    Object.defineProperty(input, 'files', { value: [new File([png], 'photo.png', { type: 'image/png' })] });
    fireEvent.change(input);
    await waitFor(() => expect(document.querySelectorAll('.image-picker__item')).toHaveLength(1), { timeout: 5000 });
    expect(screen.getByText('图片（选填，1/3）')).toBeTruthy();
    fireEvent.click(submitButton());
    expect(await screen.findByText('✓ 提交成功', undefined, { timeout: 10_000 })).toBeTruthy();
    const mine = await myFeedback();
    const detail = await call<{ images: Array<{ id: string; mime: string }> }>('GET', `/api/v1/me/feedback/${mine.items[0].id}`, `Bearer ${storedToken()}`);
    expect(detail.images).toEqual([expect.objectContaining({ mime: 'image/png' })]);
  });
});
