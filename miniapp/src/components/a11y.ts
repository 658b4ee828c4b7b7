/**
 * Props that make a View with a role (button, link, radio, switch) a keyboard stop on H5 (`tabindex="0"`),
 * so keyboard and switch-access users reach it and scrollable pages have focusable content. The
 * mini-program ignores the attribute.
 */
export const FOCUSABLE = { tabIndex: 0 } as unknown as Record<string, never>;

/**
 * Props for Taro's `Button` on H5: its web component is neither focusable nor announced as a button, so it
 * gets `role="button"` and `tabindex="0"` (the mini-program's native button ignores both).
 */
export const BUTTON = { role: 'button', tabIndex: 0 } as unknown as Record<string, never>;
