import { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { z } from 'zod';
import './app.css';

// The shared schemas are zod 4, which compiles validators with `new Function` when it can. Mini-programs
// forbid dynamic code and the H5 site runs under a CSP, so use the interpreter everywhere.
z.config({ jitless: true });

/** The app shell: Taro renders the current page as `children`. */
function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Nothing to do yet: residents' login and the remembered village arrive with later pages.
  });
  return children;
}

export default App;
