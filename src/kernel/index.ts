export * from './money.ts';
export * from './ids.ts';
export * from './clock.ts';
export * from './result.ts';
export * from './marketplace.ts';
export * from './roles.ts';
