import { findDomain, type DisclosureDetail, type PublicTable } from '@gongkai/shared';
import { shanghaiDate } from '../../workdays';
import { CJK, contentWidth, ensureSpace, heading, newPdf, pageNumbers, paragraph, pdfBytes, table } from './pdf-doc';
import { qrPng, type DisclosureLinks } from './qr';
import { flattenBody } from './text';

/*
 * The bulletin-board notice (公示栏): one published disclosure as a printable A4 PDF, made from exactly what
 * residents see (the masked public detail, personal tables hidden once the posting period is over), with the
 * version and its hash so a printed copy can be checked against the chain, and a QR code that opens the same
 * disclosure on a phone.
 */

/** `2025年7月10日` from an ISO time (China date). */
export function chineseDate(iso: string): string {
  const [y, m, d] = shanghaiDate(iso).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The printed 公示期 line, or undefined without a window. */
export function postingPeriod(d: Pick<DisclosureDetail, 'validFrom' | 'validTo'>): string | undefined {
  if (!d.validFrom && !d.validTo) return undefined;
  return `${d.validFrom ? chineseDate(d.validFrom) : '发布之日'} 至 ${d.validTo ? chineseDate(d.validTo) : '长期'}`;
}

const cellText = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? '是' : '否') : String(v));

function drawTables(doc: PDFKit.PDFDocument, tables: PublicTable[]): void {
  for (const t of tables) {
    heading(doc, t.title, 11.5);
    if ('hidden' in t) {
      paragraph(doc, `（${t.reason}）`, { color: '#555' });
      continue;
    }
    const rows = t.rows.map((r) => t.columns.map((c) => cellText(r[c.key])));
    // Column widths follow the longest of the header and the first rows' cells (within 2–14 characters).
    const longest = (i: number) => Math.max(t.columns[i].label.length, ...rows.slice(0, 50).map((r) => r[i].length));
    const cols = t.columns.map((c, i) => ({ header: c.label, width: Math.max(2, Math.min(14, longest(i))) }));
    table(doc, cols, rows, { size: 9 });
  }
}

/** Renders the notice of a published disclosure (the public detail) with its links. */
export async function renderNotice(d: DisclosureDetail, links: DisclosureLinks): Promise<Buffer> {
  const doc = newPdf({ title: d.title, subject: `${d.regionName} 公示` });
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const domain = findDomain(d.domain)?.name ?? d.domain;

  // The QR code (one image object, drawn here and in the verification block): page 1 always carries it.
  // pdfkit's `openImage` (missing from @types/pdfkit 0.17) returns an image that `image()` accepts again.
  const opened = (doc as unknown as { openImage(src: Buffer): unknown }).openImage(await qrPng(links.h5));
  const qr = opened as PDFKit.Mixins.ImageSrc;
  const corner = 64;
  const top0 = doc.y;
  doc.image(qr, left + width - corner, top0 - 20, { width: corner, height: corner });
  const inner = width - 2 * (corner + 8);
  doc.fontSize(9).fillColor('#555').text(`${d.regionName} · ${domain} · ${d.catalogueItem.name}`, left + corner + 8, top0, { width: inner, align: 'center' });
  doc.moveDown(0.6).fontSize(19).fillColor('#000').text(d.title, left + corner + 8, doc.y, { width: inner, align: 'center' });
  doc.y = Math.max(doc.y, top0 + corner - 16);
  doc.moveDown(0.5);
  const period = postingPeriod(d);
  if (period) paragraph(doc, `公示期：${period}`, { size: 12, align: 'center' });
  doc.moveDown(0.6);

  for (const p of flattenBody(d.body, d.bodyFormat)) {
    paragraph(doc, p, { size: 11, indent: true });
    doc.moveDown(0.35);
  }
  drawTables(doc, d.tables);
  if (d.attachments.length) {
    heading(doc, '附件', 11.5);
    for (const a of d.attachments) paragraph(doc, `${a.name}（可扫码在线查看）`);
  }
  if (d.contact) {
    doc.moveDown(0.5);
    paragraph(doc, `联系方式：${d.contact}`);
  }
  doc.moveDown(1);
  paragraph(doc, d.publisher, { align: 'right', size: 11 });
  paragraph(doc, chineseDate(d.publishedAt), { align: 'right', size: 11 });

  // The verification block: QR code, links, version and hash; kept together on one page.
  ensureSpace(doc, 150);
  doc.moveDown(1);
  const top = doc.y;
  const qrSize = 110;
  doc.lineWidth(0.5).rect(left, top, width, qrSize + 16).stroke('#888');
  doc.image(qr, left + width - qrSize - 8, top + 8, { width: qrSize, height: qrSize });
  const textWidth = width - qrSize - 28;
  doc.font(CJK).fontSize(10).fillColor('#000').text('微信扫一扫：查看详情、提问、关注更新', left + 10, top + 10, { width: textWidth });
  doc.fontSize(8.5).fillColor('#333');
  doc.text(`小程序页面：${links.miniProgram}`, { width: textWidth });
  doc.text(`网页：${links.h5}`, { width: textWidth });
  doc.text(`版本：第 ${d.version} 版（${chineseDate(d.publishedAt)}发布）  版本哈希（SHA-256）：`, { width: textWidth });
  doc.font('Courier').fontSize(7).text(d.hash, { width: textWidth, lineBreak: false });
  doc.font(CJK).fontSize(8).fillColor('#555').text(`核验：${links.verify}`, left + 10, doc.y + 4, { width: textWidth });
  doc.y = top + qrSize + 24;
  doc.x = left;
  pageNumbers(doc, `${d.regionName} · ${d.title}`.slice(0, 40));
  return pdfBytes(doc);
}
