import Taro from '@tarojs/taro';
import { readStored, writeStored } from '../services/storage';
import { createStore, useStore } from './create-store';

/**
 * Display settings: elderly mode (长辈模式, remembered in storage) and the WeChat font scale (read from the
 * host each launch, never stored). `PageShell` turns them into a root class and a CSS variable.
 */
export interface Settings {
  /** 长辈模式: large text and targets, simplified pages (MIIT 2021 适老化 rules). */
  elderly: boolean;
  /** The user's WeChat font size as a factor (1 = standard), clamped to what layouts support. */
  fontScale: number;
}

const KEY = 'settings';
/** Font scales outside this range would break layouts (measured on the 375 px design). */
export const FONT_SCALE_MIN = 0.85;
export const FONT_SCALE_MAX = 1.6;

type Persisted = Pick<Settings, 'elderly'>;

/** Clamps a host font-scale factor; anything not a finite positive number counts as 1. */
export function clampFontScale(factor: unknown): number {
  if (typeof factor !== 'number' || !Number.isFinite(factor) || factor <= 0) return 1;
  return Math.min(FONT_SCALE_MAX, Math.max(FONT_SCALE_MIN, factor));
}

/**
 * The WeChat font scale: `fontSizeScaleFactor` of `Taro.getAppBaseInfo()` on weapp (absent from Taro's types,
 * hence read structurally). H5 has no such setting: 1, the browser's own zoom does the rest.
 */
export function hostFontScale(): number {
  if (process.env.TARO_ENV === 'h5') return 1;
  try {
    const info = Taro.getAppBaseInfo() as unknown as { fontSizeScaleFactor?: unknown };
    return clampFontScale(info.fontSizeScaleFactor);
  } catch {
    return 1;
  }
}

function load(): Settings {
  const saved = readStored<Partial<Persisted>>(KEY) ?? {};
  return { elderly: saved.elderly === true, fontScale: hostFontScale() };
}

/** The app's display settings. */
export const settingsStore = createStore<Settings>(load());

function update(patch: Partial<Settings>): void {
  const next = { ...settingsStore.get(), ...patch };
  writeStored<Persisted>(KEY, { elderly: next.elderly });
  settingsStore.set(next);
}

/** Turns elderly mode on or off (remembered). */
export function setElderlyMode(on: boolean): void {
  update({ elderly: on });
}

/** Re-reads the settings from storage and the host (app launch, tests). */
export function reloadSettings(): void {
  settingsStore.set(load());
}

/** The current settings in a component. */
export function useSettings(): Settings {
  return useStore(settingsStore);
}
