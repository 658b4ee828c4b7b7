/** The property that keys table rows in antd Tables (rows have no id; antd deprecated index-based keys). */
export const ROW_KEY = '__gk_row';

/** Rows with their position as a key (`offset` for a page of a longer list). */
export function keyed<T extends object>(rows: T[], offset = 0): Array<T & { [ROW_KEY]: string }> {
  return rows.map((r, i) => ({ ...r, [ROW_KEY]: String(offset + i) }));
}
