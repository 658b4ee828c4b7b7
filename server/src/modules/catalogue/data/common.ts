import type { CatalogueItemInput, TimeLimit } from '@gongkai/shared';

/** One item of the authored default catalogue: the shared input shape with its stable code. */
export type DefaultCatalogueEntry = CatalogueItemInput & { code: string };

/** 政府信息公开条例 第二十六条: the default proactive-disclosure limit. */
export const STANDARD_TIME_LIMIT: TimeLimit = { text: '信息形成或者变更之日起20个工作日内', workingDays: 20 };

/** The default limit with a note appended (e.g. where and how the item is posted). */
export function standardLimit(note: string): TimeLimit {
  return { text: `${STANDARD_TIME_LIMIT.text}（${note}）`, workingDays: 20 };
}

/** 第三十三条: an on-request item is answered within 20 working days of receiving the request. */
export const ON_REQUEST_TIME_LIMIT: TimeLimit = {
  text: '自收到政府信息公开申请之日起20个工作日内答复；需要延长的，经负责人同意并告知申请人，延长期限最长不超过20个工作日',
  workingDays: 20,
  rule: { kind: 'after-event-working-days', days: 20, event: '收到政府信息公开申请' },
};

/** The 2019 Regulations on Open Government Information, cited by almost every item. */
export const OGI_REGULATIONS = '《中华人民共和国政府信息公开条例》（国务院令第711号）第十九条、第二十条、第二十六条';
export const OGI_ON_REQUEST = '《中华人民共和国政府信息公开条例》（国务院令第711号）第二十七条、第三十三条';

/** Zhejiang publisher names (县（市、区） stands for the county-level government of the item's region). */
export const PUBLISHERS = {
  county: '县（市、区）人民政府',
  naturalResources: '县（市、区）自然资源和规划局',
  housing: '县（市、区）住房和城乡建设局',
  expropriation: '县（市、区）房屋征收部门',
  education: '县（市、区）教育局',
  civilAffairs: '县（市、区）民政局',
  agriculture: '县（市、区）农业农村局',
  emergency: '县（市、区）应急管理局',
  trading: '县（市、区）公共资源交易中心',
  enforcement: '县（市、区）综合行政执法局',
  township: '乡镇人民政府（街道办事处）',
  village: '村（居）民委员会',
} as const;
