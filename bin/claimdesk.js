#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so `npm start` and the `claimdesk` bin need no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main/cli.ts');
process.exitCode = await main(process.argv);
