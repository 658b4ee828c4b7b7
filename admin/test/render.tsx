import type { ReactElement } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { StyleProvider } from '@ant-design/cssinjs';
import { MemoryRouter } from 'react-router-dom';
import { App } from '../src/App';

/**
 * Renders with antd's CSS-in-JS kept out of the document: jsdom's getComputedStyle walks every injected rule
 * (~280 kB of CSS for the login page), which made each click and role query take seconds.
 * `mock="server"` makes antd collect its styles instead of inserting them (honoured outside production only).
 */
export function renderWithAntd(ui: ReactElement): RenderResult {
  return render(<StyleProvider mock="server">{ui}</StyleProvider>);
}

/** Renders the whole console (providers and routes) at a path. */
export function renderApp(path: string): RenderResult {
  return renderWithAntd(
    <MemoryRouter initialEntries={[path]}>
      <App />
    </MemoryRouter>,
  );
}
