/** @jest-environment-options {"realServer": true, "regions": "ouhai", "officials": true} */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { configureApi } from '../../../config';
import { addVillage } from '../../../stores/villages';
import { GU_AN_TOU, housingList, officials, publish, real } from '../../../../test/api';
import { resetApp } from '../../../../test/reset';
import SearchPage from './index';

/**
 * Search within the village's scope against the REAL server's full-text search (`GET /disclosures?q=`):
 * matched words are marked, other villages' disclosures never appear, and markup other than the marks is
 * never rendered.
 */
jest.setTimeout(60_000);

const hits = () => [...document.querySelectorAll('[data-testid="search-hits"] .hit')] as HTMLElement[];

async function search(q: string) {
  const input = await waitFor(() => {
    const el = document.querySelector('.search-bar__input input');
    if (!el) throw new Error('input not rendered');
    return el as HTMLInputElement;
  });
  fireEvent.input(input, { target: { value: q } });
  fireEvent.click(screen.getByText('搜索'));
}

describe('search (packages/disclosures/search), real server', () => {
  beforeAll(async () => {
    const o = officials();
    await publish(housingList({ title: '娄桥街道公租房承租资格审核结果公示' }), o.townEditor, o.townReviewer);
    await publish(housingList({ regionCode: GU_AN_TOU.code, title: '古岸头村危房改造补助名单', catalogueItemId: 'AH-04', body: '本村承租资格复核情况说明<script>alert(1)</script>', tables: [] }), o.townEditor, o.townReviewer);
    await publish(housingList({ regionCode: '330304005207', title: '东风村承租资格审核结果' }), o.townEditor, o.townReviewer);
  });
  beforeEach(() => {
    resetApp();
    configureApi({ baseUrl: real().url, timeoutMs: 5000, getRetries: 1, retryDelayMs: 10 });
    addVillage(GU_AN_TOU);
  });

  it('finds title and body matches within the village, township and county, with the matched words marked', async () => {
    render(<SearchPage />);
    expect(screen.getByText('在 古岸头村 及所属乡镇、县的公开信息中搜索')).toBeTruthy();
    await search('承租资格');
    await waitFor(() => expect(hits().length).toBe(2), { timeout: 10_000 });
    expect(screen.getByText('找到 2 条')).toBeTruthy();
    const texts = hits().map((h) => h.textContent ?? '');
    expect(texts.some((t) => t.includes('东风村'))).toBe(false);
    // The title hit is marked with <em> (shown bold and underlined).
    // RichText gets the server's fragment: matched words in <em>, everything else escaped. (jsdom does not run
    // the web component that turns it into DOM; the browser tests see the marks rendered.)
    const nodes = [...document.querySelectorAll('[data-testid="search-hits"] .hit__title, [data-testid="search-hits"] .hit__snippet')].map((e) => e.getAttribute('nodes') ?? '');
    expect(nodes).toContain('娄桥街道公租房<em>承租资格</em>审核结果公示');
    expect(nodes.some((n) => n.includes('本村<em>承租资格</em>复核情况说明'))).toBe(true);
    for (const n of nodes) expect(n.replace(/<\/?em>/g, '')).not.toMatch(/<[a-z]/i);
  });

  it('says when nothing matches', async () => {
    render(<SearchPage />);
    await search('高速公路');
    expect(await screen.findByText('没有找到与“高速公路”有关的公开信息', undefined, { timeout: 10_000 })).toBeTruthy();
    expect(hits()).toHaveLength(0);
  });
});
