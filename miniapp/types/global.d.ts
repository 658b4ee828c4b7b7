/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.jpg';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by the Taro CLI (`--type`); 'h5' under jest. */
    TARO_ENV?: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony-hybrid';
    /** API origin baked in at build time by config/index.ts (`''` = same origin). */
    TARO_APP_API_BASE?: string;
  }
}

/** Origin of the real server in test files that ask for it (miniapp/test/environment.js). */
declare var __REAL_SERVER_URL__: string | undefined;
