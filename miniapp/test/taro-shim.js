// `@tarojs/taro` under jest: the H5 implementation, with its named exports merged over the default object
// so both `import Taro from '@tarojs/taro'` and `import { useLaunch } from '@tarojs/taro'` work.
//
// Page hooks (useRouter, useReachBottom, useDidShow, usePullDownRefresh, useShareAppMessage…) come from
// Taro's React runtime in a real build and need a page instance; here they are small stand-ins that tests
// drive through test/page.ts: the router's params are set by the test, and the lifecycle callbacks of the
// mounted pages are kept so a test can fire them (a scroll to the bottom, a return to the page).
const React = require('react');
const h5 = require('@tarojs/taro-h5');

const page = { params: {}, hooks: new Map() };
globalThis.__TARO_TEST_PAGE__ = page;

/** A lifecycle hook that keeps the latest callback of each mounted component under `name`. */
function lifecycle(name) {
  return function useLifecycle(callback) {
    const ref = React.useRef(callback);
    ref.current = callback;
    React.useEffect(() => {
      const set = page.hooks.get(name) ?? new Set();
      page.hooks.set(name, set);
      const fire = (...args) => ref.current(...args);
      set.add(fire);
      return () => set.delete(fire);
    }, []);
  };
}

const hooks = {
  useRouter: () => ({ params: page.params, path: '' }),
  useReachBottom: lifecycle('reachBottom'),
  usePullDownRefresh: lifecycle('pullDownRefresh'),
  useDidShow: lifecycle('didShow'),
  useDidHide: lifecycle('didHide'),
  useShareAppMessage: lifecycle('shareAppMessage'),
  useLaunch: lifecycle('launch'),
};

module.exports = Object.assign({}, h5.default, h5, hooks);
module.exports.default = Object.assign({}, h5.default, h5, hooks);
