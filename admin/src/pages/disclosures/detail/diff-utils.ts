import { diffChars } from 'diff';
import { DISCLOSURE_STAGE_LABELS, type DisclosureContent, type DisclosureTable } from '@gongkai/shared';

/*
 * What changed between the published version and the working copy, for the reviewer: a character diff of
 * title and body text (Chinese has no word breaks), per-table row changes, and the other fields.
 */

/** A run of text: unchanged, added or removed. */
export interface TextPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

/** The visible text of a sanitized HTML body (block ends become line breaks). */
export function bodyText(body: string, format: 'html' | 'text'): string {
  if (format === 'text') return body;
  const html = body.replace(/<\/(p|h[1-6]|li|blockquote|tr)>/gi, '$&\n').replace(/<br\s*\/?>/gi, '\n');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (doc.body.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim();
}

/** Character diff of two texts, merged into runs. */
export function textDiff(before: string, after: string): TextPart[] {
  return diffChars(before, after).map((p) => ({ value: p.value, added: p.added || undefined, removed: p.removed || undefined }));
}

/** Row changes of one table. */
export interface TableChange {
  title: string;
  kind: 'added' | 'removed' | 'changed' | 'same';
  addedRows: number;
  removedRows: number;
  changedRows: number;
  columnsChanged: boolean;
  /** Up to `limit` changed cells: row number (1-based), column label, before and after. */
  cells: Array<{ row: number; column: string; before: string; after: string }>;
}

const key = (r: Record<string, unknown>, cols: DisclosureTable['columns']) => JSON.stringify(cols.map((c) => r[c.key] ?? null));
const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** Compares two versions of a table: rows as a multiset (moved rows are not changes), then cells row by row. */
export function compareTable(before: DisclosureTable, after: DisclosureTable, limit = 50): TableChange {
  const columnsChanged = JSON.stringify(before.columns) !== JSON.stringify(after.columns);
  const counts = new Map<string, number>();
  for (const r of before.rows) counts.set(key(r, after.columns), (counts.get(key(r, after.columns)) ?? 0) + 1);
  let added = 0;
  for (const r of after.rows) {
    const k = key(r, after.columns);
    const n = counts.get(k) ?? 0;
    if (n > 0) counts.set(k, n - 1);
    else added++;
  }
  const removed = [...counts.values()].reduce((a, b) => a + b, 0);
  const changed = Math.min(added, removed);
  const cells: TableChange['cells'] = [];
  const n = Math.min(before.rows.length, after.rows.length);
  for (let i = 0; i < n && cells.length < limit; i++) {
    for (const c of after.columns) {
      const b = text(before.rows[i][c.key]);
      const a = text(after.rows[i][c.key]);
      if (a !== b && cells.length < limit) cells.push({ row: i + 1, column: c.label, before: b, after: a });
    }
  }
  const same = !columnsChanged && added === 0 && removed === 0 && before.title === after.title;
  return {
    title: after.title,
    kind: same ? 'same' : 'changed',
    addedRows: added - changed,
    removedRows: removed - changed,
    changedRows: changed,
    columnsChanged,
    cells: same ? [] : cells,
  };
}

/** Table changes between two contents, matched by position (and title for added/removed ones). */
export function compareTables(before: DisclosureTable[], after: DisclosureTable[]): TableChange[] {
  const out: TableChange[] = [];
  const n = Math.max(before.length, after.length);
  for (let i = 0; i < n; i++) {
    const b = before[i];
    const a = after[i];
    if (a && b) out.push(compareTable(b, a));
    else if (a) out.push({ title: a.title, kind: 'added', addedRows: a.rows.length, removedRows: 0, changedRows: 0, columnsChanged: true, cells: [] });
    else if (b) out.push({ title: b.title, kind: 'removed', addedRows: 0, removedRows: b.rows.length, changedRows: 0, columnsChanged: true, cells: [] });
  }
  return out;
}

/** Changed simple fields: label → [before, after]. */
export function fieldChanges(before: DisclosureContent, after: DisclosureContent, labels: Record<string, string>): Array<{ label: string; before: string; after: string }> {
  const day = (v?: string) => (v ? v.slice(0, 10) : '');
  const pairs: Array<[string, string, string]> = [
    ['stage', DISCLOSURE_STAGE_LABELS[before.stage], DISCLOSURE_STAGE_LABELS[after.stage]],
    ['eventDate', day(before.eventDate), day(after.eventDate)],
    ['validFrom', day(before.validFrom), day(after.validFrom)],
    ['validTo', day(before.validTo), day(after.validTo)],
    ['publisher', before.publisher, after.publisher],
    ['contact', before.contact ?? '', after.contact ?? ''],
    ['relatedIds', before.relatedIds.join('、'), after.relatedIds.join('、')],
    ['attachments', before.attachments.map((a) => a.name).join('、'), after.attachments.map((a) => a.name).join('、')],
  ];
  return pairs.filter(([, b, a]) => a !== b).map(([k, b, a]) => ({ label: labels[k] ?? k, before: b, after: a }));
}
