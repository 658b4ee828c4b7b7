// Root jest config: one project per workspace that has its own jest.config.js.
// The database (FerretDB, or MONGODB_URI) is started once per run by test/support/globalSetup.
const fs = require('fs');
const path = require('path');

const workspaces = ['shared', 'server', 'admin', 'miniapp', 'test'];

module.exports = {
  projects: workspaces
    .filter((w) => fs.existsSync(path.join(__dirname, w, 'jest.config.js')))
    .map((w) => `<rootDir>/${w}`),
  // The root transform compiles globalSetup/globalTeardown (TypeScript).
  transform: require('./jest.swc.js'),
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
  maxWorkers: 2,
  testTimeout: 30000,
};
