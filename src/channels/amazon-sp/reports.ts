/**
 * Reports API 2021-06-30: create a report, poll until Amazon has produced it, download its document from the
 * pre-signed URL and gunzip it. Flat files are windows-1252 or UTF-8 depending on marketplace and report: this
 * module returns bytes and never decodes them.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGunzip, gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { SpApiClient } from './client.ts';
import { ReportFailedError, SpApiError } from './errors.ts';
import { dateParam, encodePathParam, type DateParam } from './orders.ts';

const gunzipAsync = promisify(gunzip);

export type ReportProcessingStatus = 'IN_QUEUE' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED' | 'FATAL';

export interface SpReport {
  readonly reportId: string;
  readonly reportType: string;
  readonly processingStatus: ReportProcessingStatus;
  readonly createdTime: string;
  readonly marketplaceIds?: readonly string[];
  readonly dataStartTime?: string;
  readonly dataEndTime?: string;
  readonly reportScheduleId?: string;
  readonly processingStartTime?: string;
  readonly processingEndTime?: string;
  /** Set when DONE (the report) or FATAL (an error report, when Amazon wrote one). */
  readonly reportDocumentId?: string;
}

export interface SpReportDocument {
  readonly reportDocumentId: string;
  /** Pre-signed, valid for 5 minutes. */
  readonly url: string;
  /** Absent when the document is not compressed. */
  readonly compressionAlgorithm?: 'GZIP' | string;
}

export interface CreateReportParams {
  readonly reportType: string;
  readonly marketplaceIds: readonly string[];
  readonly dataStartTime?: DateParam;
  readonly dataEndTime?: DateParam;
  readonly reportOptions?: Readonly<Record<string, string>>;
}

export interface PollOptions {
  /** First wait between status checks (default 5 000 ms). */
  readonly pollIntervalMs?: number;
  /** Waits grow ×1.5 up to this (default 60 000 ms). */
  readonly maxPollIntervalMs?: number;
  /** Give up when the waits add up to more than this (default 30 min). Counted from the sleeps, not the clock. */
  readonly timeoutMs?: number;
}

export type DownloadReportOptions = Omit<CreateReportParams, 'reportType'> & PollOptions;

const STATUSES: readonly string[] = ['IN_QUEUE', 'IN_PROGRESS', 'DONE', 'CANCELLED', 'FATAL'];

export class ReportsApi {
  constructor(private readonly client: SpApiClient) {}

  async createReport(params: CreateReportParams): Promise<string> {
    if (!params.reportType) throw new RangeError('createReport needs a reportType');
    if (params.marketplaceIds.length === 0) throw new RangeError('createReport needs at least one marketplaceId');
    const body: Record<string, unknown> = { reportType: params.reportType, marketplaceIds: [...params.marketplaceIds] };
    if (params.dataStartTime !== undefined) body['dataStartTime'] = dateParam(params.dataStartTime);
    if (params.dataEndTime !== undefined) body['dataEndTime'] = dateParam(params.dataEndTime);
    if (params.reportOptions !== undefined) body['reportOptions'] = params.reportOptions;
    const data = await this.client.request<unknown>({ method: 'POST', path: '/reports/2021-06-30/reports', body, operation: 'createReport' });
    const reportId = isObject(data) ? data['reportId'] : undefined;
    if (typeof reportId !== 'string' || reportId === '') throw invalid('createReport', 'no reportId');
    return reportId;
  }

  async getReport(reportId: string): Promise<SpReport> {
    const data = await this.client.request<unknown>({ method: 'GET', path: `/reports/2021-06-30/reports/${encodePathParam(reportId, 'reportId')}`, operation: 'getReport' });
    if (!isObject(data)) throw invalid('getReport', 'body is not an object');
    for (const key of ['reportId', 'reportType', 'processingStatus']) {
      if (typeof data[key] !== 'string') throw invalid('getReport', `no ${key}`);
    }
    if (!STATUSES.includes(data['processingStatus'] as string)) throw invalid('getReport', `unknown processingStatus "${String(data['processingStatus'])}"`);
    return data as unknown as SpReport;
  }

  async getReportDocument(reportDocumentId: string): Promise<SpReportDocument> {
    const data = await this.client.request<unknown>({
      method: 'GET',
      path: `/reports/2021-06-30/documents/${encodePathParam(reportDocumentId, 'reportDocumentId')}`,
      operation: 'getReportDocument',
    });
    if (!isObject(data) || typeof data['reportDocumentId'] !== 'string' || typeof data['url'] !== 'string') throw invalid('getReportDocument', 'no reportDocumentId or url');
    return data as unknown as SpReportDocument;
  }

  async cancelReport(reportId: string): Promise<void> {
    await this.client.request<unknown>({ method: 'DELETE', path: `/reports/2021-06-30/reports/${encodePathParam(reportId, 'reportId')}`, operation: 'cancelReport' });
  }

