import fs from 'fs';
import path from 'path';
import { screenshot, useBrowser, waitForText, watchPageErrors } from '../support/browser';
import { useTestServer } from '../support/server';

/**
 * The built H5 mini-program and admin console, served by the real server over a real database and opened in
 * Debian's Chromium (`npm test` builds them first): they load, pass the server's Content-Security-Policy and
 * log no errors. The residents' flows (pick a village, then the 8 domains) are in miniapp-*.test.ts.
 */
const server = useTestServer();
/** A name that is not loopback, as when a phone on the LAN opens the server by its address. */
const LAN_HOST = 'gongkai-lan.test';
const browser = useBrowser({ loopbackHosts: [LAN_HOST] });
const ROOT = path.resolve(__dirname, '..', '..');

/** What the H5 home shows on a first open (no village chosen yet). */
const FIRST_SCREEN = '选择我的村';

/**
 * Chromium asks for /favicon.ico on its own; neither app declares an icon yet, so that 404 is not an
 * error of the page under test.
 */
const BROWSER_OWN = [/\/favicon\.ico$/];

jest.setTimeout(60_000);

test('GET /healthz reports the server and its database ok', async () => {
  const res = await fetch(`${server.url()}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok', db: 'ok' });
});

test('the H5 at /m/ loads and shows its first screen with no console errors', async () => {
  const page = await browser().newPage();
  const { errors } = watchPageErrors(page, BROWSER_OWN);
  await page.goto(`${server.url()}/m/`);
  await waitForText(page, FIRST_SCREEN, { name: 'h5-home' });
  expect(new URL(page.url()).pathname).toBe('/m/');
  await screenshot(page, 'h5-home');
  expect(errors).toEqual([]);
  await page.close();
});

test('GET /admin/ serves the built console, which routes to its login page with no console errors', async () => {
  const res = await fetch(`${server.url()}/admin/`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(await res.text()).toBe(fs.readFileSync(path.join(ROOT, 'admin', 'dist', 'index.html'), 'utf8'));

  const page = await browser().newPage();
  const { errors } = watchPageErrors(page, BROWSER_OWN);
  await page.goto(`${server.url()}/admin/`);
  await page.locator('input[type=password]').waitFor({ state: 'visible', timeout: 20_000 });
  expect(new URL(page.url()).pathname).toMatch(/^\/admin\//); // client-side routes stay under /admin/
  await screenshot(page, 'admin-login');
  expect(errors).toEqual([]);
  await page.close();
});

test('over plain HTTP under a non-loopback host name (LAN demo), the H5 still loads its scripts', async () => {
  const page = await browser().newPage();
  const { errors } = watchPageErrors(page, BROWSER_OWN);
  const lan = new URL(server.url());
  lan.hostname = LAN_HOST;
  await page.goto(`${lan.origin}/m/`);
  await waitForText(page, FIRST_SCREEN, { name: 'h5-lan' });
  // Chromium warns that COOP is ignored on an untrustworthy origin; that is a notice, not a failure of the page.
  expect(errors.filter((e) => !e.includes('Cross-Origin-Opener-Policy'))).toEqual([]);
  await page.close();
});
