import type { AssessmentMetrics, AssessmentNode } from '@gongkai/shared';
import { toShanghaiIso } from '../../workdays';
import type { QuarterlyData } from './quarterly';

/*
 * The words and tables of the quarterly report, shared by the xlsx and the PDF so both say the same:
 * the title, the summary paragraph, the metric table, the townships' table and the definitions.
 */

/** 《瓯海区基层政务公开标准化规范化工作季度报送表》 */
export const reportTitle = (d: QuarterlyData) => `${d.county.name}基层政务公开标准化规范化工作季度报送表`;

/** `统计周期：2025年第三季度（2025-07-01至2025-09-30）` and the other header lines. */
export function headerLines(d: QuarterlyData): string[] {
  return [
    `统计周期：${d.period.label}（${d.period.fromDate}至${d.period.toDate}）`,
    `填报单位：${d.county.name}人民政府办公室（政务公开工作机构）    报送日期：${toShanghaiIso(new Date(d.generatedAt)).slice(0, 10)}`,
    `数据来源：Gongkai 基层政务公开平台，指标计算于 ${toShanghaiIso(new Date(d.computedAt)).slice(0, 16).replace('T', ' ')}`,
  ];
}

/** A 0–1 value as a percentage with one decimal, or — without data. */
export const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null) => (v === null ? '—' : String(v));

/** The summary paragraph (一、总体情况), written from the figures. */
export function summary(d: QuarterlyData): string {
  const m = d.node;
  const c = m.coverage;
  const t = m.timeliness;
  const r = m.responsiveness;
  const s = m.satisfaction;
  const reach = m.reach;
  return [
    `${d.period.label}，${d.county.name}（含${d.units.townships}个乡镇（街道）、${d.units.villages}个村（社区））按标准目录应公开事项${c.required}项（县、乡、村三级合计），截至季末已公开${c.covered}项，事项覆盖率${pct(c.value)}。`,
    `本季度首次发布的有时限信息中，按时发布${t.onTime}条，逾期发布${t.late}条${t.medianDaysLate === null ? '' : `（逾期天数中位数${t.medianDaysLate}天）`}，到期未发布${t.overdue}条，公开及时率${pct(t.value)}。`,
    `收到群众咨询、意见建议和依申请公开${r.received}件，按时答复${r.onTime}件，逾期答复${r.late}件，超期未答复${r.overdue}件，回应及时率${pct(r.value)}${r.medianWorkingDays === null ? '' : `，答复用时中位数${r.medianWorkingDays}个工作日`}。`,
    `群众评价${s.rated}次，满意度${pct(s.value)}（满意及基本满意率${pct(s.satisfiedRate)}）。`,
    `关注用户${reach.followers}人次，覆盖村（社区）${reach.villagesReached}个（${pct(reach.value)}），本季度推送站内通知${reach.notices.inApp}条、微信消息${reach.notices.wechat}条。`,
  ].join('');
}

/** Rows of the metric table: 指标, 数值, 计算依据. */
export function metricRows(m: AssessmentMetrics): string[][] {
  const c = m.coverage;
  const t = m.timeliness;
  const r = m.responsiveness;
  const s = m.satisfaction;
  const lv = (k: 'county' | 'township' | 'village', name: string) => [`  其中${name}`, pct(c.byLevel[k].value), `${c.byLevel[k].covered} / ${c.byLevel[k].required}（${c.byLevel[k].units}个单位）`];
  return [
    ['事项覆盖率', pct(c.value), `已公开 ${c.covered} / 应公开 ${c.required}`],
    lv('county', '县级'),
    lv('township', '乡级'),
    lv('village', '村级'),
    ['公开及时率', pct(t.value), `按时 ${t.onTime} / (按时 ${t.onTime} + 逾期发布 ${t.late} + 到期未发布 ${t.overdue})`],
    ['逾期天数中位数', t.medianDaysLate === null ? '—' : `${t.medianDaysLate}天`, `逾期发布 ${t.late} 条；无时限要求 ${t.noDeadline} 条（不计入）`],
    ['回应及时率', pct(r.value), `按时 ${r.onTime} / (按时 ${r.onTime} + 逾期答复 ${r.late} + 超期未答复 ${r.overdue})；办理中 ${r.pending} 件不计入`],
    ['答复用时中位数', r.medianWorkingDays === null ? '—' : `${r.medianWorkingDays}个工作日`, `已答复（含不予受理说明）${r.answered} 件，收到 ${r.received} 件`],
    ['群众满意度', pct(s.value), `满意 ${s.satisfied}、基本满意 ${s.basicallySatisfied}、不满意 ${s.dissatisfied}（满意1分、基本满意0.5分、不满意0分）`],
    ['满意及基本满意率', pct(s.satisfiedRate), `(满意 + 基本满意) / 评价 ${s.rated}`],
    ['村级触达率', pct(m.reach.value), `有关注用户的村（社区）${m.reach.villagesReached} / ${m.reach.villages}；关注 ${m.reach.followers} 人次`],
    ['推送通知', `${m.reach.notices.inApp + m.reach.notices.wechat}条`, `站内 ${m.reach.notices.inApp}，微信 ${m.reach.notices.wechat}（失败 ${m.reach.notices.wechatFailed}）`],
    ['综合得分', pct(m.score), '覆盖率30%、及时率20%、回应20%、满意度20%、触达10%加权（无数据的指标不计）'],
  ];
}

/** Header and rows of the townships' table (排名 first). */
export const TOWNSHIP_HEADERS = ['排名', '乡镇（街道）', '覆盖率', '已公开/应公开', '及时率', '逾期发布', '到期未发布', '回应及时率', '满意度', '触达率', '综合得分'];
export function townshipRows(nodes: AssessmentNode[]): string[][] {
  return [...nodes]
    .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.region.code.localeCompare(b.region.code))
    .map((n) => [
      n.rank === null || n.rank === undefined ? '—' : String(n.rank),
      n.region.name,
      pct(n.coverage.value),
      `${n.coverage.covered}/${n.coverage.required}`,
      pct(n.timeliness.value),
      num(n.timeliness.late),
      num(n.timeliness.overdue),
      pct(n.responsiveness.value),
      pct(n.satisfaction.value),
      pct(n.reach.value),
      pct(n.score),
    ]);
}

/** 指标说明 (the definitions, short; docs/assessment.md has them in full). */
export const DEFINITIONS: string[][] = [
  ['事项覆盖率', '县、乡、村各级单位按标准目录应主动公开的事项（目录事项的公开层级含该级、适用于该地区、现行有效）中，季末在平台上处于公开状态的事项所占比例；县级汇总为本县及所辖全部乡镇、村的合计。'],
  ['公开及时率', '本季度首次发布的有时限信息中按时发布的比例；分母另含应于本季度内公开而季末仍未发布的信息。时限按目录“公开时限”自事项形成之日起以工作日（含调休）计算；逾期天数为应公开日至实际发布日的自然日数。'],
  ['回应及时率', '本季度收到的咨询、意见建议和依申请公开中，在答复期限（含依法延期）内答复或说明不予受理理由的比例；超期仍未答复的计入分母，尚在期限内办理中的不计入。答复用时按工作日计算，收到当日不计。'],
  ['群众满意度', '本季度群众对答复的评价：满意1分、基本满意0.5分、不满意0分的平均分；另列满意及基本满意率。'],
  ['村级触达率', '所辖村（社区）中至少有一名群众关注（设为常用村或关注）的比例；推送通知为本季度本地区发布信息的站内通知及微信消息数。'],
];
