import ExcelJS from 'exceljs';
import { DEFINITIONS, TOWNSHIP_HEADERS, headerLines, metricRows, reportTitle, summary, townshipRows } from './content';
import type { QuarterlyData } from './quarterly';

/*
 * The quarterly report as an xlsx workbook in the layout counties send to the province: the 报送表 sheet
 * (title, period and unit, summary, metric table, townships' table), then one sheet per list (逾期公开、
 * 到期未公开、未公开事项、回应关切) and the definitions.
 */

const THIN = { style: 'thin' as const, color: { argb: 'FF888888' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F5' } };

/** Appends a header row and rows with borders, wrapped text and the given column widths. */
function addTable(ws: ExcelJS.Worksheet, headers: string[], rows: Array<Array<string | number>>): void {
  const head = ws.addRow(headers);
  head.eachCell((c) => {
    c.font = { bold: true };
    c.fill = HEAD_FILL;
    c.border = BORDER;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  for (const r of rows) {
    const row = ws.addRow(r);
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = BORDER;
      c.alignment = { vertical: 'top', wrapText: true };
    });
  }
}

/** A merged, wrapped line across `cols` columns. */
function addLine(ws: ExcelJS.Worksheet, text: string, cols: number, opts: { bold?: boolean; size?: number; height?: number; center?: boolean } = {}): void {
  const row = ws.addRow([text]);
  ws.mergeCells(row.number, 1, row.number, cols);
  const c = row.getCell(1);
  c.font = { bold: !!opts.bold, size: opts.size ?? 11 };
  c.alignment = { wrapText: true, vertical: 'middle', horizontal: opts.center ? 'center' : 'left' };
  if (opts.height) row.height = opts.height;
}

function listSheet(wb: ExcelJS.Workbook, name: string, widths: number[], headers: string[], rows: Array<Array<string | number>>, empty: string): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = widths.map((width) => ({ width }));
  addTable(ws, headers, rows.length ? rows : [[empty, ...headers.slice(1).map(() => '')]]);
}

/** The workbook's bytes. */
export async function quarterlyXlsx(d: QuarterlyData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai 基层政务公开平台';
  wb.created = new Date(d.generatedAt);
  wb.title = reportTitle(d);

  const ws = wb.addWorksheet('季度报送表', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const cols = TOWNSHIP_HEADERS.length;
  ws.columns = [8, 18, 10, 14, 10, 10, 12, 12, 10, 10, 10].map((width) => ({ width }));
  addLine(ws, `《${reportTitle(d)}》`, cols, { bold: true, size: 16, height: 30, center: true });
  for (const l of headerLines(d)) addLine(ws, l, cols);
  ws.addRow([]);
  addLine(ws, '一、总体情况', cols, { bold: true, size: 12 });
  addLine(ws, summary(d), cols, { height: 96 });
  ws.addRow([]);
  addLine(ws, '二、主要指标', cols, { bold: true, size: 12 });
  const metricStart = ws.rowCount + 1;
  addTable(ws, ['指标', '数值', '计算依据'], metricRows(d.node));
  for (let r = metricStart; r <= ws.rowCount; r++) ws.mergeCells(r, 3, r, cols);
  ws.addRow([]);
  addLine(ws, '三、分乡镇（街道）情况', cols, { bold: true, size: 12 });
  addTable(ws, TOWNSHIP_HEADERS, townshipRows(d.townships));
  ws.addRow([]);
  addLine(ws, `四、逾期发布${d.late.length}条、到期未发布${d.overdue.length}条、${d.missing.length}个单位有未公开事项，明细见后附工作表；回应关切见“回应关切”表。`, cols);
  ws.addRow([]);
  addLine(ws, '填报人：                联系电话：                审核人：', cols);

  listSheet(wb, '逾期发布事项', [16, 8, 12, 28, 36, 12, 12, 10], ['单位', '层级', '领域', '事项', '标题', '应公开日期', '实际发布日期', '逾期天数'],
    d.late.map((r) => [r.unit, r.level, r.domain, r.item, r.title, r.dueDate, r.publishedDate, r.days]), '本季度无逾期发布');
  listSheet(wb, '到期未发布事项', [16, 8, 12, 28, 12, 16, 10], ['单位', '层级', '领域', '事项', '应公开日期', '状态', '逾期天数'],
    d.overdue.map((r) => [r.unit, r.level, r.domain, r.item, r.dueDate, r.status, r.days]), '本季度无到期未发布');
  listSheet(wb, '未公开事项', [16, 8, 10, 10, 10, 80], ['单位', '层级', '应公开', '已公开', '覆盖率', '未公开事项'],
    d.missing.map((r) => [r.unit, r.level, r.required, r.covered, r.required ? `${((r.covered / r.required) * 100).toFixed(1)}%` : '—', r.items.join('、')]), '全部事项均已公开');
  listSheet(wb, '分事项覆盖', [40, 12, 8, 12, 12, 10], ['事项', '领域', '层级', '应公开单位数', '已公开单位数', '覆盖率'],
    d.byItem.map((r) => [r.item, r.domain, r.level, r.units, r.covered, `${((r.covered / r.units) * 100).toFixed(1)}%`]), '');
  listSheet(wb, '回应关切', [10, 16, 50, 50, 12, 12], ['类型', '地区', '群众提问', '答复', '提问日期', '答复日期'],
    d.qa.map((q) => [q.type, q.region, q.question, q.answer, q.askedDate, q.answeredDate]), '本季度无公开答复');
  listSheet(wb, '指标说明', [16, 100], ['指标', '口径'], DEFINITIONS, '');

  return Buffer.from(await wb.xlsx.writeBuffer());
}
