import { titles } from './i18n/titles';

/**
 * Pages: the three tab pages stay in the main package (WeChat requires it); every other page is in a
 * subpackage, so the main package (what a resident downloads before anything shows) stays small.
 *
 * Page paths that the server links to are fixed by `MINIPROGRAM_PAGES` in shared/src/schemas/residents.ts
 * (app.config.test.ts checks them): `pages/disclosure/index?id=` (notices, subscribe messages, the printed
 * notice's QR code — a subpackage whose root is `pages/disclosure`), `pages/notices/index` (the 消息 tab) and
 * `packages/feedback/detail/index?id=` (answer notices).
 *
 * Preloading: home fetches the disclosure page and the lists/search subpackage on any network and the
 * village picker; the disclosure page fetches the feedback subpackage (提问) on Wi-Fi.
 * Tab bar colours: text ≥ 4.5:1 against the bar (the defaults, #999 on #f7f7fa, are not); icons are PNGs
 * drawn by scripts/tab-icons.mjs.
 */
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/notices/index', 'pages/mine/index'],
  subPackages: [
    { root: 'pages/disclosure', pages: ['index'] },
    { root: 'packages/disclosures', pages: ['list/index', 'search/index'] },
    { root: 'packages/village', pages: ['picker/index'] },
    { root: 'packages/feedback', pages: ['form/index', 'mine/index', 'detail/index'] },
    { root: 'packages/me', pages: ['follows/index'] },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['pages/disclosure', 'packages/disclosures', 'packages/village'] },
    'pages/disclosure/index': { network: 'wifi', packages: ['packages/feedback'] },
  },
  tabBar: {
    color: '#4e5969',
    selectedColor: '#1d4ed8',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: titles.home, iconPath: 'assets/tab/home-normal.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/notices/index', text: titles.notices, iconPath: 'assets/tab/notices-normal.png', selectedIconPath: 'assets/tab/notices-active.png' },
      { pagePath: 'pages/mine/index', text: titles.mine, iconPath: 'assets/tab/mine-normal.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: titles.app,
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7',
  },
  lazyCodeLoading: 'requiredComponents',
});
