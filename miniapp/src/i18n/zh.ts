import { ERROR_MESSAGES_ZH, type ErrorCode } from '@gongkai/shared';

/**
 * Every user-facing string of the mini-program, in one place (Chinese UI).
 * Server error codes reuse the shared `ERROR_MESSAGES_ZH`; client-only codes are added here.
 */
export const zh = {
  appName: '公开',
  home: {
    title: '政务公开',
    subtitle: '查看县、乡镇、村公开的信息',
    domainsHeading: '公开领域',
    loading: '正在加载…',
    empty: '暂无公开领域',
    retry: '重试',
  },
  errors: {
    NETWORK: '网络不给力，请稍后再试',
    BAD_RESPONSE: '服务器返回的数据有误，请稍后再试',
    UNKNOWN: '出了点问题，请稍后再试',
  },
} as const;

/** Client-side error codes that never come from the server. */
export type ClientErrorCode = keyof typeof zh.errors;

/** The Chinese message to show for an error code when the server sent none. */
export function messageFor(code: string): string {
  if (code in zh.errors) return zh.errors[code as ClientErrorCode];
  if (code in ERROR_MESSAGES_ZH) return ERROR_MESSAGES_ZH[code as ErrorCode];
  return zh.errors.UNKNOWN;
}
