import { ERROR_MESSAGES_ZH, type ErrorCode } from '@gongkai/shared';
import { titles } from './titles';
import { actTexts } from './zh-act';
import { readTexts } from './zh-read';

/**
 * Every user-facing string of the mini-program, in one place (Chinese UI): this folder. Page and tab titles
 * live in ./titles.ts, which the build-time page configs import too; the reading pages' texts in
 * ./zh-read.ts and the acting pages' in ./zh-act.ts, merged in here. Server error codes reuse the shared
 * `ERROR_MESSAGES_ZH`; client-only codes are added here.
 */
export const zh = {
  appName: '公开',
  titles,
  /** Between the steps of a region path: 温州市 › 瓯海区 › 娄桥街道 › 古庄村. */
  pathSeparator: ' › ',
  home: {
    welcomeTitle: '欢迎使用“公开”',
    welcomeText: '选择您所在的村，就能查看县、乡镇、村三级公开的信息。',
    pickVillage: '选择我的村',
    currentVillage: '当前村',
    switchHeading: '切换村',
    addVillage: '添加村',
    domainsHeading: '公开领域',
    /** Count line of a domain tile (current disclosures). */
    count: (n: number) => `${n} 条公开`,
    loading: '正在加载…',
    empty: '暂无公开领域',
    retry: '重试',
  },
  elderly: {
    label: '长辈模式',
    hint: '字更大、按钮更大、页面更简洁',
    on: '已开启',
    off: '已关闭',
  },
  picker: {
    searchLabel: '搜索村名',
    searchPlaceholder: '输入村名、拼音或首字母',
    searching: '正在搜索…',
    noResults: (q: string) => `没有找到“${q}”，换个写法试试，或按地区查找`,
    resultsHeading: '搜索结果',
    browseHeading: '按地区查找',
    up: '返回上一级',
    top: '全省',
    childCount: (n: number) => `${n} 个`,
    loading: '正在加载…',
    retry: '重试',
    full: (max: number) => `最多保存 ${max} 个村。请先到“我的”里删除一个，再添加。`,
    chosen: (name: string) => `已选择 ${name}`,
  },
  mine: {
    villagesHeading: '我的村',
    defaultBadge: '默认',
    setDefault: '设为默认',
    remove: '删除',
    confirmRemove: '确认删除',
    cancel: '取消',
    addVillage: '添加村',
    noVillage: '还没有选择村',
    limit: (max: number) => `最多可保存 ${max} 个村，排在第一个的是默认村。`,
    settingsHeading: '显示设置',
    fontNote: '未开启长辈模式时，文字大小跟随微信的字体设置。',
    linksHeading: '我的事项',
    follows: '我的关注',
    feedback: '我的留言',
    ask: '我要提问',
  },
  ...readTexts,
  ...actTexts,
  /** Dates as residents read them (China time). */
  date: (y: number, m: number, d: number) => `${y}年${m}月${d}日`,
  loading: '正在加载…',
  retry: '重试',
  offline: {
    notice: (time: string) => `离线内容，更新于 ${time}`,
    /** An earlier day's time: 11月28日 09:30. */
    day: (month: number, day: number, hm: string) => `${month}月${day}日 ${hm}`,
  },
  errors: {
    NETWORK: '网络不给力，请稍后再试',
    BAD_RESPONSE: '服务器返回的数据有误，请稍后再试',
    UNKNOWN: '出了点问题，请稍后再试',
    SIGN_IN_UNAVAILABLE: '当前网页版只能查看，关注和留言请在微信中打开“公开”小程序',
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
