import { contentWidth, heading, newPdf, pageNumbers, paragraph, pdfBytes, table } from '../channels/pdf-doc';
import { DEFINITIONS, TOWNSHIP_HEADERS, headerLines, metricRows, reportTitle, summary, townshipRows } from './content';
import type { QuarterlyData } from './quarterly';

/*
 * The quarterly report as a PDF (A4, the CJK font embedded): the same sections as the xlsx, with the long
 * lists cut to their worst entries (the xlsx has them all).
 */

/** Rows of each list printed in the PDF. */
export const PDF_LIST_LIMIT = 50;
/** Answered questions printed. */
export const PDF_QA_LIMIT = 20;

const ratioText = (n: number, d: number) => (d ? `${((n / d) * 100).toFixed(1)}%` : '—');
const more = (n: number, shown: number) => (n > shown ? `（共${n}条，此处列出前${shown}条，完整清单见 xlsx 版）` : '');

/** The PDF's bytes. */
export async function quarterlyPdf(d: QuarterlyData): Promise<Buffer> {
  const title = reportTitle(d);
  const doc = newPdf({ title, subject: `${d.period.label}报送` });
  doc.fontSize(17).text(`《${title}》`, doc.page.margins.left, doc.y, { width: contentWidth(doc), align: 'center' });
  doc.moveDown(0.5);
  for (const l of headerLines(d)) paragraph(doc, l, { size: 9.5, color: '#333' });

  heading(doc, '一、总体情况');
  paragraph(doc, summary(d), { indent: true });

  heading(doc, '二、主要指标');
  table(doc, [{ header: '指标', width: 3 }, { header: '数值', width: 2, align: 'right' }, { header: '计算依据', width: 9 }], metricRows(d.node), { size: 8.5 });

  heading(doc, '三、分乡镇（街道）情况');
  table(doc, TOWNSHIP_HEADERS.map((h, i) => ({ header: h, width: i === 1 ? 3.2 : i === 3 ? 2 : 1.3, align: i === 1 ? ('left' as const) : ('center' as const) })), townshipRows(d.townships), { size: 7.5 });

  heading(doc, '四、逾期发布及到期未发布事项');
  paragraph(doc, `逾期发布${d.late.length}条${more(d.late.length, PDF_LIST_LIMIT)}`, { size: 9.5 });
  if (d.late.length) {
    table(
      doc,
      [{ header: '单位', width: 2.4 }, { header: '事项', width: 4 }, { header: '标题', width: 4.4 }, { header: '应公开', width: 2 }, { header: '发布', width: 2 }, { header: '逾期天数', width: 1.4, align: 'right' }],
      d.late.slice(0, PDF_LIST_LIMIT).map((r) => [r.unit, r.item, r.title, r.dueDate, r.publishedDate, String(r.days)]),
      { size: 8 },
    );
  }
  paragraph(doc, `到期未发布${d.overdue.length}条${more(d.overdue.length, PDF_LIST_LIMIT)}`, { size: 9.5 });
  if (d.overdue.length) {
    table(
      doc,
      [{ header: '单位', width: 2.4 }, { header: '领域', width: 1.8 }, { header: '事项', width: 5 }, { header: '应公开', width: 2 }, { header: '状态', width: 2.4 }, { header: '逾期天数', width: 1.4, align: 'right' }],
      d.overdue.slice(0, PDF_LIST_LIMIT).map((r) => [r.unit, r.domain, r.item, r.dueDate, r.status, String(r.days)]),
      { size: 8 },
    );
  }

  heading(doc, '五、事项覆盖情况');
  paragraph(doc, `按事项（覆盖率由低到高${more(d.byItem.length, PDF_LIST_LIMIT)}）`, { size: 9.5 });
  table(
    doc,
    [{ header: '事项', width: 7 }, { header: '领域', width: 2 }, { header: '层级', width: 1.2 }, { header: '已公开/应公开单位', width: 2.4, align: 'center' }, { header: '覆盖率', width: 1.5, align: 'right' }],
    d.byItem.slice(0, PDF_LIST_LIMIT).map((r) => [r.item, r.domain, r.level, `${r.covered}/${r.units}`, ratioText(r.covered, r.units)]),
    { size: 8 },
  );
  paragraph(doc, `按单位：${d.missing.length}个单位有未公开事项（覆盖率由低到高${more(d.missing.length, PDF_LIST_LIMIT)}；逐项清单见 xlsx 版）`, { size: 9.5 });
  if (d.missing.length) {
    table(
      doc,
      [{ header: '单位', width: 3 }, { header: '层级', width: 1.2 }, { header: '已公开/应公开', width: 2, align: 'center' }, { header: '覆盖率', width: 1.5, align: 'right' }, { header: '未公开事项数', width: 1.8, align: 'right' }],
      d.missing.slice(0, PDF_LIST_LIMIT).map((r) => [r.unit, r.level, `${r.covered}/${r.required}`, ratioText(r.covered, r.required), String(r.items.length)]),
      { size: 8 },
    );
  }

  heading(doc, '六、回应关切（本季度公开答复的群众提问）');
  if (!d.qa.length) paragraph(doc, '本季度无公开答复的群众提问。', { size: 9.5 });
  else {
    paragraph(doc, `共${d.qa.length}条${d.qa.length > PDF_QA_LIMIT ? `，列出最近${PDF_QA_LIMIT}条` : ''}。`, { size: 9.5 });
    table(
      doc,
      [{ header: '类型', width: 1.4 }, { header: '地区', width: 2 }, { header: '群众提问', width: 5.5 }, { header: '答复', width: 6 }, { header: '答复日期', width: 2 }],
      d.qa.slice(0, PDF_QA_LIMIT).map((q) => [q.type, q.region, q.question, q.answer, q.answeredDate]),
      { size: 8 },
    );
  }

  heading(doc, '七、指标说明');
  table(doc, [{ header: '指标', width: 2 }, { header: '口径', width: 12 }], DEFINITIONS, { size: 8 });
  doc.moveDown(1.5);
  paragraph(doc, '填报人：                    联系电话：                    审核人：', { size: 10.5 });
  pageNumbers(doc, `${d.county.name} ${d.period.label}报送`);
  return pdfBytes(doc);
}
