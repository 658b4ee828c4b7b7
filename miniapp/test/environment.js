// jsdom, plus Node's own fetch: Taro's H5 `request` uses `fetch`, and jsdom has none (whatwg-fetch would fall
// back to jsdom's XMLHttpRequest, which enforces CORS against the test's local server). A real browser has a
// native fetch too, so this is the closer match.
//
// A test file that needs the REAL Gongkai server asks for it with a docblock at its top:
//   /** @jest-environment-options {"realServer": true} */
// with optional `"regions": "ouhai"` (the real regions of 瓯海区 and 江山市 in memory instead of seeding all of
// Zhejiang: seconds instead of ~20 s) and `"officials": true` (the standard catalogue seeded and officials of
// 瓯海区 and 娄桥街道 signed in) and `"templates": true` (subscribe-message templates TMPL_DISCLOSURE_TEST and
// TMPL_ANSWER_TEST configured). The server (createApp over its own test database) then runs in this worker's
// Node context — outside the jsdom sandbox, where the server's Node-only dependencies (mongodb's bson,
// exceljs, …) load as in production — listening on a free loopback port. Globals in the test:
// `__REAL_SERVER_URL__` (its origin) and `__REAL_SERVER__` ({ url, officials, drainJobs }). The database is
// dropped when the file ends. See real-server.ts.
//
// The server's modules keep state in memory (the disclosure index, caches…). Node caches modules per process,
// and a jest worker runs several test files, so after each file every module the server loaded is dropped
// from the require cache: the next file's server starts from fresh modules over its own database. Native
// addons (.node) stay: they cannot be loaded twice.
const path = require('path');
const { TestEnvironment } = require('jest-environment-jsdom');

class JsdomWithFetch extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of ['fetch', 'Request', 'Response', 'Headers', 'AbortController', 'AbortSignal', 'FormData', 'Blob', 'File']) {
      if (globalThis[name]) this.global[name] = globalThis[name];
    }
    const opts = config.projectConfig.testEnvironmentOptions ?? {};
    this.realServer = opts.realServer === true ? { regions: opts.regions, officials: opts.officials === true, templates: opts.templates === true } : null;
    this.testPath = context.testPath;
  }

  async setup() {
    await super.setup();
    if (!this.realServer) return;
    // tsx compiles the server's TypeScript for Node, in isolation from jest's module registry.
    const tsx = require('tsx/cjs/api');
    this.cachedBefore = new Set(Object.keys(require.cache));
    const { startRealServer } = tsx.require(path.join(__dirname, 'real-server.ts'), __filename);
    this.server = await startRealServer(path.basename(this.testPath), this.realServer);
    this.global.__REAL_SERVER_URL__ = this.server.url;
    this.global.__REAL_SERVER__ = { url: this.server.url, officials: this.server.officials, drainJobs: () => this.server.drainJobs() };
  }

  async teardown() {
    if (this.server) await this.server.close();
    if (this.cachedBefore) {
      for (const key of Object.keys(require.cache)) {
        if (!this.cachedBefore.has(key) && !key.endsWith('.node')) delete require.cache[key];
      }
    }
    await super.teardown();
  }
}

module.exports = JsdomWithFetch;
