import {
  CatalogueItemInputSchema,
  type CatalogueItemInput,
  type CatalogueItemView,
  type CatalogueUpdateBody,
  type DomainKey,
  type TimeLimitRuleKind,
} from '@gongkai/shared';
import type { z } from 'zod';
import { zh } from '../../../locale/zh';

/** The catalogue item form's values (names mirror the shared schema, so its issue paths name the fields). */
export interface ItemFormValues {
  /** Owner region (create only). */
  regionCode?: string;
  domain: DomainKey;
  code?: string;
  category?: string;
  name?: string;
  contentElements?: string[];
  basis?: string[];
  timeLimit?: {
    text?: string;
    workingDays?: number | null;
    rule?: { kind?: TimeLimitRuleKind | null; days?: number | null; event?: string };
    minPostingDays?: number | null;
  };
  publisher?: string;
  channels?: CatalogueItemInput['channels'];
  otherChannel?: string;
  audience?: CatalogueItemInput['audience'];
  audienceNote?: string;
  mode?: CatalogueItemInput['mode'];
  levels?: CatalogueItemInput['levels'];
  stages?: CatalogueItemInput['stages'];
}

const text = (s: string | undefined) => (s === undefined ? undefined : s.trim() === '' ? undefined : s);
const num = (n: number | null | undefined) => (n === null || n === undefined ? undefined : n);

/** Form values as the object the shared schema checks: empty inputs become absent fields. */
export function toCandidate(v: ItemFormValues): Record<string, unknown> {
  const t = v.timeLimit ?? {};
  const kind = t.rule?.kind ?? undefined;
  // Fields the chosen rule hides keep their old values in the form; they are not part of the item.
  const posting = kind === 'min-posting-days' || kind === 'min-posting-working-days';
  return {
    domain: v.domain,
    code: text(v.code),
    category: v.category ?? '',
    name: v.name ?? '',
    // Empty rows stay in the list: the schema then names the row that needs text.
    contentElements: v.contentElements ?? [],
    basis: v.basis ?? [],
    timeLimit: {
      text: t.text ?? '',
      workingDays: num(t.workingDays),
      rule: kind
        ? { kind, days: kind === 'realtime' ? undefined : num(t.rule?.days), event: posting ? undefined : text(t.rule?.event) }
        : undefined,
      minPostingDays: posting ? undefined : num(t.minPostingDays),
    },
    publisher: v.publisher ?? '',
    channels: v.channels ?? [],
    otherChannel: v.channels?.includes('other') ? text(v.otherChannel) : undefined,
    audience: v.audience,
    audienceNote: v.audience === 'specific' ? text(v.audienceNote) : undefined,
    mode: v.mode,
    levels: v.levels ?? [],
    stages: v.stages ?? [],
  };
}

/** Checks form values with the shared CatalogueItemInputSchema (the server's own rules and Chinese messages). */
export function parseItem(v: ItemFormValues): z.ZodSafeParseResult<CatalogueItemInput> {
  return CatalogueItemInputSchema.safeParse(toCandidate(v));
}

/** The PATCH body for an edited item: every content field; cleared notes sent as null. */
export function updateBody(input: CatalogueItemInput): CatalogueUpdateBody {
  const { domain: _domain, code: _code, otherChannel, audienceNote, ...rest } = input;
  return { ...rest, otherChannel: otherChannel ?? null, audienceNote: audienceNote ?? null };
}

/** Form values of an existing item (editing). */
export function fromItem(item: CatalogueItemView): ItemFormValues {
  return {
    domain: item.domain,
    code: item.code,
    category: item.category,
    name: item.name,
    contentElements: [...item.contentElements],
    basis: [...item.basis],
    timeLimit: {
      text: item.timeLimit.text,
      workingDays: item.timeLimit.workingDays,
      rule: item.timeLimit.rule ? { ...item.timeLimit.rule } : undefined,
      minPostingDays: item.timeLimit.minPostingDays,
    },
    publisher: item.publisher,
    channels: [...item.channels],
    otherChannel: item.otherChannel,
    audience: item.audience,
    audienceNote: item.audienceNote,
    mode: item.mode,
    levels: [...item.levels],
    stages: [...item.stages],
  };
}

/** Starting values of a new local item in a domain (the usual 20-working-day rule of 条例第二十六条). */
export function newItemValues(domain: DomainKey, regionCode?: string): ItemFormValues {
  return {
    regionCode,
    domain,
    contentElements: [''],
    basis: [''],
    timeLimit: { text: zh.catalogue.defaultTimeLimitText, workingDays: 20 },
    channels: ['gov-website', 'bulletin-board'],
    audience: 'public',
    mode: 'proactive',
    levels: [],
    stages: [],
  };
}
