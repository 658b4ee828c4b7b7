import type { BodyFormat } from '@gongkai/shared';

/*
 * Plain text from a disclosure body for print and feeds. Bodies are plain text or rich text already sanitized
 * by the disclosures module (an allow-list of p, br, lists, headings, blockquote, hr, simple tables, links), so
 * a tag scan is enough here: block elements become line breaks, list items get bullets or numbers, table
 * cells are joined with " | ", a link keeps its text and shows its address, entities are decoded.
 */

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', middot: '·', mdash: '—', ldquo: '“', rdquo: '”', hellip: '…' };

/** Decodes HTML entities (named ones in common use and every numeric one). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

const BLOCKS = /^(p|h[1-6]|blockquote|div|table)$/;

/** The body as paragraphs of plain text (empty paragraphs dropped). */
export function flattenBody(body: string, format: BodyFormat): string[] {
  if (format !== 'html') return splitParagraphs(body);
  const lists: Array<{ ordered: boolean; n: number }> = [];
  let out = '';
  let href: string | undefined;
  let linkText = '';
  let rowCells = 0;
  /** A line break, unless the text already ends a line. */
  const nl = () => {
    if (out && !out.endsWith('\n')) out += '\n';
  };
  const re = /<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[4] !== undefined) {
      const text = decodeEntities(m[4]).replace(/\s*\n\s*/g, ' ');
      if (href !== undefined) linkText += text;
      else out += text;
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    if (tag === 'br') out += '\n';
    else if (tag === 'hr') {
      nl();
      out += '————\n';
    } else if (tag === 'ul' || tag === 'ol') {
      if (closing) lists.pop();
      else lists.push({ ordered: tag === 'ol', n: 0 });
      nl();
      if (closing && !lists.length) out += '\n';
    } else if (tag === 'li') {
      if (closing) nl();
      else {
        const l = lists[lists.length - 1];
        const indent = '  '.repeat(Math.max(0, lists.length - 1));
        out += l?.ordered ? `${indent}${(l.n += 1)}. ` : `${indent}• `;
      }
    } else if (tag === 'tr') {
      nl();
      rowCells = 0;
    } else if ((tag === 'td' || tag === 'th') && !closing) {
      if (rowCells++ > 0) out += ' | ';
    } else if (tag === 'a') {
      if (!closing) {
        href = /href="([^"]*)"/i.exec(m[3])?.[1];
        href = href === undefined ? '' : decodeEntities(href);
        linkText = '';
      } else {
        out += href && href !== linkText.trim() && !/^(mailto|tel):/i.test(href) ? `${linkText}（${href}）` : linkText;
        href = undefined;
      }
    } else if (BLOCKS.test(tag)) {
      nl();
      if (closing) out += '\n';
    }
  }
  if (href !== undefined) out += linkText;
  return splitParagraphs(out);
}

function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.replace(/[ \t]+$/g, ''))
        .filter((l) => l.trim() !== '')
        .join('\n'),
    )
    .filter((p) => p.trim() !== '');
}

/** A short plain summary (first characters of the flattened body). */
export function summaryOf(paragraphs: string[], max = 140): string {
  const s = paragraphs.join(' ').replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
