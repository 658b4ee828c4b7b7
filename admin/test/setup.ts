import { cleanup, configure } from '@testing-library/react';
import { authStore } from '../src/services/auth';

// antd forms render in ~1 s under jsdom and much slower on a busy machine: give UI tests room
// (the root config's 30 s applies only when run through it).
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 5_000 });

// Browser APIs antd relies on that jsdom lacks.
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string): MediaQueryList => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

// jsdom's getComputedStyle throws "Not implemented" for pseudo-elements, which antd's scrollbar probe asks for.
const { getComputedStyle } = window;
window.getComputedStyle = (elt: Element) => getComputedStyle(elt);

afterEach(() => {
  cleanup();
  localStorage.clear();
  authStore.clear();
});
