import { FeedbackSubmitBodySchema, type FeedbackDelivery, type FeedbackSubmitBody, type FeedbackType } from '@gongkai/shared';

/**
 * The feedback form's data and its validation with the shared schema (the server's own rules and Chinese
 * messages), kept apart from the page so it can be tested on its own.
 */

/** What the form holds (and its draft stores). `key` is the Idempotency-Key of this draft. */
export interface FormDraft {
  type: FeedbackType;
  content: string;
  /** null until the resident chooses. */
  public: boolean | null;
  contact: string;
  purpose: string;
  delivery: FeedbackDelivery | '';
  address: string;
  images: { id: string; preview: string }[];
  key: string;
}

/** What the form is about (from the page's query). */
export interface FormSubject {
  regionCode: string;
  disclosureId?: string;
  catalogueItemId?: string;
}

/** An empty draft of a type, with its own Idempotency-Key. */
export function emptyDraft(type: FeedbackType, key: string): FormDraft {
  return { type, content: '', public: null, contact: '', purpose: '', delivery: '', address: '', images: [], key };
}

/** The request body the draft makes (fields left empty are left out). */
export function bodyOf(d: FormDraft, s: FormSubject): Record<string, unknown> {
  const body: Record<string, unknown> = { type: d.type, regionCode: s.regionCode, content: d.content, public: d.public ?? undefined };
  if (s.disclosureId) body.disclosureId = s.disclosureId;
  if (s.catalogueItemId) body.catalogueItemId = s.catalogueItemId;
  if (d.contact.trim()) body.contact = d.contact.trim();
  if (d.images.length) body.images = d.images.map((i) => i.id);
  if (d.type === 'request') {
    body.request = { purpose: d.purpose, delivery: d.delivery || undefined, ...(d.address.trim() ? { address: d.address.trim() } : {}) };
  }
  return body;
}

/** Field → the first message for it. Keys: content, public, contact, images, purpose, delivery, address, form. */
export type FieldErrors = Partial<Record<'content' | 'public' | 'contact' | 'images' | 'purpose' | 'delivery' | 'address' | 'form', string>>;

/** Which form field an issue's path belongs to. */
function fieldOf(path: readonly PropertyKey[]): keyof FieldErrors {
  const [a, b] = path.map(String);
  if (a === 'request') return b === 'purpose' || b === 'delivery' || b === 'address' ? b : 'purpose';
  if (a === 'content' || a === 'public' || a === 'contact' || a === 'images') return a;
  return 'form';
}

/** Validates the draft with `FeedbackSubmitBodySchema`: the body to send, or the messages per field. */
export function validate(d: FormDraft, s: FormSubject): { ok: true; body: FeedbackSubmitBody } | { ok: false; errors: FieldErrors } {
  const r = FeedbackSubmitBodySchema.safeParse(bodyOf(d, s));
  if (r.success) return { ok: true, body: r.data };
  const errors: FieldErrors = {};
  for (const issue of r.error.issues) {
    const f = fieldOf(issue.path);
    errors[f] ??= issue.message;
  }
  return { ok: false, errors };
}
