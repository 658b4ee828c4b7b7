import type { CatalogueCreateBody } from '@gongkai/shared';
import { RegionDirectory, type RegionRecord } from '../regions/directory';

/*
 * Test helpers of the catalogue module (used by its *.test.ts files only): a small real region tree, so
 * the tests need not seed all 27k regions, and a valid local item body.
 */

const ROWS: Array<[string, string, RegionRecord['level']]> = [
  ['33', '浙江省', 'province'],
  ['3303', '温州市', 'city'],
  ['330304', '瓯海区', 'county'],
  ['330304001', '景山街道', 'township'],
  ['330304001002', '繁荣社区', 'village'],
  ['3308', '衢州市', 'city'],
  ['330881', '江山市', 'county'],
  ['330881001', '双塔街道', 'township'],
  ['330881001001', '民声社区', 'village'],
];

/** The regions the catalogue tests use: 瓯海区 and 江山市 with one township and one village each. */
export function testRegions(): RegionDirectory {
  const parent = (code: string) => (code.length === 2 ? null : code.slice(0, code.length === 12 ? 9 : code.length === 9 ? 6 : code.length - 2));
  const records: RegionRecord[] = ROWS.map(([code, name, level]) => ({
    code,
    name,
    displayName: name,
    level,
    parentCode: parent(code),
    pinyin: '',
    initials: '',
    childCount: ROWS.filter(([c]) => parent(c) === code).length,
  }));
  return RegionDirectory.fromRecords(records);
}

/** A complete, valid local item for `regionCode`. */
export function localItem(regionCode: string, overrides: Partial<CatalogueCreateBody> = {}): CatalogueCreateBody {
  return {
    regionCode,
    domain: 'land-acquisition',
    category: '征地补偿款发放',
    name: '村级征地补偿款分配方案',
    contentElements: ['分配对象', '分配标准', '分配金额', '村民代表会议表决情况'],
    basis: ['《中华人民共和国村民委员会组织法》第二十四条'],
    timeLimit: { text: '信息形成或者变更之日起20个工作日内', workingDays: 20 },
    publisher: '村（居）民委员会',
    channels: ['bulletin-board', 'other'],
    otherChannel: '村务公开微信群',
    audience: 'specific',
    audienceNote: '本村集体经济组织成员',
    mode: 'proactive',
    levels: ['village'],
    stages: ['execution', 'result'],
    ...overrides,
  };
}
