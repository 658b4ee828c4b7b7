import { titles } from './i18n/titles';

/**
 * Pages: the two tab pages stay in the main package (WeChat requires it); every secondary page goes into a
 * subpackage, so the main package (what a resident downloads before anything shows) stays small. The
 * village subpackage is preloaded from home, so the picker opens at once even on a weak network.
 * Tab bar colours: text ≥ 4.5:1 against the bar (the defaults, #999 on #f7f7fa, are not); icons are PNGs
 * drawn by scripts/tab-icons.mjs.
 */
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/mine/index'],
  subPackages: [{ root: 'packages/village', pages: ['picker/index'] }],
  preloadRule: { 'pages/index/index': { network: 'all', packages: ['packages/village'] } },
  tabBar: {
    color: '#4e5969',
    selectedColor: '#1d4ed8',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: titles.home, iconPath: 'assets/tab/home-normal.png', selectedIconPath: 'assets/tab/home-active.png' },
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
