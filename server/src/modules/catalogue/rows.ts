import {
  AUDIENCE_LABELS,
  CATALOGUE_LEVEL_LABELS,
  CHANNEL_ALIASES,
  CHANNEL_LABELS,
  CatalogueItemInputSchema,
  DISCLOSURE_MODE_LABELS,
  DISCLOSURE_STAGE_LABELS,
  DOMAINS,
  TIME_LIMIT_RULE_KIND_LABELS,
  keyFromLabel,
  type CatalogueItemInput,
  type CatalogueLevel,
  type ChannelKey,
  type DisclosureStage,
  type DomainKey,
} from '@gongkai/shared';
import { HEADER, type ColumnKey, type SheetRow } from './xlsx';

/*
 * One sheet row → a CatalogueItemInput, with every problem reported against its column. Free-text lists
 * (公开内容, 公开依据) are one entry per line, or "；"-separated on a single line ("、" is kept: it occurs
 * inside entries such as "位置、地类和面积"); leading numbering ("1." "（2）" "③") is dropped when every
 * entry has it. Value lists (渠道, 层级, 五公开) may also be split by "、", "，", spaces; a "□" before a
 * channel means "not ticked" and drops it.
 */

/** A problem with one row of an import. */
export interface RowIssue {
  row: number;
  column?: string;
  message: string;
}

const DOMAIN_LABELS = Object.fromEntries(DOMAINS.map((d) => [d.key, d.name])) as Record<DomainKey, string>;
const MODE_ALIASES = { 主动: 'proactive', 依申请: 'on-request' } as const;
const LEVEL_ALIASES: Record<string, CatalogueLevel> = {
  县: 'county', 区级: 'county', 县区级: 'county', 乡: 'township', 乡镇级: 'township', '乡(镇)级': 'township', 镇级: 'township',
  镇街级: 'township', 街道级: 'township', 村: 'village', '村(社区)级': 'village', '村(居)级': 'village', 社区级: 'village',
};
const STAGE_ALIASES: Record<string, DisclosureStage> = {
  决策公开: 'decision', 执行公开: 'execution', 管理公开: 'management', 服务公开: 'service', 结果公开: 'result',
};
const NUMBERING = /^\s*(\d{1,2}[.．、)）]|[（(]\d{1,2}[)）]|[①-⑳])\s*/;

function freeList(text: string | undefined): string[] {
  if (!text) return [];
  let parts = text.split('\n');
  if (parts.length === 1) parts = text.split(/[；;]/);
  parts = parts.map((p) => p.trim()).filter(Boolean);
  if (parts.length && parts.every((p) => NUMBERING.test(p))) parts = parts.map((p) => p.replace(NUMBERING, '').trim());
  return parts.filter(Boolean);
}

function valueList(text: string | undefined): string[] {
  if (!text) return [];
  const ticked = text.replace(/□[^■□▲●\n、；;，,\s]*/g, ' ');
  return ticked
    .split(/[\n、；;，,\s]+|(?=[■▲●])/)
    .map((p) => p.trim())
    .filter((p) => p && !/^[■▲●]$/.test(p));
}

/** "其他（征地信息公开平台）" / "特定群体：被征地农民" → the note; undefined when `text` is not `word` + note. */
function inlineNote(text: string, word: string): string | undefined {
  const m = new RegExp(`^[■▲●]?${word}[（(:：]\\s*(.+?)\\s*[)）]?$`).exec(text.trim());
  return m?.[1];
}

function intCell(cells: SheetRow['cells'], key: ColumnKey, issues: RowIssue[], row: number): number | undefined {
  const t = cells[key];
  if (!t) return undefined;
  if (!/^\d{1,3}$/.test(t)) {
    issues.push({ row, column: HEADER[key], message: `须为整数天数，实为“${t}”` });
    return undefined;
  }
  return Number(t);
}

/** Zod paths of the item → the sheet column that holds them. */
const PATH_COLUMNS: Array<[RegExp, ColumnKey]> = [
  [/^domain/, 'domain'], [/^category/, 'category'], [/^name/, 'name'], [/^contentElements/, 'contentElements'],
  [/^basis/, 'basis'], [/^timeLimit\.text/, 'timeLimitText'], [/^timeLimit\.workingDays/, 'workingDays'],
  [/^timeLimit\.rule\.days/, 'ruleDays'], [/^timeLimit\.rule\.event/, 'ruleEvent'], [/^timeLimit\.rule/, 'ruleKind'],
  [/^timeLimit\.minPostingDays/, 'minPostingDays'], [/^timeLimit/, 'timeLimitText'], [/^publisher/, 'publisher'],
  [/^channels/, 'channels'], [/^otherChannel/, 'otherChannel'], [/^audienceNote/, 'audienceNote'], [/^audience/, 'audience'],
  [/^mode/, 'mode'], [/^levels/, 'levels'], [/^stages/, 'stages'], [/^code/, 'code'],
];

function columnOfPath(path: string): string | undefined {
  const hit = PATH_COLUMNS.find(([re]) => re.test(path));
  return hit ? HEADER[hit[1]] : undefined;
}

/**
 * Converts one sheet row. `columns` tells which columns the sheet has (a sheet without 时限工作日 gets
 * the standard "信息形成或者变更之日起N个工作日" read from the text); `domain` fills an empty 领域.
 */
