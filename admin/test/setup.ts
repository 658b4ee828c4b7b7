// Browser APIs antd relies on that jsdom lacks.
import { cleanup } from '@testing-library/react';
import { authStore } from '../src/services/auth';

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
