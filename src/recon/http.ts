import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { errorBody, errorResponse as err, jsonResponse as json, register, type App } from '../access/index.ts';
import { ReconCaseAction, ReconCaseDetail, ReconCaseListQuery, ReconCaseListResponse, ReconImportResponse, ReconRunRequest, ReconRunResponse, ReconSummary } from '../contracts/index.ts';
import { CodedError, type Clock } from '../kernel/index.ts';
import type { Db } from '../platform/db/port.ts';
import { CASE_STATUSES, actOnCase, caseTotals, getCase, listCases, parseList, type CaseStatusName } from './cases.ts';
import { CLAIM_KINDS } from './domain/policy/index.ts';
import { loadPacket, packetPdf, packetsZip } from './packet.ts';
import { reconcile } from './reconcile.ts';
import { importReports } from './import/import-reports.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** Largest upload accepted in one request (a year of a large seller's ledger is ~150 MB). */
const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

const CaseParam = z.object({ id: z.string().min(1).max(64) });
const ExportQuery = z.object({ ids: z.string().max(20_000).optional().describe('comma-separated case ids; default: the ready cases') });



/** The Recovery screen's API: totals, ranked cases, one case with its evidence, actions, runs and exports. */
export function reconRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  const tags = ['recovery'];

  register(app, createRoute({
    method: 'get', path: '/api/recon/summary', tags,
    responses: { 200: json(ReconSummary, 'money per case status and currency, and the last reconciliation run'), 401: err('not signed in') },
  }), 'viewer', async (c, p) => {
    const totals = await caseTotals(deps.db, p.workspaceId);
    const run = (await deps.db.query<{ at: Date; as_of: string; actor: string }>('SELECT at, as_of::text, actor FROM recon_runs WHERE workspace_id = $1 ORDER BY at DESC LIMIT 1', [p.workspaceId])).rows[0];
    const imports = Number((await deps.db.query<{ n: string }>(`SELECT count(*) AS n FROM report_imports WHERE workspace_id = $1 AND status = 'imported'`, [p.workspaceId])).rows[0]?.n ?? 0);
    return c.json({ byStatus: totals.byStatus, lastRun: run ? { at: run.at.toISOString(), asOf: run.as_of, actor: run.actor } : null, imports }, 200);
  });

  register(app, createRoute({
    method: 'get', path: '/api/recon/cases', tags, request: { query: ReconCaseListQuery },
    responses: { 200: json(ReconCaseListResponse, 'cases ranked by value × urgency (open ones first)'), 400: err('bad filter'), 401: err('not signed in') },
  }), 'viewer', async (c, p) => {
    const q = c.req.valid('query');
    const status = parseList<CaseStatusName>('status', q.status, CASE_STATUSES) ?? ['detected', 'ready', 'submitted'];
    const all = await listCases(deps.db, p.workspaceId, deps.clock.now(), { status, kind: parseList('kind', q.kind, CLAIM_KINDS), accountId: q.account, search: q.q });
    return c.json({ items: all.slice(0, q.limit), total: all.length }, 200);
  });

  register(app, createRoute({
    method: 'get', path: '/api/recon/cases/{id}', tags, request: { params: CaseParam },
    responses: { 200: json(ReconCaseDetail, 'the case with its evidence, timeline and matched reimbursements'), 404: err('no such case') },
  }), 'viewer', async (c, p) => {
    const d = await getCase(deps.db, p.workspaceId, c.req.valid('param').id, deps.clock.now());
    return d ? c.json(d, 200) : c.json(errorBody('not_found', 'no such case in this workspace'), 404);
  });

  register(app, createRoute({
    method: 'post', path: '/api/recon/cases/{id}/actions', tags,
    request: { params: CaseParam, body: { content: { 'application/json': { schema: ReconCaseAction } }, required: true } },
    responses: { 200: json(ReconCaseDetail, 'the case after the action'), 400: err('bad input'), 403: err('viewers cannot act on cases'), 404: err('no such case'), 409: err('the case\'s status does not allow it') },
  }), 'agent', async (c, p) => {
    const id = c.req.valid('param').id;
    await deps.db.transaction((tx) => actOnCase(tx, p.workspaceId, id, c.req.valid('json'), p.userId, deps.clock.now()));
    return c.json((await getCase(deps.db, p.workspaceId, id, deps.clock.now()))!, 200);
  });

  register(app, createRoute({
    method: 'post', path: '/api/recon/run', tags,
    request: { body: { content: { 'application/json': { schema: ReconRunRequest } }, required: true } },
    responses: { 200: json(ReconRunResponse, 'what the run found and changed'), 403: err('viewers cannot run reconciliation') },
  }), 'agent', async (c, p) => {
    const asOf = c.req.valid('json').asOf;
    const r = await reconcile(deps.db, p.workspaceId, { asOf: asOf ? new Date(`${asOf}T12:00:00Z`) : deps.clock.now(), now: () => deps.clock.now(), actor: p.userId });
    return c.json(r, 200);
  });

  register(app, createRoute({
    method: 'post', path: '/api/recon/imports', tags,
    request: { body: { content: { 'multipart/form-data': { schema: z.object({ account: z.string().optional().describe('the Amazon account (id) the reports belong to'), files: z.any().describe('one or more report files') }) } }, required: true } },
    responses: {
      200: json(ReconImportResponse, 'each file: recognised as what, imported / unchanged / rejected with file:line:column'),
      400: err('no files, or an unknown account'), 403: err('viewers cannot import'), 413: err('too large'),
    },
  }), 'agent', async (c, p) => {
    const size = Number(c.req.header('content-length') ?? 0);
    if (size > MAX_UPLOAD_BYTES) return c.json(errorBody('bad_input', `at most ${MAX_UPLOAD_BYTES / 2 ** 20} MiB per upload; import larger files with \`claimdesk import\``), 413);
    const form = await c.req.parseBody({ all: true });
    const account = typeof form.account === 'string' && form.account ? form.account : null;
    const uploads = ([] as unknown[]).concat(form.files ?? form['files[]'] ?? []).filter((f): f is File => f instanceof File);
    if (!uploads.length) throw new CodedError('bad_input', 'no files: send the report files as "files"', { field: 'files' });
    const dir = await mkdtemp(join(tmpdir(), 'cd-upload-'));
    try {
      const paths: string[] = [];
      for (const [i, f] of uploads.entries()) {
        // The name is only shown back (file names carry no meaning); keep it readable, never a path.
        const path = join(dir, `${i}-${basename(f.name || 'report').replace(/[^\w.\-]+/g, '_')}`);
        await writeFile(path, Buffer.from(await f.arrayBuffer()));
        paths.push(path);
      }
      const r = await importReports(deps.db, p.workspaceId, account, 'auto', paths, () => {}, { now: () => deps.clock.now() });
      const name = (path: string) => uploads[Number(basename(path).split('-')[0])]?.name ?? basename(path);
      return c.json({
        files: r.files.map((f) => ({ ...f, file: name(f.file), error: f.error ? f.error.split(f.file).join(name(f.file)).replace('give --account', 'choose the Amazon account they belong to ("account")') : null })),
        rejected: r.rejected,
      }, 200);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  register(app, createRoute({
    method: 'get', path: '/api/recon/cases/{id}/packet.pdf', tags, request: { params: CaseParam },
    responses: { 200: { description: 'the evidence packet as a PDF', content: { 'application/pdf': { schema: z.string() } } }, 404: err('no such case') },
  }), 'viewer', async (c, p) => {
    const packet = await loadPacket(deps.db, p.workspaceId, c.req.valid('param').id, deps.clock.now());
    const pdf = await packetPdf(packet);
    return new Response(new Uint8Array(pdf), { status: 200, headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="claim-${packet.case.id}.pdf"` } });
  });

  register(app, createRoute({
    method: 'get', path: '/api/recon/cases/{id}/packet.zip', tags, request: { params: CaseParam },
    responses: { 200: { description: 'the evidence packet as a ZIP (PDF, claim text, evidence CSV, conversation, invoices)', content: { 'application/zip': { schema: z.string() } } }, 404: err('no such case') },
  }), 'viewer', async (c, p) => {
    const packet = await loadPacket(deps.db, p.workspaceId, c.req.valid('param').id, deps.clock.now());
    const zip = await packetsZip(deps.db, p.workspaceId, [packet]);
    return new Response(Buffer.from(zip), { status: 200, headers: { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="claim-${packet.case.id}.zip"` } });
  });

  register(app, createRoute({
    method: 'get', path: '/api/recon/export.zip', tags, request: { query: ExportQuery },
    responses: { 200: { description: 'the packets of several cases in one ZIP, with cases.csv and claim batches', content: { 'application/zip': { schema: z.string() } } }, 400: err('bad ids') },
  }), 'viewer', async (c, p) => {
    const now = deps.clock.now();
    const idsParam = c.req.valid('query').ids;
    const ids = idsParam ? idsParam.split(',').map((x) => x.trim()).filter(Boolean) : (await listCases(deps.db, p.workspaceId, now, { status: ['ready'] })).map((x) => x.id);
    if (ids.length > 500) throw new CodedError('bad_input', 'export at most 500 cases at a time', { field: 'ids' });
    const packets = [];
    for (const id of ids) packets.push(await loadPacket(deps.db, p.workspaceId, id, now));
    const zip = await packetsZip(deps.db, p.workspaceId, packets);
    return new Response(Buffer.from(zip), { status: 200, headers: { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="claims-${now.toISOString().slice(0, 10)}.zip"` } });
  });
}
