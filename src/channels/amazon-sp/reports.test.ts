import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SpApiClient } from './client.ts';
import { ReportFailedError } from './errors.ts';
import { ReportsApi, type SpReport } from './reports.ts';
import {
  AMAZON_SP_FIXTURES_DIR, SANDBOX_REPORT_DOCUMENT_ID, SANDBOX_REPORT_TSV, sandboxFixturesAvailable, startSandboxServer,
  type SandboxReply, type SandboxRequest, type SandboxServer,
} from './sandbox-server.ts';

const CREDS = { clientId: 'client-id', clientSecret: 'client-secret', refreshToken: 'Atzr|refresh' };
const DE = 'A1PA6795UKMFR9';
const US = 'ATVPDKIKX0DER';
const SAMPLES_DIR = resolve(AMAZON_SP_FIXTURES_DIR, 'selling-partner-api-samples-responses');

let server: SandboxServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const report = (status: SpReport['processingStatus'], extra: Partial<SpReport> = {}): SpReport => ({
  reportId: 'R-1', reportType: 'GET_FBA_REIMBURSEMENTS_DATA', processingStatus: status, createdTime: '2026-03-01T00:00:00Z', ...extra,
});

/**
 * A sandbox server (replaying examples when `replay`), where getReport answers follow `statuses` in turn and
 * anything `answer` returns wins.
 */
async function setup(opts: {
  replay?: boolean;
  statuses?: SpReport[];
  answer?: (req: SandboxRequest, s: SandboxServer) => SandboxReply | undefined;
}): Promise<{ s: SandboxServer; reports: ReportsApi; sleeps: number[]; getReportCalls: () => number }> {
  const s = await startSandboxServer({ operations: opts.replay ? undefined : [] });
  server = s;
  const statuses = [...(opts.statuses ?? [])];
  let getReportCalls = 0;
  s.intercept = (req, srv) => {
    const own = opts.answer?.(req, srv);
    if (own) return own;
    if (req.method === 'GET' && /^\/reports\/2021-06-30\/reports\/[^/]+$/.test(req.path) && statuses.length > 0) {
      getReportCalls += 1;
      const next = statuses.length > 1 ? statuses.shift()! : statuses[0]!;
      return { status: 200, json: { ...next, reportId: decodeURIComponent(req.path.split('/').at(-1)!) } };
    }
    return undefined;
  };
  const sleeps: number[] = [];
  const client = new SpApiClient({ endpoint: s.endpoint, lwaEndpoint: s.lwaEndpoint, credentials: CREDS, sleep: async (ms) => { sleeps.push(ms); }, random: () => 0 });
  return { s, reports: new ReportsApi(client), sleeps, getReportCalls: () => getReportCalls };
}

const createReply = (reportId: string): ((req: SandboxRequest) => SandboxReply | undefined) => (req) =>
  req.method === 'POST' && req.path === '/reports/2021-06-30/reports' ? { status: 202, json: { reportId } } : undefined;

const documentReply = (id: string, s: SandboxServer, extra: Record<string, unknown> = {}): SandboxReply => ({
  status: 200, json: { reportDocumentId: id, url: s.documentUrl(id), ...extra },
});

describe.skipIf(!sandboxFixturesAvailable())('downloadReport against the sandbox examples', () => {
  it('createReport (example) → IN_QUEUE → IN_PROGRESS → DONE → getReportDocument (example) → gunzipped exact bytes', async () => {
    const { s, reports, sleeps } = await setup({
      replay: true,
      statuses: [report('IN_QUEUE'), report('IN_PROGRESS'), report('DONE', { reportDocumentId: SANDBOX_REPORT_DOCUMENT_ID })],
    });
    const bytes = await reports.downloadReport('GET_MERCHANT_LISTINGS_ALL_DATA', { marketplaceIds: [DE, US], dataStartTime: new Date('2024-03-10T20:11:24Z') });
    expect(bytes.equals(SANDBOX_REPORT_TSV)).toBe(true);
    expect(sleeps).toEqual([5000, 7500]);
    expect(s.replayed.map((r) => `${r.key.split('#')[1]}#${r.index}`)).toEqual(['createReport#0', 'getReportDocument#0']);
    const polled = s.requests.filter((r) => r.path === '/reports/2021-06-30/reports/ID323');
    expect(polled).toHaveLength(3);
  });

  it('the streaming variant yields the same bytes', async () => {
    const { reports } = await setup({ replay: true, statuses: [report('IN_PROGRESS'), report('DONE', { reportDocumentId: SANDBOX_REPORT_DOCUMENT_ID })] });
    const stream = await reports.downloadReportStream('GET_MERCHANT_LISTINGS_ALL_DATA', { marketplaceIds: [DE, US], dataStartTime: '2024-03-10T20:11:24.000Z' });
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(SANDBOX_REPORT_TSV)).toBe(true);
  });
});

