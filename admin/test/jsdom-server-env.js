// jsdom environment for page tests that run the REAL server app in the same process (test/real-server.ts):
// the browser side (React, antd) renders in jsdom while Koa, mongoose and the MongoDB driver need Node.
//  - packages resolve with Node's export conditions (bson's "browser" build is ESM and breaks in jest);
//  - Node's own globals the server code uses are handed in, and the fetch family, FormData, Blob and File
//    all come from Node (see jsdom-env.js), so an upload built in the page is sent as real multipart.
// Use it per test file with the docblock `@jest-environment ./test/jsdom-server-env.js`.
const JSDOMWithFetchEnvironment = require('./jsdom-env.js');

const FROM_NODE = [
  'setImmediate',
  'clearImmediate',
  'Buffer',
  'queueMicrotask',
  'performance',
  'crypto',
  'URL',
  'URLSearchParams',
];

class JSDOMServerEnvironment extends JSDOMWithFetchEnvironment {
  constructor(config, context) {
    const projectConfig = {
      ...config.projectConfig,
      testEnvironmentOptions: { ...config.projectConfig.testEnvironmentOptions, customExportConditions: ['node', 'node-addons'] },
    };
    super({ ...config, projectConfig }, context);
    for (const name of FROM_NODE) {
      if (typeof globalThis[name] !== 'undefined') this.global[name] = globalThis[name];
    }
    // Mongoose warns about jsdom environments; here the server side deliberately shares the process.
    this.global.process.env.SUPPRESS_JEST_WARNINGS = 'true';
  }
}

module.exports = JSDOMServerEnvironment;
