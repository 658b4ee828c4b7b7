// `@tarojs/taro` under jest: the H5 implementation, with its named exports merged over the default object
// so both `import Taro from '@tarojs/taro'` and `import { useLaunch } from '@tarojs/taro'` work.
const h5 = require('@tarojs/taro-h5');

module.exports = Object.assign({}, h5.default, h5);
