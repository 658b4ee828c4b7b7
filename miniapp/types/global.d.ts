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
    /** Subscribe-message template ids baked in at build time (config/index.ts). */
    TARO_APP_TEMPLATE_DISCLOSURE?: string;
    TARO_APP_TEMPLATE_ANSWER?: string;
  }
}

/** Origin of the real server in test files that ask for it (miniapp/test/environment.js). */
declare var __REAL_SERVER_URL__: string | undefined;

/** The real server of a test file that asked for it, with its seeded officials (miniapp/test/environment.js). */
declare var __REAL_SERVER__:
  | {
      url: string;
      /** Bearer header values: countyEditor, countyReviewer, countyAdmin, townEditor, townReviewer, townAdmin. */
      officials?: Record<'countyEditor' | 'countyReviewer' | 'countyAdmin' | 'townEditor' | 'townReviewer' | 'townAdmin', string>;
      /** Runs the server's due jobs until none are left. */
      drainJobs(): Promise<void>;
    }
  | undefined;
