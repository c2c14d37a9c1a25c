import type { Config } from '../platform/config.ts';
import { openDeps, type Deps } from './deps.ts';

/** A command's result on stdout: JSON with --json, a line for people otherwise. */
export function out(json: boolean, data: unknown, human: string): void {
  process.stdout.write(json ? JSON.stringify(data) + '\n' : human + '\n');
}

/** Opens the database (and its lock) for one command, and always closes it. */
export async function withDeps(config: Config, purpose: string, fn: (deps: Deps) => Promise<void>): Promise<void> {
  const deps = await openDeps(config, { purpose });
  try {
    await fn(deps);
  } finally {
    await deps.close();
  }
}
