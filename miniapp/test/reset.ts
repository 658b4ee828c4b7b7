import Taro from '@tarojs/taro';
import { configureTemplates } from '../src/config';
import { unreadStore } from '../src/services/notices';
import { setAuthProvider, setTokenProvider } from '../src/services/request';
import { resetSession } from '../src/services/session';
import { resetFollows } from '../src/stores/follows';
import { reloadSettings } from '../src/stores/settings';
import { reloadVillages, setVillageSync } from '../src/stores/villages';

/**
 * Empties storage (localStorage under jsdom) and reloads the stores from it: a first open. The session is
 * signed out and unplugged from the request layer (tests that sign in call `installSession()`).
 */
export function resetApp(): void {
  Taro.clearStorageSync();
  setVillageSync(null);
  setAuthProvider(null);
  setTokenProvider(() => null);
  configureTemplates({ disclosure: '', answer: '' });
  resetSession();
  resetFollows();
  unreadStore.set(null);
  reloadSettings();
  reloadVillages();
}
