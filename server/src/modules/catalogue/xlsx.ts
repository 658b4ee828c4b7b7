import ExcelJS from 'exceljs';
import {
  AUDIENCE_LABELS,
  CATALOGUE_LEVEL_LABELS,
  CHANNEL_LABELS,
  DISCLOSURE_MODE_LABELS,
  DISCLOSURE_STAGE_LABELS,
  DOMAINS,
  TIME_LIMIT_RULE_KIND_LABELS,
  findDomain,
  type CatalogueItemView,
} from '@gongkai/shared';

/*
 * The catalogue as an Excel sheet, in the column layout of county catalogues (序号 … 五公开), followed by the
 * columns a lossless round-trip needs (领域, 事项编码, the machine-readable time-limit fields and the two
 * notes). Lists are written one entry per line. 版本 and 所属地区 are for reading only; import ignores them.
 */

/** Column keys, in sheet order. */
export const XLSX_COLUMNS = [
  ['index', '序号', 6],
  ['category', '一级事项', 14],
  ['name', '二级事项', 22],
  ['contentElements', '公开内容(要素)', 48],
  ['basis', '公开依据', 40],
  ['timeLimitText', '公开时限', 30],
  ['publisher', '公开主体', 20],
  ['channels', '公开渠道和载体', 22],
  ['audience', '公开对象', 10],
  ['mode', '公开方式', 10],
  ['levels', '公开层级', 10],
  ['stages', '五公开', 10],
  ['domain', '领域', 12],
  ['code', '事项编码', 16],
  ['workingDays', '时限工作日', 10],
  ['ruleKind', '时限规则', 24],
  ['ruleDays', '规则天数', 10],
  ['ruleEvent', '起算事件', 20],
  ['minPostingDays', '最短公示天数', 12],
  ['otherChannel', '其他渠道说明', 20],
  ['audienceNote', '特定群体说明', 20],
  ['version', '版本', 6],
  ['owner', '所属地区', 16],
] as const;
export type ColumnKey = (typeof XLSX_COLUMNS)[number][0];

/** The header of a column key. */
export const HEADER: Record<ColumnKey, string> = Object.fromEntries(XLSX_COLUMNS.map(([k, h]) => [k, h])) as Record<ColumnKey, string>;

/** Other header spellings found in officials' sheets (after `normalizeHeader`). */
const HEADER_ALIASES: Record<string, ColumnKey> = {
  公开内容: 'contentElements',
  公开内容要素: 'contentElements',
  公开渠道: 'channels',
  公开渠道载体: 'channels',
  五公开环节: 'stages',
  五公开属性: 'stages',
  编码: 'code',
  事项代码: 'code',
};

/** Header text without spaces, brackets, required marks or line breaks. */
function normalizeHeader(text: string): string {
  return text.replace(/[\s*＊()（）和]/g, '');
}

const HEADER_KEYS = new Map<string, ColumnKey>([
  ...XLSX_COLUMNS.map(([k, h]) => [normalizeHeader(h), k] as [string, ColumnKey]),
  ...Object.entries(HEADER_ALIASES),
]);

const lines = (xs: readonly string[] | undefined) => (xs ?? []).join('\n');

/** One sheet row of an item. */
function rowOf(item: CatalogueItemView, index: number, regionName: (code: string) => string): Record<ColumnKey, string | number> {
  const t = item.timeLimit;
  return {
    index,
    category: item.category,
    name: item.name,
    contentElements: lines(item.contentElements),
    basis: lines(item.basis),
    timeLimitText: t.text,
    publisher: item.publisher,
    channels: lines(item.channels.map((c) => CHANNEL_LABELS[c])),
    audience: AUDIENCE_LABELS[item.audience],
    mode: DISCLOSURE_MODE_LABELS[item.mode],
    levels: lines(item.levels.map((l) => CATALOGUE_LEVEL_LABELS[l])),
    stages: lines(item.stages.map((s) => DISCLOSURE_STAGE_LABELS[s])),
    domain: findDomain(item.domain)?.name ?? item.domain,
    code: item.code,
    workingDays: t.workingDays ?? '',
    ruleKind: t.rule ? TIME_LIMIT_RULE_KIND_LABELS[t.rule.kind] : '',
    ruleDays: t.rule?.days ?? '',
    ruleEvent: t.rule?.event ?? '',
    minPostingDays: t.minPostingDays ?? '',
    otherChannel: item.otherChannel ?? '',
    audienceNote: item.audienceNote ?? '',
    version: item.version,
    owner: `${item.regionCode} ${regionName(item.regionCode)}`.trim(),
  };
}

/** The sheet name officials see. */
export const SHEET_NAME = '标准目录';

