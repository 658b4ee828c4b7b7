import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { RegionRef } from '@gongkai/shared';
import { addVillage, MAX_VILLAGES, villagesStore } from '../../stores/villages';
import { settingsStore } from '../../stores/settings';
import { resetApp } from '../../../test/reset';
import Mine from './index';

const township: RegionRef[] = [
  { code: '33', name: '浙江省', displayName: '浙江省', level: 'province' },
  { code: '3303', name: '温州市', displayName: '温州市', level: 'city' },
  { code: '330304', name: '瓯海区', displayName: '瓯海区', level: 'county' },
  { code: '330304005', name: '娄桥街道', displayName: '娄桥街道', level: 'township' },
];
function add(code: string, displayName: string) {
  const name = `${displayName}委会`;
  addVillage({ code, name, displayName, path: [...township, { code, name, displayName, level: 'village' }] });
}
const card = (code: string) => document.querySelector(`.mine-village[data-code="${code}"]`) as HTMLElement;
const codes = () => villagesStore.get().map((v) => v.code);

describe('我的 (pages/mine/index)', () => {
  beforeEach(resetApp);
  afterEach(() => jest.restoreAllMocks());

  it('lists the saved villages with paths, the default marked in words; 设为默认 reorders', () => {
    add('330304005207', '东风村');
    add('330304005202', '古岸头村');
    render(<Mine />);
    const badge = (code: string) => card(code).querySelector('.mine-village__badge')?.textContent;
    expect(badge('330304005202')).toBe('默认');
    expect(card('330304005202').textContent).toContain('温州市 › 瓯海区 › 娄桥街道 › 古岸头村');
    expect(badge('330304005207')).toBeUndefined();
    fireEvent.click(screen.getByText('设为默认'));
    expect(codes()).toEqual(['330304005207', '330304005202']);
    expect(badge('330304005207')).toBe('默认');
    expect(badge('330304005202')).toBeUndefined();
  });

  it('removes a village only after 确认删除 (in place, no pop-up); 取消 keeps it', () => {
    const modal = jest.spyOn(Taro, 'showModal');
    add('330304005202', '古岸头村');
    render(<Mine />);
    fireEvent.click(screen.getByText('删除'));
    expect(codes()).toEqual(['330304005202']);
    fireEvent.click(screen.getByText('取消'));
    expect(screen.queryByText('确认删除')).toBeNull();
    fireEvent.click(screen.getByText('删除'));
    fireEvent.click(screen.getByText('确认删除'));
    expect(codes()).toEqual([]);
    expect(screen.getByText('还没有选择村')).toBeTruthy();
    expect(modal).not.toHaveBeenCalled();
  });

  it('has the elderly-mode switch, and 添加村 opens the picker until five villages are saved', () => {
    const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    render(<Mine />);
    fireEvent.click(screen.getByRole('switch', { name: '长辈模式' }));
    expect(settingsStore.get().elderly).toBe(true);
    fireEvent.click(screen.getByText('添加村'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/village/picker/index' });
    act(() => {
      for (let i = 0; i < MAX_VILLAGES; i++) add(`33030400521${i}`, `村${i}`);
    });
    expect(screen.queryByText('添加村')).toBeNull();
  });
});
