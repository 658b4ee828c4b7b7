import fs from 'fs';
import path from 'path';
import { parentCode, regionLevel, type RegionLevel } from '@gongkai/shared';
import { findRepoRoot } from '../../paths';

/** One region of the generated data file (see docs/regions.md). */
export interface RegionRow {
  /** NBS 2023 code: 2, 4, 6, 9 or 12 digits. */
  code: string;
  /** Name as published by NBS (e.g. 古庄村委会). */
  name: string;
  /** Name shown to residents, without committee noise (e.g. 古庄村). Equals `name` above village level. */
  displayName: string;
  /** Toneless full pinyin of `displayName`, lowercase, no separators (ü as v), e.g. ouhaiqu. */
  pinyin: string;
  /** First letters of the pinyin syllables of `displayName`, e.g. ohq. */
  initials: string;
  level: RegionLevel;
  /** Code of the parent region, or null for the province. */
  parentCode: string | null;
}

/** Path of the committed Zhejiang file, server/data/regions-zhejiang.tsv, found from the repo root. */
export function defaultRegionsFile(): string {
  return path.join(findRepoRoot(), 'server', 'data', 'regions-zhejiang.tsv');
}

const PINYIN_COLUMN = /^(?:[A-Z][a-z]*)*$/;

/**
 * Decodes the display column: empty means the name itself, a number n the first n characters of the name,
 * anything else is the display name written out.
 */
function decodeDisplay(name: string, display: string, where: string): string {
  if (display === '') return name;
  if (!/^\d+$/.test(display)) return display;
  const chars = Array.from(name);
  const n = Number(display);
  if (n < 1 || n > chars.length) throw new Error(`${where}: display length ${n} does not fit name ${name}`);
  return chars.slice(0, n).join('');
}

/**
 * Parses the region file text (lines starting with '#' are comments). Throws on a malformed line, naming it.
 * @param where label used in error messages (usually the file path)
 */
export function parseRegionRows(text: string, where = 'regions'): RegionRow[] {
  const rows: RegionRow[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line === '' || line.startsWith('#')) return;
    const at = `${where}:${i + 1}`;
    const cols = line.split('\t');
    if (cols.length !== 4) throw new Error(`${at}: expected 4 tab-separated columns, got ${cols.length}`);
    const [code, name, display, pinyinCol] = cols;
    const level = regionLevel(code);
    if (!level) throw new Error(`${at}: malformed region code ${JSON.stringify(code)}`);
    if (!name) throw new Error(`${at}: empty name`);
    if (!PINYIN_COLUMN.test(pinyinCol)) throw new Error(`${at}: malformed pinyin ${JSON.stringify(pinyinCol)}`);
    rows.push({
      code,
      name,
      displayName: decodeDisplay(name, display, at),
      pinyin: pinyinCol.toLowerCase(),
      initials: pinyinCol.replace(/[^A-Z]/g, '').toLowerCase(),
      level,
      parentCode: parentCode(code),
    });
  });
  return rows;
}

/**
 * Reads every region of the data file, in code order (parents before their children).
 * @param file path of the TSV; defaults to the committed server/data/regions-zhejiang.tsv
 */
export function loadRegionRows(file: string = defaultRegionsFile()): RegionRow[] {
  return parseRegionRows(fs.readFileSync(file, 'utf8'), file);
}
