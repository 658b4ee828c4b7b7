/**
 * Drives the page hooks of the `@tarojs/taro` stand-in (taro-shim.js): the router's query and the
 * lifecycle callbacks (reach bottom, show, share…) of the mounted pages.
 */
interface TestPage {
  params: Record<string, string>;
  hooks: Map<string, Set<(...args: unknown[]) => unknown>>;
}

const page = (): TestPage => (globalThis as unknown as { __TARO_TEST_PAGE__: TestPage }).__TARO_TEST_PAGE__;

/** Sets what `useRouter().params` returns (a page opened with this query). */
export function setRouterParams(params: Record<string, string>): void {
  page().params = params;
}

/** Fires a lifecycle hook of every mounted page component; returns what the callbacks returned. */
export function fire(name: 'reachBottom' | 'pullDownRefresh' | 'didShow' | 'didHide' | 'shareAppMessage', ...args: unknown[]): unknown[] {
  return [...(page().hooks.get(name) ?? [])].map((f) => f(...args));
}
