import { z } from 'zod';
import { DomainKeySchema } from './domains';
import { RegionCodeSchema } from './common';
import type { DomainKey } from '../domains';

/*
 * The standard disclosure catalogue (标准目录). One item carries the ten columns county catalogues use
 * (公开事项, 公开内容, 公开依据, 公开时限, 公开主体, 公开渠道和载体, 公开对象, 公开方式, 公开层级, 五公开).
 * Enum values are stable API keys; the *_LABELS maps give the Chinese text used by xlsx and the UIs.
 */

/** 公开对象: 全社会 or 特定群体. */
export const AUDIENCES = ['public', 'specific'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const AUDIENCE_LABELS: Record<Audience, string> = { public: '全社会', specific: '特定群体' };

/** 公开方式: 主动公开 or 依申请公开. */
export const DISCLOSURE_MODES = ['proactive', 'on-request'] as const;
export type DisclosureMode = (typeof DISCLOSURE_MODES)[number];
export const DISCLOSURE_MODE_LABELS: Record<DisclosureMode, string> = {
  proactive: '主动公开',
  'on-request': '依申请公开',
};

/** 公开层级: which government levels publish the item. */
export const CATALOGUE_LEVELS = ['county', 'township', 'village'] as const;
export type CatalogueLevel = (typeof CATALOGUE_LEVELS)[number];
export const CATALOGUE_LEVEL_LABELS: Record<CatalogueLevel, string> = {
  county: '县级',
  township: '乡级',
  village: '村级',
};

/** 五公开 stages: 决策、执行、管理、服务、结果. */
export const DISCLOSURE_STAGES = ['decision', 'execution', 'management', 'service', 'result'] as const;
export type DisclosureStage = (typeof DISCLOSURE_STAGES)[number];
export const DISCLOSURE_STAGE_LABELS: Record<DisclosureStage, string> = {
  decision: '决策',
  execution: '执行',
  management: '管理',
  service: '服务',
  result: '结果',
};

/** 公开渠道和载体: the fixed checklist of county catalogues. */
export const CHANNELS = [
  'gov-website',
  'new-media',
  'reading-point',
  'service-center',
  'service-station',
  'bulletin-board',
  'targeted-push',
  'broadcast',
  'print-media',
  'on-site',
  'other',
] as const;
export type ChannelKey = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<ChannelKey, string> = {
  'gov-website': '政府网站',
  'new-media': '政务新媒体(两微一端)',
  'reading-point': '公开查阅点',
  'service-center': '政务服务中心',
  'service-station': '便民服务站',
  'bulletin-board': '村公示栏(电子屏)',
  'targeted-push': '精准推送',
  broadcast: '广播电视',
  'print-media': '纸质媒体',
  'on-site': '入户/现场',
  other: '其他',
};

/** Other spellings found in real catalogues, for importing officials' sheets (normalized by `keyFromLabel`). */
export const CHANNEL_ALIASES: Record<string, ChannelKey> = {
  政府门户网站: 'gov-website',
  网站: 'gov-website',
  两微一端: 'new-media',
  一微一端: 'new-media',
  政务新媒体: 'new-media',
  查阅点: 'reading-point',
  办事大厅: 'service-center',
  便民服务中心: 'service-station',
  公示栏: 'bulletin-board',
  村务公开栏: 'bulletin-board',
  '社区/企事业单位/村公示栏(电子屏)': 'bulletin-board',
  广播: 'broadcast',
  电视: 'broadcast',
  报刊: 'print-media',
  入户: 'on-site',
  现场: 'on-site',
};

/** Stable code prefix of each domain for the human item codes (`LA-03`). */
export const DOMAIN_CODE_PREFIX: Record<DomainKey, string> = {
  'land-acquisition': 'LA',
  'demolition-resettlement': 'DR',
  'affordable-housing': 'AH',
  'rural-housing-renovation': 'RH',
  'poverty-relief': 'PR',
  'municipal-services': 'MS',
  'public-resource-trading': 'PT',
  'compulsory-education': 'CE',
};

function normalizeLabel(text: string): string {
  return text
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[■□▲●〇\s]/g, '');
}

/**
 * The enum key whose Chinese label (or alias) is `text`, ignoring full/half-width brackets, spaces and the
 * checkbox marks officials paste in (■□); also accepts the key itself. Undefined when nothing matches.
 */
export function keyFromLabel<K extends string>(
  labels: Record<K, string>,
  text: string,
  aliases: Record<string, K> = {},
): K | undefined {
  const t = normalizeLabel(text);
  for (const key of Object.keys(labels) as K[]) {
    if (key === t || normalizeLabel(labels[key]) === t) return key;
  }
  for (const [alias, key] of Object.entries(aliases) as [string, K][]) {
    if (normalizeLabel(alias) === t) return key;
  }
  return undefined;
}

