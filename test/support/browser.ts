import fs from 'fs';
import os from 'os';
import path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (package `chromium`), installed by `npm test` when missing. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a quiet, offline, headless Chromium in a container. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where screenshots go (git-ignored). */
export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '.artifacts', 'screenshots');

/** A running Chromium with a fresh profile; `close()` also removes the profile folder. */
export interface BrowserSession {
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** What a test may add to the standard launch. */
export interface LaunchOptions {
  /** Host names that resolve to 127.0.0.1 in this browser (to open the local server under a non-loopback name). */
  loopbackHosts?: string[];
}

/**
 * Launches Debian's Chromium through playwright-core with a fresh temporary profile (`--user-data-dir`).
 * @throws with the install command when Chromium is missing.
 */
export async function launchBrowser(opts: LaunchOptions = {}): Promise<BrowserSession> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Run the tests with \`npm test\` (installs it with apt-get when run as root), ` +
        'or install it once: sudo apt-get install -y --no-install-recommends chromium fonts-wqy-microhei',
    );
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-chromium-'));
  try {
    // playwright passes `profile` as --user-data-dir.
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        ...CHROMIUM_ARGS,
        ...(opts.loopbackHosts?.length ? [`--host-resolver-rules=${opts.loopbackHosts.map((h) => `MAP ${h} 127.0.0.1`).join(',')}`] : []),
      ],
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
    });
    return {
      context,
      newPage: () => context.newPage(),
      async close() {
        await context.close();
        fs.rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (err) {
    fs.rmSync(profile, { recursive: true, force: true });
    throw err;
  }
}

/**
 * For a test file: one browser launched before all tests and closed after them.
 * Returns a getter for the session.
 */
export function useBrowser(opts: LaunchOptions = {}): () => BrowserSession {
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    session = await launchBrowser(opts);
  }, 60_000);
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error('useBrowser: the browser is not launched yet (use it inside a test)');
    return session;
  };
}

/**
 * Records what went wrong on a page from now on: console errors (CSP violations and failed resource loads
 * show up there) and uncaught page errors. Assert `errors` is empty at the end of a test.
 * @param ignore console errors whose source URL matches one of these are not recorded
 */
export function watchPageErrors(page: Page, ignore: RegExp[] = []): { errors: string[] } {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location().url;
    if (!ignore.some((re) => re.test(where))) errors.push(`console: ${msg.text()} (${where})`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return { errors };
}

/** Saves a full-page PNG as test/.artifacts/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Waits until `text` is visible on the page (page transitions animate: never sleep a fixed time). On a
 * timeout it fails with what the page shows instead and a screenshot, `<name>-timeout.png`.
 */
export async function waitForText(page: Page, text: string, opts: { timeout?: number; exact?: boolean; name?: string } = {}): Promise<void> {
  try {
    await page.getByText(text, { exact: opts.exact ?? true }).first().waitFor({ state: 'visible', timeout: opts.timeout ?? 20_000 });
  } catch (err) {
    const shot = await screenshot(page, `${opts.name ?? 'wait'}-timeout`).catch(() => 'none');
    const body = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    throw new Error(
      `"${text}" did not appear on ${page.url()} (${(err as Error).message.split('\n')[0]}).\n` +
        `The page shows:\n${body.slice(0, 800) || '(nothing)'}\nScreenshot: ${shot}`,
    );
  }
}