describe('report polling and documents', () => {
  it('FATAL fails clearly, with the error report document id and its text', async () => {
    const errorJson = '{"errorDetails":"Report could not be generated: dataEndTime is before dataStartTime"}';
    const { reports, sleeps } = await setup({
      statuses: [report('IN_QUEUE'), report('FATAL', { reportDocumentId: 'amzn1.spdoc.error-1' })],
      answer: (req, s) => {
        if (req.path === '/reports/2021-06-30/documents/amzn1.spdoc.error-1') {
          s.addDocument('amzn1.spdoc.error-1', errorJson);
          return documentReply('amzn1.spdoc.error-1', s, { compressionAlgorithm: 'GZIP' });
        }
        return createReply('R-9')(req);
      },
    });
    const err = await reports.downloadReport('GET_FBA_REIMBURSEMENTS_DATA', { marketplaceIds: [DE] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReportFailedError);
    expect(err).toMatchObject({ code: 'ReportFatal', retryable: false, reportId: 'R-9', processingStatus: 'FATAL', errorDocumentId: 'amzn1.spdoc.error-1', errorDocument: errorJson });
    expect((err as Error).message).toBe(
      `report R-9 (GET_FBA_REIMBURSEMENTS_DATA) ended FATAL; Amazon's error report is document amzn1.spdoc.error-1: ${errorJson}`,
    );
    expect(sleeps).toEqual([5000]);
  });

  it('FATAL without an error document still says so', async () => {
    const { reports } = await setup({ statuses: [report('FATAL')], answer: createReply('R-2') });
    await expect(reports.downloadReport('GET_FBA_REIMBURSEMENTS_DATA', { marketplaceIds: [DE] })).rejects.toMatchObject({
      code: 'ReportFatal', errorDocumentId: null, message: 'report R-2 (GET_FBA_REIMBURSEMENTS_DATA) ended FATAL; Amazon attached no error report',
    });
  });

  it('CANCELLED fails with a hint that there may have been no data', async () => {
    const { reports } = await setup({ statuses: [report('CANCELLED')], answer: createReply('R-3') });
    await expect(reports.downloadReport('GET_FBA_REIMBURSEMENTS_DATA', { marketplaceIds: [DE] })).rejects.toMatchObject({
      name: 'ReportFailedError', code: 'ReportCancelled', processingStatus: 'CANCELLED', message: expect.stringContaining('no data for the period'),
    });
  });

  it('gives up with a retryable timeout when the waits exceed timeoutMs', async () => {
    const { reports, sleeps, getReportCalls } = await setup({ statuses: [report('IN_QUEUE')] });
    await expect(reports.waitForReport('R-4', { timeoutMs: 20_000 })).rejects.toMatchObject({ code: 'ReportTimeout', retryable: true, processingStatus: 'IN_QUEUE' });
    expect(sleeps).toEqual([5000, 7500]);
    expect(getReportCalls()).toBe(3);
  });

  it('poll waits grow ×1.5 up to maxPollIntervalMs', async () => {
    const { reports, sleeps } = await setup({
      statuses: [...Array.from({ length: 5 }, () => report('IN_PROGRESS')), report('DONE', { reportDocumentId: 'D' })],
    });
    const done = await reports.waitForReport('R-5', { pollIntervalMs: 1000, maxPollIntervalMs: 3000 });
    expect(done.reportDocumentId).toBe('D');
    expect(sleeps).toEqual([1000, 1500, 2250, 3000, 3000]);
  });

  it('an uncompressed document is returned as is; a document URL failing with 503 is retried', async () => {
    let documentHits = 0;
    const raw = Buffer.from('sku\tqty\nA\u00e9\t1\n', 'latin1');
    const { reports, sleeps } = await setup({
      answer: (req, s) => {
        if (req.path === '/reports/2021-06-30/documents/plain') {
          s.addDocument('plain', raw, { gzip: false });
          return documentReply('plain', s);
        }
        if (req.path === '/sandbox-documents/plain' && ++documentHits === 1) return { status: 503, body: 'Slow Down' };
        return undefined;
      },
    });
    const bytes = await reports.downloadDocument('plain');
    expect(bytes.equals(raw)).toBe(true);
    expect(documentHits).toBe(2);
    expect(sleeps).toEqual([500]);
  });

  it('a document marked GZIP that is not gzip is an InvalidDocument error', async () => {
    const { reports } = await setup({
      answer: (req, s) => {
        if (req.path !== '/reports/2021-06-30/documents/liar') return undefined;
        s.addDocument('liar', 'plain text', { gzip: false });
        return documentReply('liar', s, { compressionAlgorithm: 'GZIP' });
      },
    });
    await expect(reports.downloadDocument('liar')).rejects.toMatchObject({ code: 'InvalidDocument', retryable: false });
  });

  it('an expired pre-signed URL (403) says so', async () => {
    const { reports } = await setup({
      answer: (req, s) => {
        if (req.path === '/reports/2021-06-30/documents/old') return documentReply('old', s);
        if (req.path === '/sandbox-documents/old') return { status: 403, body: '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>' };
        return undefined;
      },
    });
    await expect(reports.downloadDocument('old')).rejects.toMatchObject({ code: 'HTTP_403', status: 403, retryable: false, message: expect.stringContaining('expire after 5 minutes') });
  });

  it('createReport leaves out unset dates and sends reportOptions', async () => {
    let body: unknown;
    const { reports } = await setup({
      answer: (req) => {
        if (req.path !== '/reports/2021-06-30/reports') return undefined;
        body = JSON.parse(req.body);
        return { status: 202, json: { reportId: 'R-6' } };
      },
    });
    expect(await reports.createReport({ reportType: 'GET_LEDGER_SUMMARY_VIEW_DATA', marketplaceIds: [US], reportOptions: { aggregateByLocation: 'COUNTRY', aggregatedByTimePeriod: 'DAILY' } })).toBe('R-6');
    expect(body).toEqual({ reportType: 'GET_LEDGER_SUMMARY_VIEW_DATA', marketplaceIds: [US], reportOptions: { aggregateByLocation: 'COUNTRY', aggregatedByTimePeriod: 'DAILY' } });
  });
});

describe.skipIf(!existsSync(SAMPLES_DIR))(`selling-partner-api-samples report responses (fixtures: ${SAMPLES_DIR})`, () => {
  const sample = (name: string): Record<string, unknown> => JSON.parse(readFileSync(resolve(SAMPLES_DIR, name), 'utf8')) as Record<string, unknown>;

  it('reports-getReport (DONE) and reports-getReportDocument (GZIP) parse and download', async () => {
    const getReport = sample('reports-getReport.json');
    const getDocument = sample('reports-getReportDocument.json');
    const docId = String(getDocument['reportDocumentId']);
    const content = Buffer.from('easy ship label bytes \u00fc', 'latin1');
    const { reports } = await setup({
      answer: (req, s) => {
        if (req.path === '/reports/2021-06-30/reports/383187020424') return { status: 200, json: getReport };
        if (req.path === `/reports/2021-06-30/documents/${encodeURIComponent(docId)}`) {
          // The sample points at http://localhost:3000/...; serve the same document from the test server instead.
          s.addDocument(docId, content);
          return { status: 200, json: { ...getDocument, url: s.documentUrl(docId) } };
        }
        return undefined;
      },
    });
    const done = await reports.waitForReport('383187020424');
    expect(done).toMatchObject({
      reportType: 'GET_EASYSHIP_DOCUMENTS', processingStatus: 'DONE', reportDocumentId: 'amzn1.spdoc.1.4.na.52d7591e-de2b-4d70-8fb1-0923856f9d59.T2OL05CQTET8D2.3211',
      dataStartTime: '2025-12-02T11:59:18+00:00',
    });
    expect(done.marketplaceIds).toHaveLength(5);
    const doc = await reports.getReportDocument(done.reportDocumentId);
    expect(doc.compressionAlgorithm).toBe('GZIP');
    expect((await reports.downloadDocument(doc)).equals(content)).toBe(true);
  });
});
