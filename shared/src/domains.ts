/** The 8 pilot domains of the Zhejiang plan (浙政办发〔2017〕82号). Keys are stable API values. */
export const DOMAIN_KEYS = [
  'land-acquisition',
  'demolition-resettlement',
  'affordable-housing',
  'rural-housing-renovation',
  'poverty-relief',
  'municipal-services',
  'public-resource-trading',
  'compulsory-education',
] as const;

export type DomainKey = (typeof DOMAIN_KEYS)[number];

export interface Domain {
  key: DomainKey;
  name: string;
  description: string;
}

/** Display data for each pilot domain (user-facing text is Chinese). */
export const DOMAINS: readonly Domain[] = [
  { key: 'land-acquisition', name: '征地补偿', description: '拟征收土地告知、现状调查结果确认、征地补偿安置方案与公告、听证告知、补偿登记与支付' },
  { key: 'demolition-resettlement', name: '拆迁安置', description: '征收补偿方案征求意见、征收决定公告、调查登记结果、分户补偿情况、安置房源与分配结果' },
  { key: 'affordable-housing', name: '保障性住房', description: '政策文件、申请条件与流程、公租房承租资格确认、租赁补贴资格、分配结果公示' },
  { key: 'rural-housing-renovation', name: '农村危房改造', description: '政策与补助标准、危房等级评定标准、任务分配、补助农户名单、竣工验收' },
  { key: 'poverty-relief', name: '扶贫救灾', description: '识别标准与程序、对象名单公示、资金项目公告公示、救灾款物分配' },
  { key: 'municipal-services', name: '市政服务', description: '供水供气价格与收费依据、燃气经营许可、停水停气通知、服务指南' },
  { key: 'public-resource-trading', name: '公共资源交易', description: '招标公告、资格预审、中标候选人公示、中标结果、合同与履约' },
  { key: 'compulsory-education', name: '义务教育', description: '招生政策、学区划分（招生范围）、学校介绍、随迁子女入学、两免一补' },
];

const byKey = new Map(DOMAINS.map((d) => [d.key, d]));

/** The domain with this key, or undefined. */
export function findDomain(key: string): Domain | undefined {
  return byKey.get(key as DomainKey);
}