  /**
   * Polls getReport until DONE, with growing waits (the client's injectable sleep). CANCELLED and FATAL end in
   * ReportFailedError; for FATAL the error report's document id (and the start of its text) is attached.
   */
  async waitForReport(reportId: string, options: PollOptions = {}): Promise<SpReport & { readonly reportDocumentId: string }> {
    let interval = options.pollIntervalMs ?? 5_000;
    const maxInterval = options.maxPollIntervalMs ?? 60_000;
    const timeout = options.timeoutMs ?? 30 * 60_000;
    let waited = 0;
    for (;;) {
      const report = await this.getReport(reportId);
      switch (report.processingStatus) {
        case 'DONE':
          if (!report.reportDocumentId) throw invalid('getReport', `report ${reportId} is DONE without a reportDocumentId`);
          return report as SpReport & { reportDocumentId: string };
        case 'CANCELLED':
          throw new ReportFailedError(
            `report ${reportId} (${report.reportType}) was CANCELLED: cancelled on request, or by Amazon because there was no data for the period`,
            { code: 'ReportCancelled', status: null, retryable: false, operation: 'getReport', reportId, reportType: report.reportType, processingStatus: 'CANCELLED', errorDocumentId: report.reportDocumentId ?? null },
          );
        case 'FATAL':
          throw await this.#fatal(report);
        default:
          if (waited + interval > timeout) {
            throw new ReportFailedError(`report ${reportId} (${report.reportType}) still ${report.processingStatus} after waiting ${waited} ms`, {
              code: 'ReportTimeout', status: null, retryable: true, operation: 'getReport', reportId, reportType: report.reportType, processingStatus: report.processingStatus, errorDocumentId: null,
            });
          }
          await this.client.sleep(interval);
          waited += interval;
          interval = Math.min(maxInterval, Math.round(interval * 1.5));
      }
    }
  }

  async #fatal(report: SpReport): Promise<ReportFailedError> {
    const docId = report.reportDocumentId ?? null;
    let text: string | null = null;
    if (docId) {
      try {
        text = (await this.downloadDocument(docId)).toString('utf8').slice(0, 2_000);
      } catch {
        text = null; // the failure itself is what matters; the error report is a bonus
      }
    }
    const where = docId ? `; Amazon's error report is document ${docId}${text ? `: ${text.replace(/\s+/g, ' ').slice(0, 300)}` : ''}` : '; Amazon attached no error report';
    return new ReportFailedError(`report ${report.reportId} (${report.reportType}) ended FATAL${where}`, {
      code: 'ReportFatal', status: null, retryable: false, operation: 'getReport', reportId: report.reportId, reportType: report.reportType, processingStatus: 'FATAL', errorDocumentId: docId, errorDocument: text,
    });
  }

  /** A document's bytes, gunzipped when `compressionAlgorithm` is GZIP. */
  async downloadDocument(documentOrId: string | SpReportDocument): Promise<Buffer> {
    const doc = typeof documentOrId === 'string' ? await this.getReportDocument(documentOrId) : documentOrId;
    const res = await this.client.fetchUrl(doc.url, `report document ${doc.reportDocumentId}`);
    const raw = Buffer.from(await res.arrayBuffer());
    if (!isGzip(doc)) return raw;
    try {
      return await gunzipAsync(raw);
    } catch (cause) {
      throw new SpApiError(`report document ${doc.reportDocumentId} is marked GZIP but does not gunzip: ${(cause as Error).message}`, { code: 'InvalidDocument', status: null, retryable: false, operation: 'getReportDocument', cause });
    }
  }

  /** A document as a byte stream (gunzipped on the fly), for reports too large to hold in memory. */
  async openDocument(documentOrId: string | SpReportDocument): Promise<Readable> {
    const doc = typeof documentOrId === 'string' ? await this.getReportDocument(documentOrId) : documentOrId;
    const res = await this.client.fetchUrl(doc.url, `report document ${doc.reportDocumentId}`);
    if (!res.body) return Readable.from([]);
    const source = Readable.fromWeb(res.body as unknown as WebReadableStream<Uint8Array>);
    if (!isGzip(doc)) return source;
    const gz = createGunzip();
    source.on('error', (e) => gz.destroy(e));
    return source.pipe(gz);
  }

  /** createReport → waitForReport → downloadDocument. */
  async downloadReport(reportType: string, options: DownloadReportOptions): Promise<Buffer> {
    const report = await this.#createAndWait(reportType, options);
    return this.downloadDocument(report.reportDocumentId);
  }

  /** createReport → waitForReport → openDocument. */
  async downloadReportStream(reportType: string, options: DownloadReportOptions): Promise<Readable> {
    const report = await this.#createAndWait(reportType, options);
    return this.openDocument(report.reportDocumentId);
  }

  async #createAndWait(reportType: string, options: DownloadReportOptions): Promise<SpReport & { reportDocumentId: string }> {
    const { pollIntervalMs, maxPollIntervalMs, timeoutMs, ...create } = options;
    const reportId = await this.createReport({ ...create, reportType });
    return this.waitForReport(reportId, { pollIntervalMs, maxPollIntervalMs, timeoutMs });
  }
}

function isGzip(doc: SpReportDocument): boolean {
  return typeof doc.compressionAlgorithm === 'string' && doc.compressionAlgorithm.toUpperCase() === 'GZIP';
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function invalid(operation: string, what: string): SpApiError {
  return new SpApiError(`SP-API ${operation}: unexpected response: ${what}`, { code: 'InvalidResponse', status: null, retryable: false, operation });
}
