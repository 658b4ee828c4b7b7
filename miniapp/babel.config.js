// Babel for the Taro build (babel-preset-taro needs @babel/preset-react installed beside it).
// Jest does not read this file: miniapp/jest.config.js passes its own inline presets.
// https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
