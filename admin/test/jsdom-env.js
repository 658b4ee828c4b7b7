// jsdom test environment that keeps Node's own fetch, so the request layer talks to a real HTTP server
// in tests (jsdom has no fetch, and jest's jsdom environment hides Node's globals).
const JSDOMEnvironment = require('jest-environment-jsdom').default;

// The fetch family must come from one realm: Node's fetch only accepts Node's AbortSignal, Headers, etc.
const FROM_NODE = [
  'fetch',
  'Headers',
  'Request',
  'Response',
  'AbortController',
  'AbortSignal',
  'TextEncoder',
  'TextDecoder',
  'ReadableStream',
  'structuredClone',
  // Request bodies: an upload's FormData (and its Blob/File parts) must be Node's for Node's fetch to send it.
  'FormData',
  'Blob',
  'File',
];

class JSDOMWithFetchEnvironment extends JSDOMEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of FROM_NODE) {
      if (typeof globalThis[name] !== 'undefined') this.global[name] = globalThis[name];
    }
  }
}

module.exports = JSDOMWithFetchEnvironment;
