/** Page URLs for navigation (Taro paths, leading slash). Tab pages are opened with `switchTab`. */
export const HOME_URL = '/pages/index/index';
export const MINE_URL = '/pages/mine/index';
export const PICKER_URL = '/packages/village/picker/index';
