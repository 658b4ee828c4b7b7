import {
  CatalogueItemInputSchema,
  CatalogueItemSchema,
  CHANNEL_ALIASES,
  CHANNEL_LABELS,
  keyFromLabel,
  DOMAIN_CODE_PREFIX,
  DOMAIN_KEYS,
  deadlineOf,
  postingOf,
  type TimeLimit,
} from '@gongkai/shared';
import { DEFAULT_CATALOGUE, DEFAULT_CATALOGUE_BY_DOMAIN, type DefaultCatalogueEntry } from './data';

const byName = (domain: string, fragment: string): DefaultCatalogueEntry => {
  const item = DEFAULT_CATALOGUE.find((i) => i.domain === domain && i.name.includes(fragment));
  if (!item) throw new Error(`no ${domain} item named like ${fragment}`);
  return item;
};

// Placeholder wording an element must never be (an official must be told what to fill in).
const PLACEHOLDER = /^(相关|其他|有关)?(内容|信息|情况|材料|事项|文件|等|—|-|无|略|待定)$/;

describe('default catalogue', () => {
  it('covers every pilot domain with at least 5 items and at least 48 in all', () => {
    for (const domain of DOMAIN_KEYS) {
      const items = DEFAULT_CATALOGUE.filter((i) => i.domain === domain);
      expect({ domain, count: items.length >= 5 }).toEqual({ domain, count: true });
      expect(DEFAULT_CATALOGUE_BY_DOMAIN[domain]).toEqual(items);
    }
    expect(DEFAULT_CATALOGUE.length).toBeGreaterThanOrEqual(48);
  });

  it.each(DEFAULT_CATALOGUE.map((i) => [i.code, i] as const))('%s validates against the shared schemas', (_code, item) => {
    const input = CatalogueItemInputSchema.safeParse(item);
    expect(input.error?.issues ?? []).toEqual([]);
    const full = CatalogueItemSchema.safeParse({ ...item, id: item.code, version: 1, regionCode: '33', local: false });
    expect(full.error?.issues ?? []).toEqual([]);
  });

  it('fills every one of the ten elements with concrete content', () => {
    for (const item of DEFAULT_CATALOGUE) {
      const where = item.code;
      expect([where, item.category.trim().length > 0, item.name.trim().length > 0]).toEqual([where, true, true]);
      expect([where, item.contentElements.length >= 2]).toEqual([where, true]);
      for (const el of item.contentElements) expect([where, el, PLACEHOLDER.test(el)]).toEqual([where, el, false]);
      expect([where, item.basis.length >= 1, item.basis.every((b) => /《.+》/.test(b))]).toEqual([where, true, true]);
      expect([where, item.timeLimit.text.length > 0, item.publisher.length > 0]).toEqual([where, true, true]);
      expect([where, item.channels.length >= 1, item.levels.length >= 1, item.stages.length >= 1]).toEqual([
        where,
        true,
        true,
        true,
      ]);
      expect([where, ['public', 'specific'].includes(item.audience), ['proactive', 'on-request'].includes(item.mode)]).toEqual(
        [where, true, true],
      );
    }
  });

  it('uses unique codes with the domain prefix, and unique names within a domain', () => {
    const codes = DEFAULT_CATALOGUE.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const item of DEFAULT_CATALOGUE) {
      expect(item.code).toMatch(new RegExp(`^${DOMAIN_CODE_PREFIX[item.domain]}-\\d{2}$`));
    }
    for (const domain of DOMAIN_KEYS) {
      const names = DEFAULT_CATALOGUE.filter((i) => i.domain === domain).map((i) => i.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('publishes at village level in every domain where villagers read lists, and has an on-request item', () => {
    const withVillage = DOMAIN_KEYS.filter((d) => DEFAULT_CATALOGUE.some((i) => i.domain === d && i.levels.includes('village')));
    expect(withVillage).toEqual([...DOMAIN_KEYS]);
    expect(DEFAULT_CATALOGUE.some((i) => i.mode === 'on-request')).toBe(true);
    expect(DEFAULT_CATALOGUE.some((i) => i.audience === 'specific')).toBe(true);
  });

  it('gives workingDays 20 to every item under the standard 20-working-day rule, and keeps text and numbers consistent', () => {
    const standard = DEFAULT_CATALOGUE.filter((i) => i.timeLimit.text.includes('信息形成或者变更之日起20个工作日内'));
    expect(standard.length).toBeGreaterThan(DEFAULT_CATALOGUE.length / 2);
    for (const item of standard) expect([item.code, item.timeLimit.workingDays]).toEqual([item.code, 20]);
    for (const item of DEFAULT_CATALOGUE) {
      const t: TimeLimit = item.timeLimit;
      if (t.workingDays !== undefined) expect([item.code, t.text.includes(`${t.workingDays}个工作日`)]).toEqual([item.code, true]);
      if (t.rule?.days !== undefined) expect([item.code, t.text.includes(String(t.rule.days))]).toEqual([item.code, true]);
      if (t.minPostingDays !== undefined) expect([item.code, t.text.includes(String(t.minPostingDays))]).toEqual([item.code, true]);
      // Every item yields either a computable due date or a posting period (or both).
      expect([item.code, deadlineOf(t) !== undefined || postingOf(t) !== undefined]).toEqual([item.code, true]);
    }
  });

  it('models the event-relative land-acquisition limits as machine-readable rules', () => {
    const survey = byName('land-acquisition', '现状调查').timeLimit;
    expect(survey.rule).toMatchObject({ kind: 'after-event-working-days', days: 5 });
    expect(survey.workingDays).toBe(5);
    expect(deadlineOf(survey)).toEqual({ anchor: 'event', offset: 5, unit: 'working-days', event: survey.rule?.event });

    const hearing = byName('land-acquisition', '听证').timeLimit;
    expect(hearing.rule).toMatchObject({ kind: 'before-event-working-days', days: 7 });
    expect(deadlineOf(hearing)).toMatchObject({ anchor: 'event', offset: -7, unit: 'working-days' });

    const notice = byName('land-acquisition', '补偿安置公告').timeLimit;
    expect(notice.rule).toMatchObject({ kind: 'min-posting-days', days: 30 });
    expect(postingOf(notice)).toEqual({ days: 30, unit: 'days' });

    const preNotice = byName('land-acquisition', '预公告').timeLimit;
    expect(postingOf(preNotice)).toEqual({ days: 10, unit: 'working-days' });

    const approval = byName('land-acquisition', '征收土地公告').timeLimit;
    expect(approval.rule).toMatchObject({ kind: 'after-event-working-days', days: 15 });
  });

  it('models the other statutory event-relative limits', () => {
    expect(byName('demolition-resettlement', '补偿方案征求意见').timeLimit.rule).toMatchObject({ kind: 'min-posting-days', days: 30 });
    expect(byName('poverty-relief', '资金分配和项目计划').timeLimit).toMatchObject({
      workingDays: 20,
      rule: { kind: 'min-posting-days', days: 10 },
    });
    expect(postingOf(byName('poverty-relief', '最低生活保障审核').timeLimit)).toEqual({ days: 7, unit: 'days' });
    const candidates = byName('public-resource-trading', '中标候选人').timeLimit;
    expect(deadlineOf(candidates)).toMatchObject({ anchor: 'event', offset: 3, unit: 'days' });
    expect(postingOf(candidates)).toEqual({ days: 3, unit: 'days' });
    expect(deadlineOf(byName('municipal-services', '暂停供气').timeLimit)).toMatchObject({ offset: -2, unit: 'days' });
    expect(byName('poverty-relief', '灾情').timeLimit.rule).toMatchObject({ kind: 'realtime' });
  });
});

describe('catalogue schemas', () => {
  const base = DEFAULT_CATALOGUE[0];
  const issues = (value: unknown) =>
    (CatalogueItemInputSchema.safeParse(value).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

  it('reports missing and malformed fields in Chinese, field by field', () => {
    expect(issues({ ...base, category: ' ', contentElements: ['补偿标准', '补偿标准'], levels: ['city'] })).toEqual([
      ['category', '请填写一级事项'],
      ['contentElements', '公开内容要素有重复项'],
      ['levels.0', '无效的公开层级'],
    ]);
    expect(issues({ ...base, name: '名'.repeat(61) })).toEqual([['name', '二级事项不能超过60个字']]);
  });

  it('requires the specific group and the "other" channel to be named', () => {
    expect(issues({ ...base, audience: 'specific', audienceNote: undefined })).toEqual([
      ['audienceNote', '公开对象为特定群体时请注明具体群体'],
    ]);
    expect(issues({ ...base, channels: ['other'], otherChannel: undefined })).toEqual([
      ['otherChannel', '选择“其他”渠道时请注明具体渠道'],
    ]);
  });

  it('rejects time-limit rules that contradict themselves', () => {
    const withLimit = (timeLimit: unknown) => issues({ ...base, timeLimit });
    expect(withLimit({ text: 'x', workingDays: 20, rule: { kind: 'after-event-working-days', days: 5, event: '调查结束' } })).toEqual([
      ['timeLimit.workingDays', '工作日数须与时限规则的天数一致'],
    ]);
    expect(withLimit({ text: 'x', rule: { kind: 'realtime', days: 1, event: '灾情发生' } })).toEqual([
      ['timeLimit.rule.days', '实时公开规则不设天数'],
    ]);
    expect(withLimit({ text: 'x', rule: { kind: 'before-event-working-days', days: 7 } })).toEqual([
      ['timeLimit.rule.event', '请填写起算事件'],
    ]);
    expect(withLimit({ text: 'x', workingDays: 20, rule: { kind: 'realtime', event: '灾情发生' } })).toEqual([
      ['timeLimit.workingDays', '该时限规则不再另设工作日数'],
    ]);
    expect(withLimit({ text: 'x', minPostingDays: 5, rule: { kind: 'min-posting-days', days: 30 } })).toEqual([
      ['timeLimit.minPostingDays', '公示期已由时限规则规定'],
    ]);
  });

  it('reads due dates and posting periods one way', () => {
    expect(deadlineOf({ text: 'x', workingDays: 20 })).toEqual({ anchor: 'formed', offset: 20, unit: 'working-days' });
    expect(deadlineOf({ text: 'x', workingDays: 20, rule: { kind: 'min-posting-days', days: 10 } })).toEqual({
      anchor: 'formed',
      offset: 20,
      unit: 'working-days',
    });
    expect(deadlineOf({ text: 'x', rule: { kind: 'realtime', event: '灾情发生' } })).toEqual({
      anchor: 'event',
      offset: 0,
      unit: 'days',
      event: '灾情发生',
    });
    expect(deadlineOf({ text: 'x', rule: { kind: 'min-posting-days', days: 30 } })).toBeUndefined();
    expect(postingOf({ text: 'x', workingDays: 20 })).toBeUndefined();
  });

  it('maps officials\' channel labels back to keys', () => {
    expect(keyFromLabel(CHANNEL_LABELS, '■村公示栏（电子屏）')).toBe('bulletin-board');
    expect(keyFromLabel(CHANNEL_LABELS, '两微一端', CHANNEL_ALIASES)).toBe('new-media');
    expect(keyFromLabel(CHANNEL_LABELS, '政府网站')).toBe('gov-website');
    expect(keyFromLabel(CHANNEL_LABELS, '飞鸽传书', CHANNEL_ALIASES)).toBeUndefined();
  });
});
