import Taro from '@tarojs/taro';
import type { RegionRef } from '@gongkai/shared';
import { resetApp } from '../../test/reset';
import {
  addVillage,
  MAX_VILLAGES,
  pullVillages,
  reloadVillages,
  removeVillage,
  selectVillage,
  setVillageSync,
  villagesStore,
  type VillageSource,
} from './villages';

const township: RegionRef[] = [
  { code: '33', name: '浙江省', displayName: '浙江省', level: 'province' },
  { code: '3303', name: '温州市', displayName: '温州市', level: 'city' },
  { code: '330304', name: '瓯海区', displayName: '瓯海区', level: 'county' },
  { code: '330304005', name: '娄桥街道', displayName: '娄桥街道', level: 'township' },
];
function village(code: string, displayName: string): VillageSource {
  const name = `${displayName}委会`;
  return { code, name, displayName, path: [...township, { code, name, displayName, level: 'village' }] };
}
const codes = () => villagesStore.get().map((v) => v.code);

describe('village store', () => {
  beforeEach(resetApp);

  it('adds villages in front (the newest is the default), moves a known one, refuses a sixth', () => {
    expect(addVillage(village('330304005202', '古岸头村'))).toBe('added');
    expect(addVillage(village('330304005207', '东风村'))).toBe('added');
    expect(codes()).toEqual(['330304005207', '330304005202']);
    expect(addVillage(village('330304005202', '古岸头村'))).toBe('moved');
    expect(codes()).toEqual(['330304005202', '330304005207']);
    for (const c of ['330304005210', '330304005211', '330304005212']) addVillage(village(c, c));
    expect(codes()).toHaveLength(MAX_VILLAGES);
    expect(addVillage(village('330304005213', '河庄村'))).toBe('full');
    expect(codes()).toHaveLength(MAX_VILLAGES);
    expect(codes()).not.toContain('330304005213');
  });

  it('selects and removes, and every change survives a reload from storage', () => {
    addVillage(village('330304005202', '古岸头村'));
    addVillage(village('330304005207', '东风村'));
    selectVillage('330304005202');
    removeVillage('330304005207');
    reloadVillages();
    expect(villagesStore.get()).toEqual([
      expect.objectContaining({ code: '330304005202', displayName: '古岸头村', path: expect.arrayContaining([expect.objectContaining({ code: '330304005' })]) }),
    ]);
    Taro.setStorageSync('gk:villages', '{not json');
    reloadVillages();
    expect(villagesStore.get()).toEqual([]);
  });

  it('pushes every change to the sync seam, and a failing push keeps the local choice', async () => {
    const pushed: string[][] = [];
    setVillageSync({ push: async (c) => void pushed.push(c), pull: async () => null });
    addVillage(village('330304005202', '古岸头村'));
    addVillage(village('330304005207', '东风村'));
    selectVillage('330304005202');
    expect(pushed).toEqual([['330304005202'], ['330304005207', '330304005202'], ['330304005202', '330304005207']]);

    setVillageSync({ push: () => Promise.reject(new Error('offline')), pull: async () => null });
    removeVillage('330304005207');
    await Promise.resolve();
    expect(codes()).toEqual(['330304005202']);
  });

  it('merges the server list first, resolving codes it has not seen, then the local-only villages', async () => {
    addVillage(village('330304005202', '古岸头村'));
    const resolved: string[] = [];
    setVillageSync({ push: async () => undefined, pull: async () => ['330304005207', '330304005202'] });
    const merged = await pullVillages(async (code) => {
      resolved.push(code);
      return village(code, '东风村');
    });
    expect(merged).toBe(true);
    expect(resolved).toEqual(['330304005207']);
    expect(codes()).toEqual(['330304005207', '330304005202']);
    setVillageSync(null);
    expect(await pullVillages(async () => village('x', 'x'))).toBe(false);
  });
});
