import { FIELD_LIMITS, fieldTypeOf } from './format';

/*
 * The value checks WeChat applies to subscribe-message data, as the emulator enforces them (documented
 * rules of 订阅消息 parameter types). A broken rule is reported like WeChat does: errcode 47003 with an
 * errmsg naming the field (`argument invalid! data.thing1.value ...`).
 */

const len = (s: string) => Array.from(s).length;

const TIME = /^(\d{4}年\d{1,2}月\d{1,2}日 )?\d{1,2}:\d{2}(:\d{2})?$/;
const TIME_ISO = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/;
const DATE = /^\d{4}年\d{1,2}月\d{1,2}日( \d{1,2}:\d{2})?$/;
const DATE_ISO = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/;

function rangeOk(value: string, one: (v: string) => boolean): boolean {
  const parts = value.split('~');
  return parts.length <= 2 && parts.every((p) => one(p.trim()));
}

/** Why a value breaks its key's rules, or undefined when it is fine. */
export function valueProblem(key: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return 'is not a string';
  if (value.length === 0) return 'is empty';
  const type = fieldTypeOf(key);
  if (!type) return 'has an unknown type';
  switch (type) {
    case 'time':
      return rangeOk(value, (v) => TIME.test(v) || TIME_ISO.test(v)) ? undefined : 'is not a valid time';
    case 'date':
      return rangeOk(value, (v) => DATE.test(v) || DATE_ISO.test(v)) ? undefined : 'is not a valid date';
    case 'phrase':
      return len(value) <= FIELD_LIMITS.phrase && /^\p{Script=Han}+$/u.test(value) ? undefined : 'must be at most 5 Chinese characters';
    case 'character_string':
      return len(value) <= FIELD_LIMITS.character_string && /^[\x21-\x7e]+$/.test(value) ? undefined : 'must be at most 32 letters, digits or symbols';
    case 'number':
      return value.length <= FIELD_LIMITS.number && /^\d+(\.\d+)?$/.test(value) ? undefined : 'must be a number of at most 32 digits';
    case 'letter':
      return value.length <= FIELD_LIMITS.letter && /^[a-zA-Z]+$/.test(value) ? undefined : 'must be at most 32 letters';
    default:
      return len(value) <= FIELD_LIMITS[type] ? undefined : `is longer than ${FIELD_LIMITS[type]} characters`;
  }
}

/** The 47003 errmsg for the first bad value of `data` (checked against the template's keys), or undefined. */
export function dataProblem(data: unknown, keys?: readonly string[]): string | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return 'argument invalid! data is not an object';
  const entries = Object.entries(data as Record<string, unknown>);
  for (const key of keys ?? []) {
    if (!entries.some(([k]) => k === key)) return `argument invalid! data.${key}.value is empty`;
  }
  for (const [key, v] of entries) {
    if (keys && !keys.includes(key)) return `argument invalid! data.${key} is not a field of the template`;
    const value = v && typeof v === 'object' ? (v as { value?: unknown }).value : undefined;
    const problem = valueProblem(key, value);
    if (problem) return `argument invalid! data.${key}.value ${problem}`;
  }
  return undefined;
}