/*
 * Time limits (公开时限). `text` is what officials read and write. The machine-readable part:
 *  - `workingDays`: N working days (China's holiday calendar with 调休) counted from the day after the
 *    information was formed or changed (条例第二十六条: 20), or — with an after-event-working-days rule — from the
 *    day after the rule's event (then it equals `rule.days`).
 *  - `rule`: an event-relative limit. `event` names the event whose date the official enters on the disclosure.
 *  - `minPostingDays`: a minimum posting period in calendar days on top of a due rule (公示期不少于N日).
 * `deadlineOf` and `postingOf` below are the one interpretation every consumer should use.
 */
export const TIME_LIMIT_RULE_KINDS = [
  'after-event-working-days',
  'after-event-days',
  'before-event-working-days',
  'before-event-days',
  'min-posting-days',
  'min-posting-working-days',
  'realtime',
] as const;
export type TimeLimitRuleKind = (typeof TIME_LIMIT_RULE_KINDS)[number];
export const TIME_LIMIT_RULE_KIND_LABELS: Record<TimeLimitRuleKind, string> = {
  'after-event-working-days': '事件发生后N个工作日内',
  'after-event-days': '事件发生后N日内',
  'before-event-working-days': '事件发生N个工作日前',
  'before-event-days': '事件发生N日前',
  'min-posting-days': '公示（公告）期不少于N日',
  'min-posting-working-days': '公示（公告）期不少于N个工作日',
  realtime: '事件发生时实时公开',
};

const POSTING_KINDS: readonly TimeLimitRuleKind[] = ['min-posting-days', 'min-posting-working-days'];

const DaysSchema = z
  .int({ error: '天数须为整数' })
  .min(1, '天数至少为1')
  .max(366, '天数不能超过366');

/** An event-relative time-limit rule. `days` is required except for `realtime`; `event` except for posting kinds. */
export const TimeLimitRuleSchema = z
  .object({
    kind: z.enum(TIME_LIMIT_RULE_KINDS, { error: '无效的时限规则类型' }),
    days: DaysSchema.optional(),
    event: z.string().trim().min(1, '请填写起算事件').max(40, '起算事件不能超过40个字').optional(),
  })
  .superRefine((r, ctx) => {
    if (r.kind === 'realtime' && r.days !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['days'], message: '实时公开规则不设天数' });
    }
    if (r.kind !== 'realtime' && r.days === undefined) {
      ctx.addIssue({ code: 'custom', path: ['days'], message: '请填写天数' });
    }
    if (!POSTING_KINDS.includes(r.kind) && !r.event) {
      ctx.addIssue({ code: 'custom', path: ['event'], message: '请填写起算事件' });
    }
  });
export type TimeLimitRule = z.infer<typeof TimeLimitRuleSchema>;

/** 公开时限: `{ text, workingDays? }` of the contract plus the machine-readable `rule` and `minPostingDays`. */
export const TimeLimitSchema = z
  .object({
    text: z.string().trim().min(1, '请填写公开时限').max(200, '公开时限不能超过200个字'),
    workingDays: DaysSchema.optional(),
    rule: TimeLimitRuleSchema.optional(),
    minPostingDays: DaysSchema.optional(),
  })
  .superRefine((t, ctx) => {
    const kind = t.rule?.kind;
    if (kind === 'after-event-working-days' && t.workingDays !== undefined && t.workingDays !== t.rule?.days) {
      ctx.addIssue({ code: 'custom', path: ['workingDays'], message: '工作日数须与时限规则的天数一致' });
    }
    if (kind && kind !== 'after-event-working-days' && !POSTING_KINDS.includes(kind) && t.workingDays !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['workingDays'], message: '该时限规则不再另设工作日数' });
    }
    if (kind && POSTING_KINDS.includes(kind) && t.minPostingDays !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['minPostingDays'], message: '公示期已由时限规则规定' });
    }
  });
export type TimeLimit = z.infer<typeof TimeLimitSchema>;

/** When a disclosure is due: `offset` days (negative = before) of `unit` from the anchor date. */
export interface DeadlineSpec {
  /** `event`: the disclosure's eventDate; `formed`: the date the information was formed or changed. */
  anchor: 'event' | 'formed';
  offset: number;
  unit: 'working-days' | 'days';
  /** The event's name (for forms: "请填写【土地现状调查结束】的日期"). */
  event?: string;
}

/**
 * The due-date rule of a time limit, or undefined when the limit has no computable due date.
 * realtime → the event date itself; posting-only rules fall back to `workingDays` from formation.
 */
export function deadlineOf(t: TimeLimit): DeadlineSpec | undefined {
  const r = t.rule;
  if (r && !POSTING_KINDS.includes(r.kind)) {
    const days = r.days ?? 0;
    switch (r.kind) {
      case 'after-event-working-days':
        return { anchor: 'event', offset: days, unit: 'working-days', event: r.event };
      case 'after-event-days':
        return { anchor: 'event', offset: days, unit: 'days', event: r.event };
      case 'before-event-working-days':
        return { anchor: 'event', offset: -days, unit: 'working-days', event: r.event };
      case 'before-event-days':
        return { anchor: 'event', offset: -days, unit: 'days', event: r.event };
      default:
        return { anchor: 'event', offset: 0, unit: 'days', event: r.event };
    }
  }
  return t.workingDays === undefined ? undefined : { anchor: 'formed', offset: t.workingDays, unit: 'working-days' };
}

