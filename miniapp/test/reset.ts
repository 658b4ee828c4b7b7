import Taro from '@tarojs/taro';
import { reloadSettings } from '../src/stores/settings';
import { reloadVillages, setVillageSync } from '../src/stores/villages';

/** Empties storage (localStorage under jsdom) and reloads the stores from it: a first open. */
export function resetApp(): void {
  Taro.clearStorageSync();
  setVillageSync(null);
  reloadSettings();
  reloadVillages();
}
