export * from './domains';
export * from './regions';
export * from './errors';
export * from './schemas/common';
export * from './schemas/domains';
export * from './schemas/health';
export * from './schemas/catalogue';
export * from './schemas/regions';
