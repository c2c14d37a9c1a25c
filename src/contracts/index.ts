export * from './common.ts';
export * from './auth.ts';
export * from './desk.ts';
export * from './settings.ts';
