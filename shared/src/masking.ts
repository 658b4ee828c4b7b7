/*
 * Privacy masking (个人信息去标识化) of published disclosures. The server applies these functions when a
 * version is published, and the admin console's preview uses the same code, so officials see exactly what
 * residents will see. Nothing unmasked ever leaves the server to a resident.
 *
 * Two layers:
 *  1. Columns an official marked `pii` are masked by kind (see `maskPii`), whatever their content.
 *  2. Detection: any text (table cells, titles, body) that looks like a mainland ID number (18 digits with a
 *     valid birth date, last char digit or X; or the old 15-digit form), a mobile number (1[3-9] + 9 digits,
 *     optionally +86 and spaces/hyphens) or a bank card number (16–19 digits, optionally in groups of 4) is
 *     masked in place. Names and addresses cannot be detected reliably in free text: they are masked only in
 *     columns marked `name` / `address`.
 *
 * Rules (decided here, documented for officials):
 *  - ID number: first 6 (region) and last 4 kept: `330304********1234` (15-digit: `330304*****1234`).
 *  - Mobile: first 3 and last 4 kept: `138****5678`.
 *  - Bank account / card: only the last 4 kept: `************1234` (one `*` per hidden digit).
 *  - Name: the surname kept, every other character `*`: `张*`, `张**`, `欧阳*` (compound surnames of 3+
 *    character names are kept whole). A one-character value becomes `*`.
 *  - Address: kept up to the road / village / township (the last 路 街 巷 弄 道 村 社区 镇 乡 before any
 *    house number), the rest replaced by `****`; with no such marker only the first 6 characters are kept.
 */

/** Kinds of personal data a table column may be marked with. */
export type PiiKind = 'id-number' | 'phone' | 'name' | 'bank-account' | 'address';

/** A table cell value. */
export type CellValue = string | number | boolean | null;

/** `pii` kinds suggested by a column label, most specific first (户主身份证号 is an ID number, not a name). */
const PII_LABEL_RULES: ReadonlyArray<[RegExp, PiiKind]> = [
  [/身份证|证件号|身份号码/, 'id-number'],
  [/银行|账号|帐号|卡号/, 'bank-account'],
  [/电话|手机|联系方式|联系号码/, 'phone'],
  [/地址|住址|住所/, 'address'],
  [/姓名|户主|户名|名字/, 'name'],
];

/** The personal-data kind a table column's label suggests, if any (the xlsx import and the table editor). */
export function piiKindFromLabel(label: string): PiiKind | undefined {
  return PII_LABEL_RULES.find(([re]) => re.test(label))?.[1];
}

const DATE = '(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';
/** 18-digit resident ID: 6 region digits, birth date 18xx–20xx, 3 sequence digits, check digit or X. */
const ID18 = `[1-9]\\d{5}(?:18|19|20)\\d{2}${DATE}\\d{3}[\\dXx]`;
/** Old 15-digit ID: 6 region digits, 2-digit year, date, 3 sequence digits. */
const ID15 = `[1-9]\\d{5}\\d{2}${DATE}\\d{3}`;
/** A mainland mobile number, optionally with +86 and separators (138 1234 5678, 138-1234-5678). */
const MOBILE = '(?:\\+?86[ -]?)?1[3-9]\\d(?:[ -]?\\d{4}){2}';
/** A bank card: 16–19 digits in one run, or groups of 4 separated by spaces/hyphens. */
const CARD = '\\d{16,19}|\\d{4}(?:[ -]\\d{4}){3}(?:[ -]\\d{1,3})?';

/**
 * One pass finds every kind; the lookarounds keep a match from starting or ending inside a longer run of
 * digits or letters (an order number like 2025100112345678901234 is not cut into an ID number).
 */
const DETECT = new RegExp(
  `(?<![0-9A-Za-z])(?:(?<id18>${ID18})|(?<card>${CARD})|(?<id15>${ID15})|(?<mobile>${MOBILE}))(?![0-9A-Za-z])`,
  'g',
);

const digitsOf = (s: string) => s.replace(/[^\dXx]/g, '');
const stars = (n: number) => '*'.repeat(Math.max(0, n));

/** `330304199001011234` → `330304********1234`; works for 15 and 18 characters (spaces ignored). */
export function maskIdNumber(value: string): string {
  const d = digitsOf(value).toUpperCase();
  if (d.length <= 4) return stars(d.length || value.length);
  if (d.length <= 10) return `${stars(d.length - 4)}${d.slice(-4)}`;
  return `${d.slice(0, 6)}${stars(d.length - 10)}${d.slice(-4)}`;
}

/** `13812345678` (or `+86 138-1234-5678`) → `138****5678`; other numbers keep their last 4 only. */
export function maskPhone(value: string): string {
  let d = value.replace(/\D/g, '');
  if (d.length === 13 && d.startsWith('86')) d = d.slice(2);
  if (d.length === 11) return `${d.slice(0, 3)}****${d.slice(-4)}`;
  if (d.length <= 4) return stars(d.length || value.length);
  return `${stars(d.length - 4)}${d.slice(-4)}`;
}

