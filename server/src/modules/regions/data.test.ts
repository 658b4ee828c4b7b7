import { PILOT_COUNTIES, REGION_LEVELS } from '@gongkai/shared';
import { loadRegionRows, parseRegionRows, type RegionRow } from './data';

describe('regions data file (server/data/regions-zhejiang.tsv)', () => {
  let rows: RegionRow[];
  let byCode: Map<string, RegionRow>;

  beforeAll(() => {
    rows = loadRegionRows();
    byCode = new Map(rows.map((r) => [r.code, r]));
  });

  it('has Zhejiang 2023 counts per level and unique codes', () => {
    const counts = Object.fromEntries(REGION_LEVELS.map((l) => [l, rows.filter((r) => r.level === l).length]));
    expect(counts).toEqual({ province: 1, city: 11, county: 90, township: 1387, village: 25547 });
    expect(byCode.size).toBe(rows.length);
    expect(rows.every((r) => r.code.startsWith('33'))).toBe(true);
  });

  it('has the parent of every non-province region, listed before it', () => {
    const seen = new Set<string>();
    const orphans: string[] = [];
    for (const r of rows) {
      if (r.level === 'province') expect(r.parentCode).toBeNull();
      else if (!r.parentCode || !seen.has(r.parentCode)) orphans.push(r.code);
      seen.add(r.code);
    }
    expect(orphans).toEqual([]);
  });

  it('has 瓯海区 with its pinyin and initials, and every pilot county', () => {
    expect(byCode.get('330304')).toEqual({
      code: '330304',
      name: '瓯海区',
      displayName: '瓯海区',
      pinyin: 'ouhaiqu',
      initials: 'ohq',
      level: 'county',
      parentCode: '3303',
    });
    const pilots = PILOT_COUNTIES.map((c) => `${byCode.get(c)?.displayName} ${byCode.get(c)?.pinyin} ${byCode.get(c)?.initials}`);
    expect(pilots).toEqual([
      '拱墅区 gongshuqu gsq',
      '江北区 jiangbeiqu jbq',
      '瓯海区 ouhaiqu ohq',
      '嘉善县 jiashanxian jsx',
      '义乌市 yiwushi yws',
      '江山市 jiangshanshi jss',
      '临海市 linhaishi lhs',
    ]);
    expect(byCode.get('330382')?.pinyin).toBe('yueqingshi'); // 乐清, not "leqing"
  });

  it('strips committee noise from village display names and keeps the published name', () => {
    const committee = rows.find((r) => r.level === 'village' && /[^村]村委会$/.test(r.name));
    expect(committee).toBeDefined();
    expect(committee!.displayName).toBe(committee!.name.replace(/委会$/, ''));
    // Real rows of each rule, as published by NBS 2023.
    expect(byCode.get('330127100219')).toMatchObject({ name: '富城村村民委员会', displayName: '富城村' });
    expect(byCode.get('330783005006')).toMatchObject({ name: '夏渠社区居委会', displayName: '夏渠社区' });
    expect(byCode.get('330182003004')).toMatchObject({ name: '邓家居委会', displayName: '邓家社区', initials: 'djsq' });
    expect(byCode.get('331121219221')).toMatchObject({ name: '周垟村村委员会', displayName: '周垟村' });
    const noisy = rows.filter((r) => /(委会|委员会)$/.test(r.displayName));
    expect(noisy.map((r) => r.name)).toEqual([]);
    expect(rows.every((r) => r.displayName.length > 0 && /^[a-z]+$/.test(r.pinyin))).toBe(true);
    expect(rows.filter((r) => r.level !== 'village' && r.displayName !== r.name)).toEqual([]);
  });

  it('rejects malformed lines with their line number', () => {
    expect(parseRegionRows('# c\n3303\t温州市\t\tWenZhouShi\n', 'x')).toHaveLength(1);
    expect(() => parseRegionRows('# c\n33030\t温州市\t\tWenZhouShi\n', 'x')).toThrow('x:2: malformed region code');
    expect(() => parseRegionRows('3303\t温州市\tWenZhouShi\n', 'x')).toThrow('x:1: expected 4');
    expect(() => parseRegionRows('330304001201\t古庄村委会\t9\tGuZhuangCun\n', 'x')).toThrow('x:1: display length 9');
  });
});
