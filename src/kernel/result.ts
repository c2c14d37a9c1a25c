/** Use cases return results with string-literal error codes; each surface maps codes once. */
export type Result<T, E extends string = ErrorCode> = { ok: true; value: T } | { ok: false; error: E; message: string; details?: unknown };

export type ErrorCode =
  | 'bad_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'unavailable';

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<E extends string>(error: E, message: string, details?: unknown): { ok: false; error: E; message: string; details?: unknown } {
  return details === undefined ? { ok: false, error, message } : { ok: false, error, message, details };
}

/** A thrown error that carries a code; used where a Result cannot travel (streams, CLI parsing). */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CodedError';
  }
}
