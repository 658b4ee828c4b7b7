import PDFDocument from 'pdfkit';
import { requireCjkFont } from './font';

/*
 * Small layout helpers over pdfkit shared by the bulletin-board notice and the quarterly report: an A4
 * document with the CJK font embedded (font.ts), headings, paragraphs, tables with wrapped cells that break
 * across pages (repeating the header row), page numbers, and the finished bytes.
 */

export type Pdf = PDFKit.PDFDocument;

/** The embedded CJK font's name inside a document. */
export const CJK = 'cjk';

/** A new A4 document (portrait unless asked) with the CJK font registered and selected. */
export function newPdf(info: { title: string; subject?: string; author?: string }, layout: 'portrait' | 'landscape' = 'portrait'): Pdf {
  const font = requireCjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    layout,
    margins: { top: 56, bottom: 56, left: 50, right: 50 },
    bufferPages: true,
    info: { Title: info.title, Subject: info.subject ?? '', Author: info.author ?? 'Gongkai 基层政务公开平台', Creator: 'Gongkai' },
  });
  doc.registerFont(CJK, font.path, font.family);
  doc.font(CJK);
  return doc;
}

/** Ends the document and resolves with its bytes. */
export function pdfBytes(doc: Pdf): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Width between the margins. */
export const contentWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottomOf = (doc: Pdf) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page when less than `needed` points are left. */
export function ensureSpace(doc: Pdf, needed: number): void {
  if (doc.y + needed > bottomOf(doc)) doc.addPage();
}

/** A section heading (一、…). */
export function heading(doc: Pdf, text: string, size = 13): void {
  ensureSpace(doc, size * 3);
  doc.moveDown(0.6).font(CJK).fontSize(size).fillColor('#000').text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

/** A paragraph of body text. */
export function paragraph(doc: Pdf, text: string, opts: { size?: number; align?: 'left' | 'center' | 'right' | 'justify'; color?: string; indent?: boolean } = {}): void {
  const size = opts.size ?? 10.5;
  doc.font(CJK).fontSize(size).fillColor(opts.color ?? '#000');
  doc.text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc), align: opts.align ?? 'left', lineGap: 2, indent: opts.indent ? size * 2 : 0 });
}

/** A table column: header text, relative width, alignment. */
export interface PdfColumn {
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** Longest text put in one cell (a cell taller than a page could not be laid out). */
const MAX_CELL_CHARS = 800;

/**
 * Draws a table from the current position: a shaded header row, then the rows; every cell wraps, and a row
 * that does not fit starts a new page where the header is drawn again.
 */
export function table(doc: Pdf, columns: PdfColumn[], rows: string[][], opts: { size?: number } = {}): void {
  const size = opts.size ?? 9;
  const pad = 3;
  const left = doc.page.margins.left;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * contentWidth(doc));
  const cell = (s: string) => (s.length > MAX_CELL_CHARS ? `${s.slice(0, MAX_CELL_CHARS)}……` : s);
  doc.font(CJK).fontSize(size);
  const heightOf = (cells: string[]) =>
    Math.max(size + 2 * pad, ...cells.map((t, i) => doc.heightOfString(cell(t) || ' ', { width: widths[i] - 2 * pad, lineGap: 1 }) + 2 * pad));
  const drawRow = (cells: string[], y: number, h: number, header: boolean) => {
    let x = left;
    cells.forEach((t, i) => {
      if (header) doc.rect(x, y, widths[i], h).fillAndStroke('#eef1f5', '#555');
      else doc.rect(x, y, widths[i], h).stroke('#555');
      doc.fillColor('#000').text(cell(t), x + pad, y + pad, { width: widths[i] - 2 * pad, align: header ? 'center' : (columns[i].align ?? 'left'), lineGap: 1 });
      x += widths[i];
    });
  };
  const headers = columns.map((c) => c.header);
  const headerH = heightOf(headers);
  let y = doc.y;
  if (y + headerH * 2 > bottomOf(doc)) {
    doc.addPage();
    y = doc.y;
  }
  doc.lineWidth(0.5);
  drawRow(headers, y, headerH, true);
  y += headerH;
  for (const r of rows) {
    const h = heightOf(r);
    if (y + h > bottomOf(doc)) {
      doc.addPage();
      y = doc.page.margins.top;
      drawRow(headers, y, headerH, true);
      y += headerH;
    }
    drawRow(r, y, h, false);
    y += h;
  }
  doc.x = left;
  doc.y = y + 4;
}

/** Writes `第 n / N 页` (and an optional note) at the foot of every page. */
export function pageNumbers(doc: Pdf, note = ''): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not add a page
    doc.font(CJK).fontSize(8).fillColor('#666');
    const text = `${note ? `${note}    ` : ''}第 ${i + 1 - range.start} / ${range.count} 页`;
    doc.text(text, doc.page.margins.left, doc.page.height - 36, { width: contentWidth(doc), align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