export function rowToInput(
  r: SheetRow,
  columns: Set<ColumnKey>,
  defaultDomain?: DomainKey,
): { input?: CatalogueItemInput; issues: RowIssue[] } {
  const { cells, row } = r;
  const issues: RowIssue[] = [];
  const bad = (key: ColumnKey, message: string) => issues.push({ row, column: HEADER[key], message });
  const raw: Record<string, unknown> = {};

  if (cells.domain) {
    raw.domain = keyFromLabel(DOMAIN_LABELS, cells.domain);
    if (!raw.domain) bad('domain', `无法识别的领域“${cells.domain}”`);
  } else if (defaultDomain) raw.domain = defaultDomain;
  else bad('domain', '请填写领域（或在导入时指定领域）');

  if (cells.code) raw.code = cells.code;
  raw.category = cells.category ?? '';
  raw.name = cells.name ?? '';
  raw.contentElements = freeList(cells.contentElements);
  raw.basis = freeList(cells.basis);
  raw.publisher = cells.publisher ?? '';

  const limit: Record<string, unknown> = { text: cells.timeLimitText ?? '' };
  const workingDays = intCell(cells, 'workingDays', issues, row);
  if (workingDays !== undefined) limit.workingDays = workingDays;
  else if (!columns.has('workingDays') && cells.timeLimitText) {
    const m = /形成或者?变更之日起(\d{1,3})个工作日/.exec(cells.timeLimitText);
    if (m) limit.workingDays = Number(m[1]);
  }
  if (cells.ruleKind) {
    const kind = keyFromLabel(TIME_LIMIT_RULE_KIND_LABELS, cells.ruleKind);
    if (!kind) bad('ruleKind', `无法识别的时限规则“${cells.ruleKind}”`);
    const days = intCell(cells, 'ruleDays', issues, row);
    limit.rule = { kind, ...(days !== undefined ? { days } : {}), ...(cells.ruleEvent ? { event: cells.ruleEvent } : {}) };
  } else if (cells.ruleDays || cells.ruleEvent) {
    bad('ruleKind', '填写了规则天数或起算事件，请同时填写时限规则');
  }
  const minPosting = intCell(cells, 'minPostingDays', issues, row);
  if (minPosting !== undefined) limit.minPostingDays = minPosting;
  raw.timeLimit = limit;

  const channels: ChannelKey[] = [];
  let otherChannel = cells.otherChannel;
  for (const token of valueList(cells.channels)) {
    const note = inlineNote(token, '其他');
    const key = note ? 'other' : keyFromLabel(CHANNEL_LABELS, token, CHANNEL_ALIASES);
    if (note) otherChannel ??= note;
    if (!key) bad('channels', `无法识别的公开渠道“${token}”（其他渠道请写作“其他（渠道名称）”）`);
    else if (!channels.includes(key)) channels.push(key);
  }
  raw.channels = channels;
  if (otherChannel) raw.otherChannel = otherChannel;

  const audienceText = cells.audience ?? '';
  const audienceNote = cells.audienceNote ?? inlineNote(audienceText, '特定群体');
  raw.audience = audienceText ? (inlineNote(audienceText, '特定群体') ? 'specific' : keyFromLabel(AUDIENCE_LABELS, audienceText)) : undefined;
  if (audienceText && !raw.audience) bad('audience', `公开对象须为“全社会”或“特定群体”，实为“${audienceText}”`);
  if (audienceNote) raw.audienceNote = audienceNote;

  raw.mode = cells.mode ? keyFromLabel(DISCLOSURE_MODE_LABELS, cells.mode, MODE_ALIASES) : undefined;
  if (cells.mode && !raw.mode) bad('mode', `公开方式须为“主动公开”或“依申请公开”，实为“${cells.mode}”`);

  const enumList = <K extends string>(key: ColumnKey, labels: Record<K, string>, aliases: Record<string, K>, what: string) => {
    const out: K[] = [];
    for (const token of valueList(cells[key])) {
      const k = keyFromLabel(labels, token, aliases);
      if (!k) bad(key, `无法识别的${what}“${token}”（可填：${Object.values<string>(labels).join('、')}）`);
      else if (!out.includes(k)) out.push(k);
    }
    return out;
  };
  raw.levels = enumList('levels', CATALOGUE_LEVEL_LABELS, LEVEL_ALIASES, '公开层级');
  raw.stages = enumList('stages', DISCLOSURE_STAGE_LABELS, STAGE_ALIASES, '五公开环节');

  // Cross-field rules, checked here too because zod skips them while other fields are invalid.
  if (raw.audience === 'specific' && !raw.audienceNote) bad('audienceNote', '公开对象为特定群体时请注明具体群体（填写“特定群体说明”列或写作“特定群体（群体名称）”）');
  if (channels.includes('other') && !raw.otherChannel) bad('otherChannel', '选择“其他”渠道时请注明具体渠道（填写“其他渠道说明”列或写作“其他（渠道名称）”）');

  const parsed = CatalogueItemInputSchema.safeParse(raw);
  if (!parsed.success) {
    const reported = new Set(issues.map((i) => i.column));
    for (const issue of parsed.error.issues) {
      const column = columnOfPath(issue.path.map(String).join('.'));
      // A column whose text could not be read at all is reported once, by the reading step above.
      if (column && reported.has(column)) continue;
      issues.push({ row, column, message: issue.message });
    }
  }
  return issues.length ? { issues } : { input: parsed.data, issues };
}

/** The issue list as the error's `details`: sorted by row, with a `path` label for generic clients. */
export function issueDetails(issues: RowIssue[]) {
  return [...issues]
    .sort((a, b) => a.row - b.row)
    .map((i) => ({ row: i.row, ...(i.column ? { column: i.column } : {}), message: i.message, path: `第${i.row}行${i.column ? `「${i.column}」` : ''}` }));
}
