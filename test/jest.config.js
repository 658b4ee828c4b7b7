/** @type {import('jest').Config} */
module.exports = {
  displayName: 'test',
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: require('../jest.swc.js'),
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/e2e/**/*.test.ts'],
  setupFilesAfterEnv: ['<rootDir>/support/setupAfterEnv.ts'],
};
