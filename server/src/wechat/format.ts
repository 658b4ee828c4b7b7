/*
 * Subscribe-message template values. A template's keys are `<type><n>` (thing1, time3 …) and WeChat checks
 * each value against its type; a value that breaks a rule fails the whole send with 47003. So values are
 * fitted to the rules here before sending (the emulator enforces the same rules, see emulator-rules.ts).
 */

/** The value types of subscribe-message templates and their limits (WeChat documentation). */
export const FIELD_LIMITS = {
  thing: 20,
  number: 32,
  letter: 32,
  symbol: 5,
  character_string: 32,
  phone_number: 17,
  car_number: 8,
  name: 10,
  phrase: 5,
  amount: 11,
} as const;

export type FieldType = keyof typeof FIELD_LIMITS | 'time' | 'date';

/** Template data as WeChat takes it. */
export type TemplateData = Record<string, { value: string }>;

/** The type of a template key (`thing1` → thing, `character_string2` → character_string), or undefined. */
export function fieldTypeOf(key: string): FieldType | undefined {
  const m = /^([a-z_]+?)\d+$/.exec(key);
  if (!m) return undefined;
  const t = m[1];
  return t === 'time' || t === 'date' || t in FIELD_LIMITS ? (t as FieldType) : undefined;
}

const chars = (s: string) => Array.from(s);

/** Cuts to `max` characters (code points), ending with `…` when cut. */
export function clip(s: string, max: number): string {
  const c = chars(s.replace(/\s+/g, ' ').trim());
  return c.length <= max ? c.join('') : `${c.slice(0, max - 1).join('')}…`;
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** `2026年11月29日 10:05` in China Standard Time (WeChat's documented `time` format). */
export function wechatTime(at: Date | string): string {
  const d = new Date(new Date(at).getTime() + SHANGHAI_OFFSET_MS);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
}

/** `2026年11月29日` in China Standard Time. */
export function wechatDate(at: Date | string): string {
  return wechatTime(at).split(' ')[0];
}

/** Fits one value to its type's rules (trims length, drops characters the type does not allow). */
export function fitValue(type: FieldType, value: string): string {
  switch (type) {
    case 'time':
    case 'date':
      return value; // built by wechatTime/wechatDate
    case 'phrase': {
      const han = chars(value).filter((ch) => /\p{Script=Han}/u.test(ch)).join('');
      return chars(han).slice(0, FIELD_LIMITS.phrase).join('') || '通知';
    }
    case 'character_string': {
      const s = value.replace(/[^\x21-\x7e]/g, '');
      return chars(s).slice(0, FIELD_LIMITS.character_string).join('') || '-';
    }
    case 'number':
      return value.replace(/[^\d.]/g, '').slice(0, FIELD_LIMITS.number) || '0';
    case 'letter':
      return value.replace(/[^a-zA-Z]/g, '').slice(0, FIELD_LIMITS.letter) || 'A';
    default: {
      const max = FIELD_LIMITS[type];
      return clip(value, max) || '-';
    }
  }
}

/** Fits every value of a template's data to its key's type (unknown key types are clipped to 20). */
export function fitTemplateData(values: Record<string, string>): TemplateData {
  const out: TemplateData = {};
  for (const [key, value] of Object.entries(values)) {
    out[key] = { value: fitValue(fieldTypeOf(key) ?? 'thing', value) };
  }
  return out;
}

/** What a disclosure notice says (contract: `{ thing1: title, thing2: region name, time3: published time, thing4: domain name }`). */
export interface DisclosureNoticeValues {
  title: string;
  regionName: string;
  at: Date | string;
  domainName: string;
}

/** Template data of the "new or changed disclosure" message. */
export function disclosureNoticeData(v: DisclosureNoticeValues): TemplateData {
  return fitTemplateData({ thing1: v.title, thing2: v.regionName, time3: wechatTime(v.at), thing4: v.domainName });
}

/** What an answer notice says (contract: `{ character_string1: tracking number, thing2: question summary, time3: answered time }`). */
export interface AnswerNoticeValues {
  trackingNo: string;
  summary: string;
  answeredAt: Date | string;
}

/** Template data of the "your question was answered" message. */
export function answerNoticeData(v: AnswerNoticeValues): TemplateData {
  return fitTemplateData({ character_string1: v.trackingNo, thing2: v.summary, time3: wechatTime(v.answeredAt) });
}
