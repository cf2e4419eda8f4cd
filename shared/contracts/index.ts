export * from './api';
export * from './auth';
export * from './command';
export * from './page';
export * from './plan';
