import { MINIPROGRAM_PAGES, disclosureH5Url, disclosurePagePath } from '@gongkai/shared';
import * as routes from './routes';

/** The app config as the build evaluates it (`defineAppConfig` is a build-time global). */
function appConfig(): { pages: string[]; subPackages: Array<{ root: string; pages: string[] }>; tabBar: { list: Array<{ pagePath: string }> }; preloadRule: Record<string, { packages: string[] }> } {
  (globalThis as unknown as { defineAppConfig: (c: unknown) => unknown }).defineAppConfig = (c) => c;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./app.config').default;
}

describe('app.config: pages and the paths the server links to', () => {
  const cfg = appConfig();
  const all = [...cfg.pages, ...cfg.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];

  it('registers every page the server links to (notices, subscribe messages, the printed notice’s QR code)', () => {
    for (const page of Object.values(MINIPROGRAM_PAGES)) expect(all).toContain(page);
    // The QR code / notice link of a disclosure opens this page with ?id=.
    expect(disclosurePagePath('abc')).toBe('pages/disclosure/index?id=abc');
    expect(routes.disclosureUrl('abc')).toBe(`/${disclosurePagePath('abc')}`);
    expect(disclosureH5Url('https://gk.example.cn', 'abc')).toBe('https://gk.example.cn/m/#/pages/disclosure/index?id=abc');
  });

  it('registers every route the app navigates to, with the tab pages in the main package', () => {
    const urls = Object.values(routes).filter((v): v is string => typeof v === 'string');
    for (const url of urls) expect(all).toContain(url.slice(1));
    expect(cfg.tabBar.list.map((t) => `/${t.pagePath}`)).toEqual([...routes.TAB_URLS]);
    for (const tab of cfg.tabBar.list) expect(cfg.pages).toContain(tab.pagePath);
  });

  it('keeps secondary pages out of the main package, and preloads only declared subpackages', () => {
    expect(cfg.pages).toHaveLength(3);
    const roots = cfg.subPackages.map((s) => s.root);
    for (const rule of Object.values(cfg.preloadRule)) for (const p of rule.packages) expect(roots).toContain(p);
    // No subpackage root inside another (WeChat refuses such a package).
    for (const a of roots) for (const b of roots) if (a !== b) expect(a.startsWith(`${b}/`)).toBe(false);
  });
});