/** The minimum posting period (validTo − validFrom), or undefined when the item sets none. */
export function postingOf(t: TimeLimit): { days: number; unit: 'working-days' | 'days' } | undefined {
  if (t.rule?.kind === 'min-posting-days' && t.rule.days) return { days: t.rule.days, unit: 'days' };
  if (t.rule?.kind === 'min-posting-working-days' && t.rule.days) return { days: t.rule.days, unit: 'working-days' };
  return t.minPostingDays === undefined ? undefined : { days: t.minPostingDays, unit: 'days' };
}

/** A stable human code: `LA-03` for province defaults, e.g. `330304-LA-01` for a county's local item. */
export const CatalogueCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, '事项编码只能包含大写字母、数字和“-”')
  .max(32, '事项编码不能超过32个字符');

const text = (what: string, max: number) =>
  z.string().trim().min(1, `请填写${what}`).max(max, `${what}不能超过${max}个字`);

function uniqueList<T extends z.ZodTypeAny>(item: T, what: string, max: number) {
  return z
    .array(item)
    .min(1, `请至少填写一项${what}`)
    .max(max, `${what}不能超过${max}项`)
    .refine((xs) => new Set(xs).size === xs.length, `${what}有重复项`);
}

/** The editable fields of an item (no refinements, so it can be `.partial()`-ed for updates). */
export const CatalogueItemFieldsSchema = z.object({
  domain: DomainKeySchema,
  category: text('一级事项', 40),
  name: text('二级事项', 60),
  contentElements: uniqueList(text('公开内容要素', 200), '公开内容要素', 40),
  basis: uniqueList(text('公开依据', 200), '公开依据', 20),
  timeLimit: TimeLimitSchema,
  publisher: text('公开主体', 100),
  channels: uniqueList(z.enum(CHANNELS, { error: '无效的公开渠道' }), '公开渠道', CHANNELS.length),
  /** What "其他" means here (征地信息公开平台, 浙江政府采购网…). Required when channels include `other`. */
  otherChannel: text('其他公开渠道', 100).optional(),
  audience: z.enum(AUDIENCES, { error: '公开对象须为“全社会”或“特定群体”' }),
  /** Who the specific group is (被征地农村集体经济组织成员). Required when audience is `specific`. */
  audienceNote: text('特定群体说明', 60).optional(),
  mode: z.enum(DISCLOSURE_MODES, { error: '公开方式须为“主动公开”或“依申请公开”' }),
  levels: uniqueList(z.enum(CATALOGUE_LEVELS, { error: '无效的公开层级' }), '公开层级', CATALOGUE_LEVELS.length),
  stages: uniqueList(z.enum(DISCLOSURE_STAGES, { error: '无效的五公开环节' }), '五公开环节', DISCLOSURE_STAGES.length),
});

type Fields = z.infer<typeof CatalogueItemFieldsSchema>;

function checkItem(item: Fields, ctx: z.RefinementCtx): void {
  if (item.channels.includes('other') && !item.otherChannel) {
    ctx.addIssue({ code: 'custom', path: ['otherChannel'], message: '选择“其他”渠道时请注明具体渠道' });
  }
  if (item.audience === 'specific' && !item.audienceNote) {
    ctx.addIssue({ code: 'custom', path: ['audienceNote'], message: '公开对象为特定群体时请注明具体群体' });
  }
}

/** Body for creating or updating a (local) item: everything but id, version and ownership. */
export const CatalogueItemInputSchema = CatalogueItemFieldsSchema.extend({
  /** Assigned by the server when omitted. */
  code: CatalogueCodeSchema.optional(),
}).superRefine(checkItem);
export type CatalogueItemInput = z.infer<typeof CatalogueItemInputSchema>;

/** A catalogue item as the API returns it (the contract's CatalogueItem plus extension fields). */
export const CatalogueItemSchema = CatalogueItemFieldsSchema.extend({
  id: z.string().min(1).max(64),
  code: CatalogueCodeSchema,
  /** Starts at 1; every change makes a new version, and disclosures keep the version they were made under. */
  version: z.int().min(1),
  /** Owner: '33' for the province defaults, a county code for a county's local items. */
  regionCode: RegionCodeSchema,
  local: z.boolean(),
}).superRefine(checkItem);
export type CatalogueItem = z.infer<typeof CatalogueItemSchema>;

/** `GET /api/v1/catalogue?domain=&level=&region=` (region: include local items applying to it). */
export const CatalogueQuerySchema = z.object({
  domain: DomainKeySchema.optional(),
  level: z.enum(CATALOGUE_LEVELS, { error: '无效的公开层级' }).optional(),
  region: RegionCodeSchema.optional(),
});
export type CatalogueQuery = z.infer<typeof CatalogueQuerySchema>;

/** `{ items: [CatalogueItem] }` */
export const CatalogueListSchema = z.object({ items: z.array(CatalogueItemSchema) });
