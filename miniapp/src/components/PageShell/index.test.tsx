import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { clampFontScale, reloadSettings, settingsStore } from '../../stores/settings';
import { resetApp } from '../../../test/reset';
import ElderlySwitch from '../ElderlySwitch';
import PageShell from './index';

/** Two pages' roots at once, as when 我的 and 我的村 are both in the page stack. */
function TwoPages() {
  return (
    <>
      <PageShell className='a'>
        <ElderlySwitch />
      </PageShell>
      <PageShell className='b'>
        <span>另一页</span>
      </PageShell>
    </>
  );
}

const roots = () => [...document.querySelectorAll('.gk-page')] as HTMLElement[];

describe('elderly mode (PageShell + ElderlySwitch)', () => {
  beforeEach(resetApp);

  it('starts in normal mode with the font scale as --gk-scale, and the switch says 已关闭', () => {
    render(<TwoPages />);
    for (const r of roots()) {
      expect(r.classList.contains('gk-normal')).toBe(true);
      expect(r.classList.contains('gk-elderly')).toBe(false);
      expect(r.style.getPropertyValue('--gk-scale')).toBe('1');
    }
    const sw = screen.getByRole('switch', { name: '长辈模式' });
    expect(sw.getAttribute('aria-checked')).toBe('false');
    expect(screen.getByText('已关闭')).toBeTruthy();
  });

  it('one tap switches every page root to .gk-elderly (state in words too), and it is remembered in storage', () => {
    render(<TwoPages />);
    fireEvent.click(screen.getByRole('switch', { name: '长辈模式' }));
    for (const r of roots()) {
      expect(r.classList.contains('gk-elderly')).toBe(true);
      expect(r.classList.contains('gk-normal')).toBe(false);
      expect(r.getAttribute('data-mode')).toBe('elderly');
      // Elderly sizes are fixed (关怀模式): the WeChat scale is not applied on top.
      expect(r.style.getPropertyValue('--gk-scale')).toBe('');
    }
    expect(screen.getByRole('switch').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByText('已开启')).toBeTruthy();
    expect(JSON.parse(Taro.getStorageSync('gk:settings'))).toEqual({ v: 1, data: { elderly: true } });

    // A new launch reads it back.
    act(() => settingsStore.set({ elderly: false, fontScale: 1 }));
    expect(roots()[0].classList.contains('gk-elderly')).toBe(false);
    act(() => reloadSettings());
    expect(roots()[0].classList.contains('gk-elderly')).toBe(true);

    fireEvent.click(screen.getByRole('switch'));
    expect(roots()[1].classList.contains('gk-normal')).toBe(true);
    expect(JSON.parse(Taro.getStorageSync('gk:settings')).data.elderly).toBe(false);
  });

  it('applies a large WeChat font scale in normal mode, with the roomier .gk-scaled layout', () => {
    act(() => settingsStore.set({ elderly: false, fontScale: 1.4 }));
    render(<TwoPages />);
    expect(roots()[0].style.getPropertyValue('--gk-scale')).toBe('1.4');
    expect(roots()[0].classList.contains('gk-scaled')).toBe(true);
  });

  it('clamps the host font scale to what layouts support, and ignores nonsense', () => {
    expect(clampFontScale(1.2)).toBe(1.2);
    expect(clampFontScale(3)).toBe(1.6);
    expect(clampFontScale(0.5)).toBe(0.85);
    expect(clampFontScale(undefined)).toBe(1);
    expect(clampFontScale(Number.NaN)).toBe(1);
    expect(clampFontScale('1.3')).toBe(1);
  });
});
