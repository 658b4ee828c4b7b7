import { PropsWithChildren } from 'react';
import { useDidShow, useLaunch } from '@tarojs/taro';
import { z } from 'zod';
import { isWeapp } from './config';
import { refreshUnread } from './services/notices';
import { installSession, onSignedIn, signIn, storedToken } from './services/session';
import { installVillageSync, syncVillages } from './services/village-sync';
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

/**
 * The resident's session and the server copy of 我的村: wired into the request layer and the village store;
 * after every sign-in the saved villages are merged and the unread badge refreshed. In the mini-program,
 * sign-in runs in the background at launch (silent: `wx.login` asks nothing), so follow and ask work at the
 * first tap; where it fails (offline) the first call that needs it tries again. On H5 it waits for the first
 * call that needs it: a site without demo sign-in answers 404, and reading must not cost a failed request.
 */
function startSession(): void {
  installSession();
  installVillageSync();
  onSignedIn(() => {
    void syncVillages();
    void refreshUnread();
  });
  if (storedToken()) {
    void syncVillages();
    void refreshUnread();
  } else if (isWeapp()) {
    signIn().catch(() => undefined);
  }
}

/** The app shell: Taro renders the current page as `children`. */
function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // The WeChat font scale can change between launches; elderly mode is read back from storage.
    reloadSettings();
    cancelJavascriptLinks();
    startSession();
  });
  // Back from the background: new notices may have arrived.
  useDidShow(() => void refreshUnread());
  return children;
}

export default App;
