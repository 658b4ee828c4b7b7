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

// Layout APIs ProseMirror (the tiptap body editor) calls on clicks and selection changes; jsdom has no layout,
// so there is no element at a point and no client rects.
if (!document.elementFromPoint) document.elementFromPoint = () => null;
if (!Range.prototype.getClientRects) {
  Range.prototype.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
}
if (!Range.prototype.getBoundingClientRect) Range.prototype.getBoundingClientRect = () => ({ x: 0, y: 0, width: 0, height: 0, top: 0, right: 0, bottom: 0, left: 0, toJSON: () => ({}) }) as DOMRect;

afterEach(() => {
  cleanup();
  localStorage.clear();
  authStore.clear();
});
