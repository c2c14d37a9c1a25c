/** Exit codes that let scripts tell a caller's mistake from our failure. */
export const EXIT = {
  ok: 0,
  /** Unexpected internal failure (a bug, a crashed dependency). */
  internal: 1,
  /** Bad input: unknown flag, invalid value, unreadable or malformed file. */
  badInput: 2,
  /** Something needed is unavailable: data directory locked, database unreachable. */
  unavailable: 3,
} as const;
