export * from './common.ts';
export * from './auth.ts';
export * from './desk.ts';
export * from './settings.ts';
export * from './triage.ts';
export * from './triage-settings.ts';
export * from './recon.ts';
