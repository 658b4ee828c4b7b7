import ExcelJS from 'exceljs';
import { DISCLOSURE_LIMITS, piiKindFromLabel, type CellValue, type PiiKind, type TableImportIssue } from '@gongkai/shared';

/*
 * Reading one list (名单/明细表) from an xlsx sheet, with every problem located by Excel row and column:
 *
 *  - the first row holds the column labels (a single merged title row above them is taken as the table's
 *    title); a label marked `*` / `＊` (`*姓名`) makes the column required;
 *  - column keys are generated (ASCII slug of the label, else `c1…cn`), labels kept as written;
 *  - `pii` is suggested from the label (身份证/证件号码 → id-number, 电话/手机/联系方式 → phone,
 *    姓名/户主/户名 → name, 银行账号/卡号 → bank-account, 地址/住址 → address);
 *  - a cell is refused when it holds a formula (its value may be stale or hide data), belongs to a merged
 *    range (rows would silently lose values), is an Excel error (#N/A), is over the cell limit, is empty in
 *    a required column, or is an ID/bank number Excel stored as a number (digits past 15 are lost);
 *  - empty rows are skipped; the sheet is the first one with data.
 */

/** An imported column (what the result shows, before the table is stored). */
export interface SheetColumn {
  key: string;
  label: string;
  pii?: PiiKind;
  required: boolean;
  letter: string;
}

/** What reading the sheet found. */
export interface SheetTable {
  title?: string;
  columns: SheetColumn[];
  rows: Array<Record<string, CellValue>>;
  issues: TableImportIssue[];
  /** Problems found in all (only the first MAX_ISSUES are listed). */
  issueCount: number;
}

/** Thrown for a file that is not a readable workbook. */
export class TableSheetError extends Error {}

const MAX_ISSUES = 200;
const L = DISCLOSURE_LIMITS;

/** A column key from its label: an ASCII slug when the label has one, else `c<n>`; unique within `taken`. */
export function columnKey(label: string, n: number, taken: Set<string>): string {
  const slug = label.normalize('NFKC').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  let key = /[a-z]/.test(slug) && slug.length <= 32 ? slug : `c${n}`;
  for (let i = 2; taken.has(key); i++) key = `${/[a-z]/.test(slug) && slug.length <= 32 ? slug : `c${n}`}-${i}`;
  taken.add(key);
  return key;
}

const letterOf = (col: number): string => (col > 26 ? letterOf(Math.floor((col - 1) / 26)) : '') + String.fromCharCode(65 + ((col - 1) % 26));

const isFormula = (v: unknown) => !!v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v);

