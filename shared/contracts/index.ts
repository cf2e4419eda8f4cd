export * from './api';
export * from './auth';
export * from './command';
export * from './crm';
export * from './mls';
export * from './page';
export * from './plan';
export * from './time';