/** `6222021234567890123` → `***************0123` (only the last 4 digits kept). */
export function maskBankAccount(value: string): string {
  const d = value.replace(/\D/g, '');
  if (d.length <= 4) return stars(d.length || value.length);
  return `${stars(d.length - 4)}${d.slice(-4)}`;
}

/** Compound surnames kept whole in names of 3+ characters (欧阳修 → 欧阳*). */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕',
  '令狐', '端木', '独孤', '南宫', '西门', '呼延', '万俟', '闻人', '澹台', '公冶', '宗政', '濮阳', '太叔', '申屠',
  '钟离', '赫连', '拓跋', '百里', '东郭', '第五',
];

/** `张三` → `张*`, `张小明` → `张**`, `欧阳修` → `欧阳*`, `欧阳` → `欧*`. */
export function maskName(value: string): string {
  const chars = [...value.trim()];
  if (chars.length <= 1) return stars(chars.length || 1);
  const keep = chars.length >= 3 && COMPOUND_SURNAMES.includes(chars.slice(0, 2).join('')) ? 2 : 1;
  return chars.slice(0, keep).join('') + stars(chars.length - keep);
}

const ADDRESS_MARKERS = /(街道|大道|路|街|巷|弄|村|社区|镇|乡)/g;

/**
 * `温州市瓯海区景山街道府东路123号5幢301室` → `温州市瓯海区景山街道府东路****`: kept up to the last road,
 * village or township marker that comes before the first digit; the rest becomes `****`.
 */
export function maskAddress(value: string): string {
  const v = value.trim();
  if (!v) return v;
  const firstDigit = v.search(/[0-9０-９一二三四五六七八九十百]+[号幢栋室单元组]/);
  const head = firstDigit >= 0 ? v.slice(0, firstDigit) : v;
  let cut = -1;
  for (const m of head.matchAll(ADDRESS_MARKERS)) cut = (m.index ?? 0) + m[0].length;
  // Only a road, village or township named: nothing more precise to hide.
  if (cut >= v.length) return v;
  if (cut <= 0) cut = Math.min(6, Math.max(1, Math.floor(v.length / 2)));
  return `${v.slice(0, cut)}****`;
}

/** Masks a value of a column marked `kind` (numbers and booleans are read as text; null stays null). */
export function maskPii(kind: PiiKind, value: CellValue): CellValue {
  if (value === null || value === '') return value;
  const s = String(value);
  switch (kind) {
    case 'id-number':
      return maskIdNumber(s);
    case 'phone':
      return maskPhone(s);
    case 'bank-account':
      return maskBankAccount(s);
    case 'name':
      return maskName(s);
    case 'address':
      return maskAddress(s);
  }
}

/** The result of masking free text: the text and whether anything was found. */
export interface MaskedText {
  text: string;
  found: boolean;
}

/** Masks every ID number, mobile number and bank card found in `text` (see the module comment). */
export function maskTextDetailed(text: string): MaskedText {
  let found = false;
  const out = text.replace(DETECT, (match, ...args) => {
    const groups = args[args.length - 1] as Record<string, string | undefined>;
    found = true;
    if (groups.id18 || groups.id15) return maskIdNumber(match);
    if (groups.mobile) return maskPhone(match);
    return maskBankAccount(match);
  });
  return { text: out, found };
}

/** Masks every ID number, mobile number and bank card found in `text`. */
export function maskText(text: string): string {
  return maskTextDetailed(text).text;
}

/** True when the text contains something that looks like an ID, mobile or bank card number. */
export function containsPii(text: string): boolean {
  return maskTextDetailed(text).found;
}

/** A table as authored (the shape of the disclosures schema's `tables` entries). */
export interface MaskableTable {
  title: string;
  columns: Array<{ key: string; label: string; pii?: PiiKind }>;
  rows: Array<Record<string, CellValue>>;
}

/** A table as residents see it, plus whether it holds personal data. */
export interface MaskedTable extends MaskableTable {
  /**
   * True when a column is marked `pii` or detection masked any cell: such a table is hidden from the public
   * once the disclosure's posting period (`validTo`) has passed.
   */
  personal: boolean;
}

/**
 * The public form of a table: `pii` columns masked by kind, every other string or number cell passed
 * through detection, the title and labels through detection too. Row objects keep only the declared columns.
 */
export function maskTable(table: MaskableTable): MaskedTable {
  let personal = table.columns.some((c) => !!c.pii);
  const rows = table.rows.map((row) => {
    const out: Record<string, CellValue> = {};
    for (const col of table.columns) {
      if (!(col.key in row)) continue;
      const v = row[col.key];
      if (col.pii) {
        out[col.key] = maskPii(col.pii, v);
      } else if (typeof v === 'string' || typeof v === 'number') {
        const m = maskTextDetailed(String(v));
        if (m.found) personal = true;
        out[col.key] = m.found ? m.text : v;
      } else {
        out[col.key] = v;
      }
    }
    return out;
  });
  const title = maskTextDetailed(table.title);
  const columns = table.columns.map((c) => ({ ...c, label: maskText(c.label) }));
  return { title: title.text, columns, rows, personal: personal || title.found };
}
