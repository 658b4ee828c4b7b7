import zlib from 'zlib';
import jsQR from 'jsqr';

/*
 * Test helpers for generated PDFs (channels and reports tests only): the text as a PDF reader extracts it
 * (pdf-parse, i.e. Mozilla's pdf.js), and the images embedded in the file, decoded to pixels, so a test can
 * read the QR code that is really printed.
 */

// pdf-parse's index runs a self-test when it has no parent module (as under jest); its library entry does not.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (b: Buffer) => Promise<{ text: string; numpages: number }>;

/** The text of a PDF as a reader extracts it, and its page count. */
export async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const r = await pdfParse(pdf);
  return { text: r.text, pages: r.numpages };
}

/** An image XObject of a PDF, decoded to RGBA. */
export interface PdfImage {
  width: number;
  height: number;
  colorSpace: string;
  rgba: Uint8ClampedArray;
}

const num = (dict: string, key: string) => Number(new RegExp(`/${key}\\s+(\\d+)`).exec(dict)?.[1]);

/** Undoes the PNG row filters (DecodeParms /Predictor >= 10). */
function unpredict(data: Buffer, width: number, channels: number, bpc: number): Buffer {
  const bpp = Math.max(1, (channels * bpc) / 8);
  const stride = Math.ceil((width * channels * bpc) / 8);
  const rows = data.length / (stride + 1);
  const out = Buffer.alloc(rows * stride);
  for (let y = 0; y < rows; y++) {
    const type = data[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const raw = data[y * (stride + 1) + 1 + x];
      const a = x >= bpp ? out[y * stride + x - bpp] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][type] ?? 0;
      out[y * stride + x] = (raw + pred) & 0xff;
    }
  }
  return out;
}

/**
 * Every image XObject of a PDF written by pdfkit (uncompressed object dictionaries, Flate-compressed
 * streams with direct lengths), decoded to RGBA.
 */
export function pdfImages(pdf: Buffer): PdfImage[] {
  const s = pdf.toString('latin1');
  const out: PdfImage[] = [];
  const re = /\d+ 0 obj\s*<<([\s\S]*?)>>\s*stream\r?\n/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const dict = m[1];
    if (!/\/Subtype\s*\/Image/.test(dict)) continue;
    const width = num(dict, 'Width');
    const height = num(dict, 'Height');
    const length = num(dict, 'Length');
    const bpc = num(dict, 'BitsPerComponent') || 8;
    const colorSpace = /\/ColorSpace\s*\/(\w+)/.exec(dict)?.[1] ?? 'DeviceRGB';
    const channels = colorSpace === 'DeviceGray' ? 1 : 3;
    const start = m.index + m[0].length;
    let data: Buffer = pdf.subarray(start, start + length);
    if (/\/FlateDecode/.test(dict)) data = zlib.inflateSync(data);
    if ((num(dict, 'Predictor') || 0) >= 10) data = unpredict(data, width, channels, bpc);
    if (bpc !== 8) continue;
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      const [r, g, b] = channels === 1 ? [data[i], data[i], data[i]] : [data[i * 3], data[i * 3 + 1], data[i * 3 + 2]];
      rgba.set([r, g, b, 255], i * 4);
    }
    out.push({ width, height, colorSpace, rgba });
  }
  return out;
}

/** The payloads of the QR codes found in a PDF's images. */
export function pdfQrPayloads(pdf: Buffer): string[] {
  return pdfImages(pdf)
    .map((img) => jsQR(img.rgba, img.width, img.height)?.data)
    .filter((x): x is string => typeof x === 'string');
}

/** The text with all whitespace removed (PDF extraction breaks lines where the layout wrapped them). */
export const squeeze = (s: string) => s.replace(/\s+/g, '');
