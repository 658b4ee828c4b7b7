import { maskTextDetailed, piiKindFromLabel, type DisclosureTable, type PiiKind } from '@gongkai/shared';

/*
 * Pure helpers of the table editor: Excel clipboard text to a grid, new column keys, `pii` suggestions and
 * pasting a grid into a table. The masking itself is the shared code the server uses (shared/src/masking.ts).
 */

/** A table cell as the editor keeps it. */
export type Cell = DisclosureTable['rows'][number][string];

/**
 * Parses what Excel (or WPS) puts on the clipboard: rows by line, cells by tab; a cell with a tab, line break
 * or quote arrives quoted ("a""b"). A trailing empty line is dropped.
 */
export function parseClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/\r\n?/g, '\n');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.map((r) => r.map((c) => c.trim()));
}

/** A column key not used in the table yet (`c1`, `c2`, …). */
export function newColumnKey(columns: Array<{ key: string }>): string {
  const taken = new Set(columns.map((c) => c.key));
  let n = columns.length + 1;
  while (taken.has(`c${n}`)) n++;
  return `c${n}`;
}

/** Keys of unmarked columns where some cell looks like an ID, mobile or bank number (the server would mask it anyway). */
export function unmarkedPersonalColumns(t: DisclosureTable, sampleRows = 200): string[] {
  const rows = t.rows.slice(0, sampleRows);
  return t.columns
    .filter((c) => !c.pii && rows.some((r) => {
      const v = r[c.key];
      return (typeof v === 'string' || typeof v === 'number') && maskTextDetailed(String(v)).found;
    }))
    .map((c) => c.key);
}

/** A new table from a pasted grid: the first row as labels (or 列1…), the rest as rows. */
export function tableFromGrid(grid: string[][], title: string, header: boolean): DisclosureTable {
  const width = Math.max(0, ...grid.map((r) => r.length));
  const labels = header ? grid[0] ?? [] : [];
  const columns: DisclosureTable['columns'] = [];
  for (let i = 0; i < width; i++) {
    const label = labels[i]?.trim() || `列${i + 1}`;
    const pii = piiKindFromLabel(label);
    columns.push({ key: `c${i + 1}`, label, ...(pii ? { pii } : {}) });
  }
  const body = header ? grid.slice(1) : grid;
  const rows = body
    .filter((r) => r.some((c) => c !== ''))
    .map((r) => Object.fromEntries(columns.map((c, i) => [c.key, r[i] ?? ''])));
  return { title, columns, rows };
}

/**
 * Pastes a grid into a table from a cell on: existing cells are overwritten, rows are added below as needed,
 * and cells beyond the last column are dropped (add columns first to keep them).
 */
export function pasteIntoTable(t: DisclosureTable, rowIndex: number, colIndex: number, grid: string[][]): DisclosureTable {
  const rows = t.rows.map((r) => ({ ...r }));
  grid.forEach((line, dr) => {
    const r = rowIndex + dr;
    while (rows.length <= r) rows.push(Object.fromEntries(t.columns.map((c) => [c.key, ''])));
    line.forEach((value, dc) => {
      const col = t.columns[colIndex + dc];
      if (col) rows[r][col.key] = value;
    });
  });
  return { ...t, rows };
}

/** The text of a cell for an input. */
export function cellText(v: Cell | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}
