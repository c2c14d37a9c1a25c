/**
 * Errors of the SP-API client. One base class so callers can `catch (e) { if (e instanceof SpApiError && e.retryable) ... }`
 * whatever went wrong: the token exchange (LwaError), an SP-API call, or a report that Amazon did not produce
 * (ReportFailedError).
 */
export interface SpApiErrorDetail {
  readonly code: string;
  readonly message: string;
  readonly details?: string | undefined;
}

export interface SpApiErrorInit {
  readonly code: string;
  readonly status: number | null;
  readonly retryable: boolean;
  /** The SP-API operation (e.g. "getOrders") or the URL path, for messages. */
  readonly operation?: string | null;
  /** Every entry of the response's `errors` array (the first one is `code`/`message`). */
  readonly errors?: readonly SpApiErrorDetail[];
  readonly requestId?: string | null;
  /** How many HTTP attempts were made before giving up. */
  readonly attempts?: number;
  readonly cause?: unknown;
}

export class SpApiError extends Error {
  readonly code: string;
  /** HTTP status, or null when no response arrived (network error, timeout). */
  readonly status: number | null;
  /** True when the same request may succeed later (throttling, 5xx, network); false for bad input or auth. */
  readonly retryable: boolean;
  readonly operation: string | null;
  readonly errors: readonly SpApiErrorDetail[];
  readonly requestId: string | null;
  readonly attempts: number;

  constructor(message: string, init: SpApiErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'SpApiError';
    this.code = init.code;
    this.status = init.status;
    this.retryable = init.retryable;
    this.operation = init.operation ?? null;
    this.errors = init.errors ?? [];
    this.requestId = init.requestId ?? null;
    this.attempts = init.attempts ?? 1;
  }

  /** The `details` of the first SP-API error entry, if any. */
  get details(): string | null {
    return this.errors[0]?.details ?? null;
  }
}

/** Login-with-Amazon refused or failed the refresh-token exchange. `code` is LWA's `error` (invalid_grant, invalid_client, ...). */
export class LwaError extends SpApiError {
  readonly description: string | null;

  constructor(message: string, init: SpApiErrorInit & { readonly description?: string | null }) {
    super(message, init);
    this.name = 'LwaError';
    this.description = init.description ?? null;
  }
}

/** A report ended CANCELLED or FATAL (or did not finish in time). */
export class ReportFailedError extends SpApiError {
  readonly reportId: string;
  readonly reportType: string | null;
  readonly processingStatus: string;
  /** For FATAL reports Amazon may attach a document describing the failure. */
  readonly errorDocumentId: string | null;
  /** The start of that document's text, when it could be fetched. */
  readonly errorDocument: string | null;

  constructor(
    message: string,
    init: SpApiErrorInit & {
      readonly reportId: string;
      readonly reportType: string | null;
      readonly processingStatus: string;
      readonly errorDocumentId: string | null;
      readonly errorDocument?: string | null;
    },
  ) {
    super(message, init);
    this.name = 'ReportFailedError';
    this.reportId = init.reportId;
    this.reportType = init.reportType;
    this.processingStatus = init.processingStatus;
    this.errorDocumentId = init.errorDocumentId;
    this.errorDocument = init.errorDocument ?? null;
  }
}

/** Statuses worth retrying: throttled, or a transient server/gateway failure. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || status === 500 || status === 502 || status === 503 || status === 504;
}
