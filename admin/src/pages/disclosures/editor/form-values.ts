import type {
  AdminDisclosureDetail,
  DisclosureContent,
  DisclosureCreateBody,
  DisclosureStage,
  DisclosureTable,
  DisclosureUpdateBody,
  DomainKey,
} from '@gongkai/shared';
import dayjs, { type Dayjs } from 'dayjs';

/** The editor form's values. Dates are picked as days (the server reads a date as that whole day, China time). */
export interface DisclosureFormValues {
  regionCode?: string;
  domain?: DomainKey;
  catalogueItemId?: string;
  title: string;
  body: string;
  stage?: DisclosureStage;
  eventDate?: Dayjs | null;
  validity?: [Dayjs | null, Dayjs | null] | null;
  relatedIds: string[];
  publisher?: string;
  contact?: string;
  tables: DisclosureTable[];
}

/** The form's top-level field names (for putting server issues next to their fields). */
export const FORM_FIELDS = ['regionCode', 'catalogueItemId', 'title', 'body', 'stage', 'eventDate', 'validFrom', 'validTo', 'relatedIds', 'publisher', 'contact', 'tables'];

const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined);
// China dates: the server sends ISO times with +08:00, so the first 10 characters are the China date.
const toDay = (iso?: string) => (iso ? dayjs(iso.slice(0, 10)) : null);

/** An empty body is stored as text; the editor's empty document is `<p></p>`. */
function bodyOf(html: string): { body: string; bodyFormat: 'html' | 'text' } {
  const empty = html.replace(/<p>\s*<\/p>/g, '').trim() === '';
  return empty ? { body: '', bodyFormat: 'text' } : { body: html, bodyFormat: 'html' };
}

/** Plain text bodies (older or imported) become paragraphs for the rich-text editor. */
export function bodyToHtml(body: string, format: 'html' | 'text'): string {
  if (format === 'html') return body;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return body
    .split(/\n{1,}/)
    .filter((p) => p.trim())
    .map((p) => `<p>${esc(p)}</p>`)
    .join('');
}

/** `POST /admin/disclosures` from the form. */
export function createBodyOf(v: DisclosureFormValues): DisclosureCreateBody {
  const [from, to] = v.validity ?? [];
  return {
    catalogueItemId: v.catalogueItemId!,
    regionCode: v.regionCode!,
    title: v.title,
    ...bodyOf(v.body ?? ''),
    stage: v.stage,
    tables: v.tables,
    eventDate: day(v.eventDate),
    validFrom: day(from),
    validTo: day(to),
    relatedIds: v.relatedIds ?? [],
    publisher: v.publisher?.trim() || undefined,
    contact: v.contact?.trim() || undefined,
  };
}

/** `PATCH /admin/disclosures/:id` from the form: every content field (cleared dates and contact as null). */
export function updateBodyOf(v: DisclosureFormValues): DisclosureUpdateBody {
  const [from, to] = v.validity ?? [];
  return {
    title: v.title,
    ...bodyOf(v.body ?? ''),
    stage: v.stage,
    tables: v.tables,
    eventDate: day(v.eventDate) ?? null,
    validFrom: day(from) ?? null,
    validTo: day(to) ?? null,
    relatedIds: v.relatedIds ?? [],
    ...(v.publisher?.trim() ? { publisher: v.publisher.trim() } : {}),
    contact: v.contact?.trim() || null,
  };
}

/** The content being edited: the working copy, or (for a next version) the published content. */
export function editableContent(d: AdminDisclosureDetail): DisclosureContent | undefined {
  return d.workingCopy ?? d.published;
}

/** Form values of a stored disclosure. */
export function formValuesOf(d: AdminDisclosureDetail): DisclosureFormValues {
  const c = editableContent(d)!;
  return {
    regionCode: d.regionCode,
    domain: d.domain,
    catalogueItemId: d.catalogueItemId,
    title: c.title,
    body: bodyToHtml(c.body, c.bodyFormat),
    stage: c.stage,
    eventDate: toDay(c.eventDate),
    validity: c.validFrom || c.validTo ? [toDay(c.validFrom), toDay(c.validTo)] : null,
    relatedIds: c.relatedIds,
    publisher: c.publisher,
    contact: c.contact,
    tables: c.tables,
  };
}
