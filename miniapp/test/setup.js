// Globals that Taro's build defines and its runtime reads (webpack DefinePlugin in a real build).
process.env.TARO_ENV = 'h5';
process.env.TARO_PLATFORM = 'web';
globalThis.ENABLE_INNER_HTML = true;
globalThis.ENABLE_ADJACENT_HTML = true;
globalThis.ENABLE_SIZE_APIS = true;
globalThis.ENABLE_TEMPLATE_CONTENT = true;
globalThis.ENABLE_CLONE_NODE = true;
globalThis.ENABLE_CONTAINS = true;
globalThis.ENABLE_MUTATION_OBSERVER = true;
// Taro's H5 build defines this as false unless `useDeprecatedAdapterComponent` is set.
globalThis.DEPRECATED_ADAPTER_COMPONENT = false;
process.env.FRAMEWORK = 'react';
