// Jest project for the mini-program (picked up by the root jest.config.js as displayName 'miniapp').
// Components render through Taro's H5 implementation in jsdom: @tarojs/components → its React proxies of the
// web components, @tarojs/taro → @tarojs/taro-h5 (see test/taro-shim.js). Taro and its deps ship ESM, so
// those packages are transformed too; babel gets inline presets (babel.config.js is for the Taro build).
const path = require('path');

/** node_modules packages that ship ESM and must go through babel. */
const ESM_PACKAGES = [
  '@tarojs',
  '@stencil',
  'lodash-es',
  'query-string',
  'decode-uri-component',
  'split-on-first',
  'filter-obj',
  'is-mobile',
  'swiper',
  'ssr-window',
  'dom7',
  'style-inject',
  'classnames',
  'nanoid',
];

module.exports = {
  displayName: 'miniapp',
  rootDir: __dirname,
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testEnvironment: '<rootDir>/test/environment.js',
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  setupFiles: ['<rootDir>/test/setup.js'],
  transform: {
    '^.+\\.[cm]?[jt]sx?$': [
      'babel-jest',
      {
        babelrc: false,
        configFile: false,
        presets: [
          ['@babel/preset-env', { targets: { node: 'current' } }],
          ['@babel/preset-react', { runtime: 'automatic' }],
          '@babel/preset-typescript',
        ],
      },
    ],
  },
  // Transform every file whose path contains one of ESM_PACKAGES after a node_modules folder — including the
  // copies nested inside @tarojs/taro-h5 (dist/node_modules/.pnpm/...) — and leave the rest of node_modules alone.
  transformIgnorePatterns: [`^(?!.*/node_modules/(${ESM_PACKAGES.join('|')})[/@]).*/node_modules/`],
  moduleNameMapper: {
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': path.join(__dirname, 'test', 'taro-shim.js'),
    '\\.(css|less|scss)$': path.join(__dirname, 'test', 'style-stub.js'),
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json'],
};
