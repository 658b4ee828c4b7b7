// jsdom, plus Node's own fetch: Taro's H5 `request` uses `fetch`, and jsdom has none (whatwg-fetch would fall
// back to jsdom's XMLHttpRequest, which enforces CORS against the test's local server). A real browser has a
// native fetch too, so this is the closer match.
const { TestEnvironment } = require('jest-environment-jsdom');

class JsdomWithFetch extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of ['fetch', 'Request', 'Response', 'Headers', 'AbortController', 'AbortSignal']) {
      this.global[name] = globalThis[name];
    }
  }
}

module.exports = JsdomWithFetch;
