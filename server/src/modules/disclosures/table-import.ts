import { DISCLOSURE_LIMITS, DisclosureTableSchema, type DisclosureTable, type TableImportResult } from '@gongkai/shared';
import type { AdminCaller } from '../../http/auth';
import { AppError, validationFailed } from '../../http/errors';
import { xlsxProblem } from '../../uploads/xlsx-guard';
import { editDraftContent, precheckDraftEdit } from './draft-edit';
import { TableSheetError, readTableSheet } from './table-import-sheet';

/*
 * Bulk import of a list (e.g. a 2,000-row per-household compensation list) from xlsx into a draft working
 * copy: the sheet is read and every cell checked first (table-import-sheet.ts); any problem → 400
 * VALIDATION_FAILED listing `{ row, column, message, path }` and nothing is saved. With `dryRun` the result
 * (columns with suggested `pii`, the first rows) is returned without saving; otherwise the table is appended
 * to the working copy's `tables` (officials then adjust `pii` with PATCH before submitting).
 */

const PREVIEW_ROWS = 20;
const L = DISCLOSURE_LIMITS;
const WHAT = '导入表格';

/** Options of an import. */
export interface TableImportOptions {
  /** The table's title (default: the sheet's title row or name). */
  title?: string;
  dryRun?: boolean;
}

/**
 * Imports the first sheet of `buffer` as a table of the draft working copy of disclosure `id`.
 * @throws 415 for a file that is not an xlsx (or unpacks too large), 400 with per-cell details for bad
 * content, 409 when the disclosure has no draft working copy.
 */
export async function importTable(caller: AdminCaller, id: string, buffer: Buffer, opts: TableImportOptions = {}): Promise<TableImportResult> {
  const started = Date.now();
  if (opts.title !== undefined && (!opts.title.trim() || opts.title.length > L.tableTitle)) {
    throw validationFailed(`表格标题须为1至${L.tableTitle}个字`, [{ path: 'body.title', message: `表格标题须为1至${L.tableTitle}个字` }]);
  }
  await precheckDraftEdit(caller, id, WHAT);
  const problem = xlsxProblem(buffer);
  if (problem) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', problem);
  let sheet;
  try {
    sheet = await readTableSheet(buffer);
  } catch (err) {
    if (err instanceof TableSheetError) throw validationFailed(err.message, [{ path: 'file', message: err.message }]);
    throw err;
  }
  if (sheet.issueCount) {
    const rows = new Set(sheet.issues.map((i) => i.row)).size;
    const listed = sheet.issueCount > sheet.issues.length ? `（列出前${sheet.issues.length}处）` : '';
    throw validationFailed(`表格有${sheet.issueCount}处问题${listed}，涉及${rows}行，未导入任何内容`, sheet.issues as never);
  }
  const title = (opts.title ?? sheet.title ?? '导入的表格').trim().slice(0, L.tableTitle);
  const table: DisclosureTable = {
    title,
    columns: sheet.columns.map((c) => ({ key: c.key, label: c.label, ...(c.pii ? { pii: c.pii } : {}) })),
    rows: sheet.rows,
  };
  const checked = DisclosureTableSchema.safeParse(table);
  if (!checked.success) throw validationFailed('表格内容不符合要求', checked.error.issues.map((i) => ({ path: `table.${i.path.join('.')}`, message: i.message })));
  const result: TableImportResult = {
    dryRun: !!opts.dryRun,
    title,
    columns: sheet.columns,
    rowCount: sheet.rows.length,
    preview: sheet.rows.slice(0, PREVIEW_ROWS),
    ms: 0,
  };
  if (!opts.dryRun) {
    result.tableIndex = await editDraftContent(caller, id, WHAT, (content) => {
      if (content.tables.length >= L.tables) throw validationFailed(`表格不能超过${L.tables}个`, [{ path: 'file', message: '表格过多' }]);
      const cells = [...content.tables, table].reduce((n, t) => n + t.rows.length * t.columns.length, 0);
      if (cells > L.cells) throw validationFailed(`表格单元格总数不能超过${L.cells}个（导入后为${cells}个）`, [{ path: 'file', message: '单元格过多' }]);
      return {
        content: { ...content, tables: [...content.tables, table] },
        result: content.tables.length,
        audit: { action: 'disclosure.table.import', details: { title, rows: table.rows.length, columns: table.columns.map((c) => c.label) } },
      };
    });
  }
  result.ms = Date.now() - started;
  return result;
}
