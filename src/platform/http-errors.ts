import type { ErrorCode } from '../kernel/index.ts';

/** The one table that maps use-case error codes to HTTP statuses. */
export const HTTP_STATUS: Readonly<Record<ErrorCode | 'internal', 400 | 401 | 403 | 404 | 409 | 429 | 500 | 503>> = {
  bad_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export const ERROR_RESPONSES = {
  400: 'bad input: the body, query or path did not match the schema',
  401: 'not signed in, or the session/token is no longer valid',
  403: 'signed in, but the role does not allow this, or the CSRF token is missing',
  404: 'no such object in this workspace',
} as const;