/** Builds the workbook of items (sheet 标准目录 plus a 填写说明 sheet listing the allowed values). */
export async function exportWorkbook(items: CatalogueItemView[], regionName: (code: string) => string = () => ''): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai 基层政务公开';
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = XLSX_COLUMNS.map(([key, header, width]) => ({ key, header, width }));
  items.forEach((item, i) => ws.addRow(rowOf(item, i + 1, regionName)));
  ws.eachRow((row, n) => {
    row.alignment = { vertical: 'top', wrapText: true };
    if (n === 1) row.font = { bold: true };
  });
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ header: '列', key: 'col', width: 16 }, { header: '可填写的值（多项时每行一项，或用“、”“；”分隔）', key: 'values', width: 90 }];
  const allowed: Array<[string, string[]]> = [
    [HEADER.channels, Object.values(CHANNEL_LABELS).concat('其他（请注明，或填写“其他渠道说明”列）')],
    [HEADER.audience, Object.values(AUDIENCE_LABELS).concat('特定群体（请注明，或填写“特定群体说明”列）')],
    [HEADER.mode, Object.values(DISCLOSURE_MODE_LABELS)],
    [HEADER.levels, Object.values(CATALOGUE_LEVEL_LABELS)],
    [HEADER.stages, Object.values(DISCLOSURE_STAGE_LABELS)],
    [HEADER.domain, DOMAINS.map((d) => d.name)],
    [HEADER.ruleKind, Object.values(TIME_LIMIT_RULE_KIND_LABELS)],
    [HEADER.code, ['省级事项编码（如 LA-03）不可在县乡导入中修改；本地事项编码须以本地区代码开头（如 330304-LA-01），留空则自动编号']],
    [`${HEADER.version}、${HEADER.owner}`, ['仅供查看，导入时忽略']],
  ];
  for (const [col, values] of allowed) help.addRow({ col, values: values.join('、') }).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A data row read from a sheet: Excel's row number and the text of each recognised column. */
export interface SheetRow {
  row: number;
  cells: Partial<Record<ColumnKey, string>>;
}

/** What reading a workbook found. */
export interface SheetRead {
  rows: SheetRow[];
  /** Columns present in the header. */
  columns: Set<ColumnKey>;
}

/** Thrown for a workbook that cannot be read as a catalogue at all. */
export class SheetError extends Error {}

const MAX_HEADER_SCAN = 10;
const MAX_COLUMNS = 60;

function cellText(row: ExcelJS.Row, col: number): string {
  const cell = row.getCell(col);
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return (cell.text ?? '').replace(/\r\n?/g, '\n').trim();
}

/**
 * Reads the catalogue sheet of a workbook: the sheet named 标准目录, else the first whose header row
 * (found in the first 10 rows; a title row above it is fine) has 一级事项 and 二级事项. Blank rows are
 * skipped. Merged cells read as their top-left value, so a merged 一级事项 applies to every row it spans.
 */
export async function readWorkbook(buffer: Buffer, maxRows: number): Promise<SheetRead> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new SheetError('文件无法作为 Excel（.xlsx）读取，请确认文件未损坏');
  }
  const sheets = [...wb.worksheets].sort((a, b) => Number(b.name === SHEET_NAME) - Number(a.name === SHEET_NAME));
  for (const ws of sheets) {
    for (let r = 1; r <= Math.min(MAX_HEADER_SCAN, ws.rowCount); r++) {
      const header = ws.getRow(r);
      const map = new Map<number, ColumnKey>();
      for (let c = 1; c <= Math.min(MAX_COLUMNS, ws.columnCount); c++) {
        // A two-row header (公开事项 over 一级事项/二级事项) leaves the other headers in the row above.
        const text = cellText(header, c) || (r > 1 ? cellText(ws.getRow(r - 1), c) : '');
        const key = HEADER_KEYS.get(normalizeHeader(text));
        if (key && ![...map.values()].includes(key)) map.set(c, key);
      }
      const keys = new Set(map.values());
      if (!keys.has('category') || !keys.has('name')) continue;
      const rows: SheetRow[] = [];
      for (let n = r + 1; n <= ws.rowCount; n++) {
        const row = ws.getRow(n);
        const cells: Partial<Record<ColumnKey, string>> = {};
        let filled = false;
        for (const [c, key] of map) {
          const text = cellText(row, c);
          if (!text) continue;
          cells[key] = text;
          if (key !== 'index') filled = true;
        }
        if (!filled) continue;
        if (rows.length >= maxRows) throw new SheetError(`文件的数据行超过${maxRows}行，请分批导入`);
        rows.push({ row: n, cells });
      }
      return { rows, columns: keys };
    }
  }
  throw new SheetError('未找到目录表头：表头须包含“一级事项”和“二级事项”列');
}

/** The zip-bomb guard, shared with the disclosure table import. */
export { xlsxProblem } from '../../uploads/xlsx-guard';
