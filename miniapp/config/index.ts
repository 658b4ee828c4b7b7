import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

/**
 * Taro build configuration for the WeChat mini-program (`--type weapp`) and the H5 site (`--type h5`).
 *
 * - Output goes to `dist/<platform>`; the root `project.config.json` points WeChat DevTools at `dist/weapp/`.
 * - The H5 build is served by the Gongkai server under `/m/` with hash routing (`/m/#/pages/index/index`).
 * - `TARO_APP_API_BASE` (build-time env) sets the API origin; see `apiBase()` below and `src/config.ts`.
 * - `TARO_APP_TEMPLATE_DISCLOSURE` / `TARO_APP_TEMPLATE_ANSWER` (build-time env) are the subscribe-message
 *   template ids the follow and ask buttons request consent for (weapp only; empty: no consent asked).
 */

/** The `shared/` workspace (TypeScript source), compiled by the app's own babel rule. */
const SHARED_DIR = path.resolve(__dirname, '..', '..', 'shared');
/** zod 4 ships modern syntax (optional chaining, classes…): transpile it to the app's browserslist targets too. */
const ZOD_DIR = path.dirname(require.resolve('zod/package.json', { paths: [SHARED_DIR] }));
/** Webpack's persistent cache (git-ignored). */
const CACHE_DIR = path.resolve(__dirname, '..', '.taro-cache');

/**
 * The API origin baked into the bundle. An explicit `TARO_APP_API_BASE` wins (also from `.env` files, which
 * Taro merges in afterwards); otherwise the mini-program talks to a local server and H5 to its own origin.
 */
function apiBase(platform: string | undefined): string {
  const fromEnv = process.env.TARO_APP_API_BASE;
  if (fromEnv !== undefined) return fromEnv.replace(/\/+$/, '');
  return platform === 'h5' ? '' : 'http://127.0.0.1:3000';
}

export default defineConfig<'webpack5'>(async () => {
  const platform = process.env.TARO_ENV;
  // Persistent webpack cache (passed through to webpack's `cache`, hence the extra `cacheDirectory`).
  const cache = { enable: true, cacheDirectory: CACHE_DIR };
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'gongkai-miniapp',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: [],
    env: {
      TARO_APP_API_BASE: JSON.stringify(apiBase(platform)),
      // Subscribe-message template ids (weapp): the same ids as the server's WECHAT_TEMPLATE_* settings.
      TARO_APP_TEMPLATE_DISCLOSURE: JSON.stringify(process.env.TARO_APP_TEMPLATE_DISCLOSURE ?? ''),
      TARO_APP_TEMPLATE_ANSWER: JSON.stringify(process.env.TARO_APP_TEMPLATE_ANSWER ?? ''),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache,
    mini: {
      compile: { include: [SHARED_DIR, ZOD_DIR] },
      // Component stylesheets are independent (one class prefix each): their order across chunks is irrelevant.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/m/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [SHARED_DIR, ZOD_DIR] },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      // Taro splits initial chunks only, so every lazily loaded page chunk carried its own copy of the shared
      // components and Taro's component wrappers. One async chunk holds what two or more pages use.
      webpackChain(chain) {
        chain.optimization.splitChunks({
          ...(chain.optimization.get('splitChunks') as object),
          cacheGroups: {
            ...((chain.optimization.get('splitChunks') as { cacheGroups?: object })?.cacheGroups ?? {}),
            pages: { name: 'pages-common', chunks: 'async', minChunks: 2, priority: 5, reuseExistingChunk: true },
          },
        });
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  return config;
});
