import { parentCode, regionLevel } from '@gongkai/shared';
import { loadRegionRows } from './data';
import { normalizeRegionQuery, RegionDirectory, type RegionRecord } from './directory';
import { toRegionRecords } from './seed';

/** A record from a code, names and pinyin syllables (initials derived), for small hand-made trees. */
function rec(code: string, name: string, syllables: string[], displayName = name): RegionRecord {
  return {
    code,
    name,
    displayName,
    level: regionLevel(code)!,
    parentCode: parentCode(code),
    pinyin: syllables.join(''),
    initials: syllables.map((s) => s[0]).join(''),
    childCount: 0,
  };
}

const small = RegionDirectory.fromRecords([
  rec('330881101201', '江山村委会', ['jiang', 'shan', 'cun'], '江山村'),
  rec('33', '浙江省', ['zhe', 'jiang', 'sheng']),
  rec('3308', '衢州市', ['qu', 'zhou', 'shi']),
  rec('330881', '江山市', ['jiang', 'shan', 'shi']),
  rec('330881101', '大江山镇', ['da', 'jiang', 'shan', 'zhen']),
  rec('330881101202', '江山', ['jiang', 'shan']),
  rec('330881101203', '大江山村', ['da', 'jiang', 'shan', 'cun']),
  rec('3303', '温州市', ['wen', 'zhou', 'shi']),
  rec('330304', '瓯海区', ['ou', 'hai', 'qu']),
  rec('330304001', '江山街道', ['jiang', 'shan', 'jie', 'dao']),
  rec('330304001001', '邓家居委会', ['deng', 'jia', 'she', 'qu'], '邓家社区'),
]);
const codesOf = (q: string, opts?: Parameters<RegionDirectory['search']>[1]) => small.search(q, opts).map((h) => h.code);

describe('RegionDirectory.search ranking', () => {
  it('puts an exact match first whatever its level, then prefixes by level, then substrings by level', () => {
    expect(codesOf('江山')).toEqual([
      '330881101202', // 江山: exact (village)
      '330881', // 江山市: prefix, county
      '330304001', // 江山街道: prefix, township
      '330881101201', // 江山村: prefix, village
      '330881101', // 大江山镇: substring, township
      '330881101203', // 大江山村: substring, village
    ]);
  });

  it('ranks full-pinyin and initials matches the same way, initials substrings last', () => {
    expect(codesOf('jiangshan')).toEqual(['330881101202', '330881', '330304001', '330881101201', '330881101', '330881101203']);
    expect(codesOf('ohq')).toEqual(['330304']);
    expect(codesOf('jss')[0]).toBe('330881'); // 江山市 jss exact initials
    expect(codesOf('hq')).toEqual(['330304']); // ohq: initials substring
    expect(codesOf('shi')).toEqual(['3303', '3308', '330881']); // pinyin substrings, cities first
  });

  it('normalizes case, full-width letters, spaces, apostrophes and ü', () => {
    expect(normalizeRegionQuery(' Jiang Shan ')).toBe('jiangshan');
    expect(normalizeRegionQuery('ＯＨＱ')).toBe('ohq');
    expect(normalizeRegionQuery("xi'an")).toBe('xian');
    expect(normalizeRegionQuery('lü')).toBe('lv');
    expect(codesOf('Ou Hai')).toEqual(['330304']);
  });

  it('matches the display name and the published name', () => {
    expect(codesOf('邓家社区')).toEqual(['330304001001']);
    expect(codesOf('居委会')).toEqual(['330304001001']);
    expect(codesOf('江山村委会')).toEqual(['330881101201']);
    expect(codesOf('山村委')).toEqual(['330881101201']);
  });

  it('filters by subtree (the region itself included) and by level, and honours limit', () => {
    expect(codesOf('jiangshan', { within: '330881101' })).toEqual(['330881101202', '330881101201', '330881101', '330881101203']);
    expect(codesOf('jiangshan', { within: '3303' })).toEqual(['330304001']);
    expect(codesOf('jiangshan', { level: 'village' })).toEqual(['330881101202', '330881101201', '330881101203']);
    expect(codesOf('jiangshan', { limit: 2 })).toEqual(['330881101202', '330881']);
    expect(codesOf('3308')).toEqual(['3308', '330881', '330881101', '330881101201', '330881101202', '330881101203']);
  });

  it('answers nothing for a query that normalizes to nothing', () => {
    expect(small.search('  ')).toEqual([]);
    expect(small.search("'")).toEqual([]);
  });
});

describe('RegionDirectory lookups', () => {
  it('gives a region with its path and undefined for an unknown code', () => {
    expect(small.get('330304001001')?.path.map((p) => p.code)).toEqual(['33', '3303', '330304', '330304001', '330304001001']);
    expect(small.get('330304001001')).toMatchObject({ name: '邓家居委会', displayName: '邓家社区', parentCode: '330304001' });
    expect(small.get('339999')).toBeUndefined();
    expect(small.children('339999')).toBeUndefined();
    expect(small.children('330881101')?.map((c) => c.code)).toEqual(['330881101201', '330881101202', '330881101203']);
  });

  it('hands out copies: changing a result does not change the directory', () => {
    const r = small.get('330304')!;
    r.path.push({ code: 'x', name: 'x', displayName: 'x', level: 'village' });
    expect(small.get('330304')!.path).toHaveLength(3);
    expect(() => {
      (small.get('330304')!.path[0] as { name: string }).name = 'changed';
    }).toThrow();
  });
});

describe('RegionDirectory over the full Zhejiang file', () => {
  const full = RegionDirectory.fromRecords(toRegionRecords(loadRegionRows()));

  it('counts the regions per level and searches across all villages', () => {
    expect(full.counts()).toEqual({ province: 1, city: 11, county: 90, township: 1387, village: 25547 });
    // Speed is shown by bench/regions-search.ts (docs/benchmarks.md), not asserted here.
    expect(full.search('jiangshan')[0]).toMatchObject({ code: '330881', name: '江山市' });
    expect(full.search('ohq')[0]).toMatchObject({ code: '330304' });
    expect(full.search('村', { limit: 50 })).toHaveLength(50);
  });
});