/** The value of a cell, or the problem with it. */
function readCell(cell: ExcelJS.Cell): { value: CellValue } | { problem: string } {
  const v = cell.value;
  if (v === null || v === undefined) return { value: null };
  if (isFormula(v)) return { problem: '含公式，请复制后“选择性粘贴为数值”再导入' };
  if (v instanceof Date) {
    const iso = v.toISOString();
    return { value: iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}` };
  }
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v } : { problem: '数值无效' };
  if (typeof v === 'boolean') return { value: v };
  if (typeof v === 'string') return { value: v.trim() || null };
  if (typeof v === 'object' && 'error' in v) return { problem: `单元格为错误值 ${String(v.error)}` };
  const text = (cell.text ?? '').trim();
  return { value: text || null };
}

/** Label text of a header cell (rich text, numbers … as shown). */
const headerText = (cell: ExcelJS.Cell) => (cell.value === null || cell.value === undefined ? '' : (cell.text ?? '').replace(/\s+/g, ' ').trim());

/** Reads the first sheet with data (see the module comment). */
export async function readTableSheet(buffer: Buffer): Promise<SheetTable> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new TableSheetError('文件无法作为 Excel（.xlsx）读取，请确认文件未损坏');
  }
  const ws = wb.worksheets.find((s) => s.actualRowCount > 0);
  if (!ws) throw new TableSheetError('文件中没有数据');
  const issues: TableImportIssue[] = [];
  let issueCount = 0;
  const issue = (row: number, column: string | undefined, message: string) => {
    if (issueCount++ < MAX_ISSUES) issues.push({ row, ...(column ? { column } : {}), message, path: `第${row}行${column ? `「${column}」` : ''}` });
  };

  const filled = (r: number) => {
    let n = 0;
    ws.getRow(r).eachCell((c) => {
      // A merged range counts once (its other cells read as the master's value).
      if (headerText(c) && (!c.isMerged || c.master.address === c.address)) n++;
    });
    return n;
  };
  // A one-cell title row (usually merged across the table) above the labels.
  let headerRow = 1;
  let title: string | undefined;
  if (filled(1) === 1 && filled(2) >= 2) {
    ws.getRow(1).eachCell((c) => {
      title ??= headerText(c) || undefined;
    });
    headerRow = 2;
  }

  const lastCol = ws.columnCount;
  const header = ws.getRow(headerRow);
  const columns: Array<SheetColumn & { col: number }> = [];
  const taken = new Set<string>();
  const dataCols = new Set<number>();
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    ws.getRow(r).eachCell((c, col) => {
      if (c.value !== null && c.value !== undefined && c.value !== '') dataCols.add(col);
    });
  }
  for (let col = 1; col <= lastCol; col++) {
    const cell = header.getCell(col);
    const letter = letterOf(col);
    const raw = headerText(cell);
    if (cell.isMerged) issue(headerRow, letter, '表头含合并单元格，请每列只用一个表头');
    if (!raw) {
      if (dataCols.has(col)) issue(headerRow, letter, '该列有数据但没有表头');
      continue;
    }
    const required = /^[*＊]|[*＊]$/.test(raw);
    const label = raw.replace(/^[*＊]+|[*＊]+$/g, '').trim();
    if (!label) {
      issue(headerRow, letter, '表头为空');
      continue;
    }
    if (label.length > L.label) issue(headerRow, label.slice(0, 10), `表头不能超过${L.label}个字`);
    const pii = piiKindFromLabel(label);
    columns.push({ key: columnKey(label, columns.length + 1, taken), label, required, letter, col, ...(pii ? { pii } : {}) });
  }
  if (!columns.length) throw new TableSheetError(`第${headerRow}行应为表头（各列名称），但没有找到`);
  if (columns.length > L.columns) issue(headerRow, undefined, `表格不能超过${L.columns}列（当前${columns.length}列）`);

  const rows: Array<Record<string, CellValue>> = [];
  const mergesSeen = new Set<string>();
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues) continue;
    const out: Record<string, CellValue> = {};
    let any = false;
    for (const c of columns) {
      const cell = row.getCell(c.col);
      if (cell.isMerged) {
        const master = cell.master.address;
        if (!mergesSeen.has(master)) {
          mergesSeen.add(master);
          issue(r, c.label, `合并单元格（自 ${master} 起），请拆分后每行填写完整`);
        }
        any = true;
        continue;
      }
      const read = readCell(cell);
      if ('problem' in read) {
        issue(r, c.label, read.problem);
        any = true;
        continue;
      }
      let v = read.value;
      if (typeof v === 'number' && (c.pii === 'id-number' || c.pii === 'bank-account' || c.pii === 'phone')) {
        if (!Number.isSafeInteger(v) || Math.abs(v) >= 1e15) {
          issue(r, c.label, '号码被 Excel 存成了数字，超过15位的部分已丢失；请将该列设为“文本”格式后重新填写');
          any = true;
          continue;
        }
        v = String(v);
      }
      if (typeof v === 'string' && v.length > L.cell) issue(r, c.label, `超过${L.cell}个字（${v.length}个字）`);
      if (v === null) continue;
      out[c.key] = v;
      any = true;
    }
    if (!any) continue;
    for (const c of columns) if (c.required && !(c.key in out)) issue(r, c.label, '必填，不能为空');
    if (rows.length >= L.rows) {
      issue(r, undefined, `表格不能超过${L.rows}行，请拆分为多个表格导入`);
      break;
    }
    rows.push(out);
  }
  const sheetName = /^sheet\d*$/i.test(ws.name.trim()) ? undefined : ws.name.trim();
  return { title: title ?? sheetName, columns: columns.map(({ col: _c, ...c }) => c), rows, issues, issueCount };
}
