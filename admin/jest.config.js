// Jest project for the admin console: jsdom with Node's real fetch (test/jsdom-env.js), TS/TSX through @swc/jest.
// Picked up by the root jest.config.js (`npx jest --selectProjects admin`) or run alone: `npx jest -c admin/jest.config.js`.
const path = require('path');

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'admin',
  rootDir: __dirname,
  testEnvironment: path.join(__dirname, 'test/jsdom-env.js'),
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  testMatch: ['<rootDir>/src/**/*.test.ts?(x)'],
  // The repo's shared @swc/jest transform (TypeScript, TSX with React's automatic runtime).
  transform: require('../jest.swc.js'),
  moduleNameMapper: {
    '\\.(css|less|scss)$': '<rootDir>/test/style-stub.js',
    '\\.(svg|png|jpe?g|gif|webp)$': '<rootDir>/test/file-stub.js',
  },
};
