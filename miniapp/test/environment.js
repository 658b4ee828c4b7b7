// jsdom, plus Node's own fetch: Taro's H5 `request` uses `fetch`, and jsdom has none (whatwg-fetch would fall
// back to jsdom's XMLHttpRequest, which enforces CORS against the test's local server). A real browser has a
// native fetch too, so this is the closer match.
//
// A test file that needs the REAL Gongkai server asks for it with a docblock at its top:
//   /** @jest-environment-options {"realServer": true} */
// The server (createApp over its own test database, regions seeded with the real seed) then runs in this
// worker's Node context — outside the jsdom sandbox, where the server's Node-only dependencies (mongodb's
// bson, exceljs, …) load as in production — listening on a free loopback port. Its URL is the global
// `__REAL_SERVER_URL__`; the database is dropped when the file ends. See real-server.ts.
const path = require('path');
const { TestEnvironment } = require('jest-environment-jsdom');

class JsdomWithFetch extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of ['fetch', 'Request', 'Response', 'Headers', 'AbortController', 'AbortSignal']) {
      this.global[name] = globalThis[name];
    }
    this.realServer = config.projectConfig.testEnvironmentOptions?.realServer === true;
    this.testPath = context.testPath;
  }

  async setup() {
    await super.setup();
    if (!this.realServer) return;
    // tsx compiles the server's TypeScript for Node, in isolation from jest's module registry.
    const tsx = require('tsx/cjs/api');
    const { startRealServer } = tsx.require(path.join(__dirname, 'real-server.ts'), __filename);
    this.server = await startRealServer(path.basename(this.testPath));
    this.global.__REAL_SERVER_URL__ = this.server.url;
  }

  async teardown() {
    if (this.server) await this.server.close();
    await super.teardown();
  }
}

module.exports = JsdomWithFetch;
