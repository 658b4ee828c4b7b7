import { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { z } from 'zod';
import { reloadSettings } from './stores/settings';
import './app.css';

// The shared schemas are zod 4, which compiles validators with `new Function` when it can. Mini-programs
// forbid dynamic code and the H5 site runs under a CSP, so use the interpreter everywhere.
z.config({ jitless: true });

/**
 * H5 only: Taro's tab bar items are `<a href="javascript:;">`. Under the server's CSP (no inline script)
 * following such a link is refused and logged as an error, although the tab switch itself runs in the
 * item's click handler. Cancelling the link's default action leaves the handler working and the console clean.
 */
function cancelJavascriptLinks(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
  document.addEventListener(
    'click',
    (e) => {
      const a = (e.target as Element | null)?.closest?.('a[href^="javascript:"]');
      if (a) e.preventDefault();
    },
    true,
  );
}

/** The app shell: Taro renders the current page as `children`. */
function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // The WeChat font scale can change between launches; elderly mode is read back from storage.
    reloadSettings();
    cancelJavascriptLinks();
  });
  return children;
}

export default App;
