/**
 * Test support: a local SP-API that replays Amazon's own static sandbox examples (`x-amzn-api-sandbox` in the
 * OpenAPI models, collected in sandbox-examples-index.json). A request gets an example's status and body when it
 * carries exactly that example's parameters (path, query, body); anything else gets a 404 that says which
 * parameter values the examples take. It also serves LWA (`POST /auth/o2/token`) and report documents: the
 * sandbox getReportDocument example points at an Amazon URL, which is rewritten to this server, where a small
 * gzipped TSV is served.
 *
 * `intercept` answers requests before the replay (throttling, paging, report progress scripted by a test).
 * Listens on 127.0.0.1, port 0. Fixtures are read in place, only when an operation is asked for.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

export const AMAZON_SP_FIXTURES_DIR = resolve(import.meta.dirname, '../../../../shared/fixtures/amazon-sp-api');
export const SANDBOX_INDEX_FILE = 'sandbox-examples-index.json';

const ORDERS = 'models/orders-api-model/ordersV0.json';
const REPORTS = 'models/reports-api-model/reports_2021-06-30.json';

/** The operations this client uses, as keys of sandbox-examples-index.json. */
export const SANDBOX_OPERATIONS: readonly string[] = [
  `${ORDERS}#getOrders`,
  `${ORDERS}#getOrder`,
  `${ORDERS}#getOrderItems`,
  `${ORDERS}#getOrderBuyerInfo`,
  `${ORDERS}#getOrderAddress`,
  `${REPORTS}#createReport`,
  `${REPORTS}#getReport`,
  `${REPORTS}#getReportDocument`,
  `${REPORTS}#cancelReport`,
];

/** The document id of the sandbox getReportDocument example; served with SANDBOX_REPORT_TSV. */
export const SANDBOX_REPORT_DOCUMENT_ID = '0356cf79-b8b0-4226-b4b9-0ee058ea5760';

/** A small merchant-listings flat file, windows-1252 encoded ("Café" is byte 0xE9) to catch any decoding. */
export const SANDBOX_REPORT_TSV: Buffer = Buffer.from(
  'item-name\tlisting-id\tseller-sku\tprice\tquantity\tasin1\tfulfillment-channel\n' +
    'Caf\u00e9 Becher 300 ml\t0311ZZ8XJ1A\tMUG-300-WHT\t12.99\t40\tB00551Q3CS\tDEFAULT\n' +
    'Teekanne 1 l\t0311ZZ8XJ1B\tPOT-1L-BLK\t24.50\t0\tB07PQRSTUV\tAMAZON_EU\n',
  'latin1',
);

export function sandboxFixturesAvailable(fixturesDir: string = AMAZON_SP_FIXTURES_DIR): boolean {
  return existsSync(resolve(fixturesDir, SANDBOX_INDEX_FILE));
}

export type ParamLocation = 'path' | 'query' | 'body' | 'header' | 'formData';

export interface SandboxExample {
  /** `modelfile#operationId`. */
  readonly key: string;
  /** Position among the operation's examples. */
  readonly index: number;
  readonly status: number;
  /** Parameter name → value, as in the example. */
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly response: unknown;
}

export interface SandboxOperation {
  readonly key: string;
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly paramLocations: Readonly<Record<string, ParamLocation>>;
  readonly examples: readonly SandboxExample[];
}

interface IndexEntry {
  method: string;
  path: string;
  examples: { status: string; kind: string; request: { parameters: Record<string, { value: unknown }> }; response: unknown }[];
}

interface ModelParameter {
  name?: string;
  in?: string;
  $ref?: string;
}

/** Reads the index and, for each key, where its parameters go (from the model the key names). */
export function loadSandboxOperations(keys: readonly string[] = SANDBOX_OPERATIONS, fixturesDir: string = AMAZON_SP_FIXTURES_DIR): SandboxOperation[] {
  if (keys.length === 0) return [];
  const indexPath = resolve(fixturesDir, SANDBOX_INDEX_FILE);
  if (!existsSync(indexPath)) throw new Error(`SP-API sandbox fixtures not found: ${indexPath}`);
  const index = JSON.parse(readFileSync(indexPath, 'utf8')) as Record<string, IndexEntry>;
  const models = new Map<string, Record<string, unknown>>();
  return keys.map((key) => {
    const entry = index[key];
    if (!entry) throw new Error(`no sandbox examples for "${key}" in ${indexPath}`);
    const [modelFile = '', operationId = ''] = key.split('#');
    let model = models.get(modelFile);
    if (!model) {
      model = JSON.parse(readFileSync(resolve(fixturesDir, modelFile), 'utf8')) as Record<string, unknown>;
      models.set(modelFile, model);
    }
    return {
      key,
      operationId,
      method: entry.method.toUpperCase(),
      path: entry.path,
      paramLocations: parameterLocations(model, entry.path, entry.method, operationId),
      examples: entry.examples
        .filter((e) => e.kind === 'static')
        .map((e, i) => ({
          key,
          index: i,
          status: Number(e.status),
          parameters: Object.fromEntries(Object.entries(e.request.parameters ?? {}).map(([k, v]) => [k, v.value])),
          response: e.response,
        })),
    };
  });
}

function parameterLocations(model: Record<string, unknown>, path: string, method: string, operationId: string): Record<string, ParamLocation> {
  const paths = (model['paths'] ?? {}) as Record<string, Record<string, { operationId?: string; parameters?: ModelParameter[] } | ModelParameter[]>>;
  const item = paths[path];
  const op = item?.[method.toLowerCase()] as { operationId?: string; parameters?: ModelParameter[] } | undefined;
  if (!item || !op || op.operationId !== operationId) throw new Error(`model has no ${method} ${path} with operationId ${operationId}`);
  const shared = Array.isArray(item['parameters']) ? item['parameters'] : [];
  const out: Record<string, ParamLocation> = {};
  for (const raw of [...shared, ...(op.parameters ?? [])]) {
    const p = raw.$ref ? resolveRef(model, raw.$ref) : raw;
    if (p?.name && p.in) out[p.name] = p.in as ParamLocation;
  }
  return out;
}

function resolveRef(model: Record<string, unknown>, ref: string): ModelParameter | undefined {
  let node: unknown = model;
  for (const part of ref.replace(/^#\//, '').split('/')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node as ModelParameter | undefined;
}

export interface SandboxRequest {
  readonly method: string;
  /** Path without the query string, as received (still percent-encoded). */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface SandboxReply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON (`null` sends an empty body). */
  readonly json?: unknown;
  /** Sent as is, when `json` is not given. */
  readonly body?: string | Buffer;
}

export type SandboxIntercept = (req: SandboxRequest, server: SandboxServer) => SandboxReply | undefined | Promise<SandboxReply | undefined>;

export interface SandboxServerOptions {
  readonly fixturesDir?: string;
  /** Index keys to replay (default SANDBOX_OPERATIONS; [] for none, which reads no fixture). */
  readonly operations?: readonly string[];
  /** When set, the token endpoint insists on these (invalid_grant / invalid_client otherwise). */
  readonly credentials?: { readonly clientId?: string; readonly clientSecret?: string; readonly refreshToken?: string };
  /** expires_in of issued tokens (default 3600). */
  readonly tokenTtlSeconds?: number;
  /** Refuse SP-API calls without a token this server issued (default true). */
  readonly requireAccessToken?: boolean;
  /** Serve the sandbox getReportDocument example's document (default SANDBOX_REPORT_TSV, gzipped). */
  readonly sandboxDocument?: { readonly content: Buffer | string; readonly gzip?: boolean } | null;
  readonly intercept?: SandboxIntercept;
}

export interface SandboxServer {
  /** http://127.0.0.1:<port> — both the SP-API endpoint and the LWA endpoint. */
  readonly url: string;
  readonly endpoint: string;
  readonly lwaEndpoint: string;
  readonly operations: readonly SandboxOperation[];
  /** Every request received, in order. */
  readonly requests: SandboxRequest[];
  /** Every example replayed, in order. */
  readonly replayed: { readonly key: string; readonly index: number }[];
  /** Token requests answered with a token. */
  readonly issuedTokens: string[];
  intercept: SandboxIntercept | null;
  /** Serves `content` at documentUrl(id); gzipped on the wire unless `gzip: false`. Returns the URL. */
  addDocument(id: string, content: Buffer | string, options?: { readonly gzip?: boolean }): string;
  documentUrl(id: string): string;
  /** From now on every token issued so far is refused as expired (403), as SP-API does after an hour. */
  expireAccessTokens(): void;
  close(): Promise<void>;
}

const DOCUMENT_PREFIX = '/sandbox-documents/';

export async function startSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const operations = loadSandboxOperations(options.operations ?? SANDBOX_OPERATIONS, options.fixturesDir ?? AMAZON_SP_FIXTURES_DIR);
  const routes = operations.map((op) => ({ op, ...pathPattern(op.path) }));
  const documents = new Map<string, { bytes: Buffer; gzip: boolean }>();
  const live = new Set<string>();
  const expired = new Set<string>();
  const requireToken = options.requireAccessToken ?? true;
  let tokenCounter = 0;
  let url = '';

  const sandbox: SandboxServer = {
    get url() {
      return url;
    },
    get endpoint() {
      return url;
    },
    get lwaEndpoint() {
      return url;
    },
    operations,
    requests: [],
    replayed: [],
    issuedTokens: [],
    intercept: options.intercept ?? null,
    addDocument(id, content, opts = {}) {
      const gzip = opts.gzip ?? true;
      const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      documents.set(id, { bytes: gzip ? gzipSync(raw) : raw, gzip });
      return sandbox.documentUrl(id);
    },
    documentUrl(id) {
      return `${url}${DOCUMENT_PREFIX}${encodeURIComponent(id)}`;
    },
    expireAccessTokens() {
      for (const t of live) expired.add(t);
      live.clear();
    },
    close() {
      return new Promise<void>((done, fail) => {
        server.close((e) => (e ? fail(e) : done()));
        server.closeAllConnections();
      });
    },
  };

  const handle = async (req: SandboxRequest): Promise<SandboxReply> => {
    if (sandbox.intercept) {
      const reply = await sandbox.intercept(req, sandbox);
      if (reply) return reply;
    }
    if (req.path === '/auth/o2/token') return tokenReply(req);
    if (req.path.startsWith(DOCUMENT_PREFIX)) {
      const doc = req.method === 'GET' ? documents.get(decodeURIComponent(req.path.slice(DOCUMENT_PREFIX.length))) : undefined;
      if (!doc) return { status: 404, headers: { 'content-type': 'application/xml' }, body: '<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>' };
      // Like S3: the object is the gzip file itself (no Content-Encoding, so nothing unzips it on the way).
      return { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: doc.bytes };
    }
    if (requireToken) {
      const token = headerValue(req.headers['x-amz-access-token']);
      if (!token || !live.has(token)) {
        const details = token && expired.has(token) ? 'The access token you provided has expired.' : 'The access token you provided is revoked, malformed or invalid.';
        return { status: 403, json: { errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details }] } };
      }
    }
    const route = routes.find((r) => r.op.method === req.method && r.regex.test(req.path));
    if (!route) return notFound(`No sandbox operation serves ${req.method} ${req.path}`, `replayed operations: ${operations.map((o) => `${o.method} ${o.path}`).join(', ') || 'none'}`);
    const pathValues = extractPathParams(route, req.path);
    const example = route.op.examples.find((ex) => exampleMatches(route.op, ex, req, pathValues));
    if (!example) {
      const takes = route.op.examples.map((ex) => `[${Object.entries(ex.parameters).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}]`).join(' | ');
      return notFound(`No sandbox example of ${route.op.operationId} matches ${req.method} ${req.path}${req.query.size ? `?${req.query.toString()}` : ''}${req.body ? ` with body ${req.body.slice(0, 200)}` : ''}`, `the examples take: ${takes}`);
    }
    sandbox.replayed.push({ key: example.key, index: example.index });
    return { status: example.status, json: rewriteDocumentUrl(route.op, example.response) };
  };

  const rewriteDocumentUrl = (op: SandboxOperation, response: unknown): unknown => {
    if (op.operationId !== 'getReportDocument' || !response || typeof response !== 'object') return response;
    const r = response as Record<string, unknown>;
    if (typeof r['url'] !== 'string' || typeof r['reportDocumentId'] !== 'string') return response;
    const doc = documents.get(r['reportDocumentId']);
    const rewritten: Record<string, unknown> = { ...r, url: sandbox.documentUrl(r['reportDocumentId']) };
    if (doc?.gzip) rewritten['compressionAlgorithm'] = 'GZIP';
    return rewritten;
  };

  const tokenReply = (req: SandboxRequest): SandboxReply => {
    if (req.method !== 'POST') return { status: 405, json: { error: 'invalid_request', error_description: 'POST only' } };
    if (!String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
      return { status: 400, json: { error: 'invalid_request', error_description: 'expected a form-encoded body' } };
    }
    const form = new URLSearchParams(req.body);
    if (form.get('grant_type') !== 'refresh_token') return { status: 400, json: { error: 'unsupported_grant_type', error_description: `grant_type ${form.get('grant_type')}` } };
    const want = options.credentials ?? {};
    const clientId = form.get('client_id');
    const clientSecret = form.get('client_secret');
    const refreshToken = form.get('refresh_token');
    if (!clientId || !clientSecret || (want.clientId !== undefined && want.clientId !== clientId) || (want.clientSecret !== undefined && want.clientSecret !== clientSecret)) {
      return { status: 401, json: { error: 'invalid_client', error_description: 'Client authentication failed' } };
    }
    if (!refreshToken || (want.refreshToken !== undefined && want.refreshToken !== refreshToken)) {
      return { status: 400, json: { error: 'invalid_grant', error_description: 'The request has an invalid grant parameter : refresh_token' } };
    }
    tokenCounter += 1;
    const token = `Atza|sandbox-access-token-${tokenCounter}`;
    live.add(token);
    sandbox.issuedTokens.push(token);
    return { status: 200, json: { access_token: token, refresh_token: refreshToken, token_type: 'bearer', expires_in: options.tokenTtlSeconds ?? 3600 } };
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
      const request: SandboxRequest = { method: req.method ?? 'GET', path: parsed.pathname, query: parsed.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      sandbox.requests.push(request);
      handle(request)
        .catch((e: unknown): SandboxReply => ({ status: 500, json: { errors: [{ code: 'InternalFailure', message: `sandbox server error: ${(e as Error).message}` }] } }))
        .then((reply) => send(res, reply));
    });
  });

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sandboxDoc = options.sandboxDocument === undefined ? { content: SANDBOX_REPORT_TSV, gzip: true } : options.sandboxDocument;
  if (sandboxDoc) sandbox.addDocument(SANDBOX_REPORT_DOCUMENT_ID, sandboxDoc.content, { gzip: sandboxDoc.gzip ?? true });
  return sandbox;
}

function send(res: ServerResponse, reply: SandboxReply): void {
  const headers: Record<string, string> = { 'x-amzn-requestid': `sandbox-${Math.random().toString(36).slice(2, 10)}`, ...reply.headers };
  let body: string | Buffer = '';
  if (reply.json !== undefined) {
    body = reply.json === null ? '' : JSON.stringify(reply.json);
    headers['content-type'] ??= 'application/json';
  } else if (reply.body !== undefined) {
    body = reply.body;
  }
  res.writeHead(reply.status, headers);
  res.end(body);
}

function notFound(message: string, details: string): SandboxReply {
  return { status: 404, json: { errors: [{ code: 'NotFound', message, details }] } };
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function pathPattern(template: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const m = /^\{([^}]+)\}$/.exec(part);
      if (m?.[1]) {
        names.push(m[1]);
        return '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { regex: new RegExp(`^${source}$`), names };
}

function extractPathParams(route: { regex: RegExp; names: string[] }, path: string): Record<string, string> {
  const m = route.regex.exec(path);
  const out: Record<string, string> = {};
  route.names.forEach((name, i) => {
    out[name] = decodeURIComponent(m?.[i + 1] ?? '');
  });
  return out;
}

/** Exactly the example's parameters: same path values, same query keys and values, same JSON body. */
export function exampleMatches(op: SandboxOperation, ex: SandboxExample, req: SandboxRequest, pathValues: Readonly<Record<string, string>>): boolean {
  const where = (name: string): ParamLocation => op.paramLocations[name] ?? (name in pathValues ? 'path' : name === 'body' ? 'body' : 'query');
  const expectedQuery = new Set<string>();
  let expectsBody = false;
  for (const [name, value] of Object.entries(ex.parameters)) {
    switch (where(name)) {
      case 'path':
        if (pathValues[name] !== String(value)) return false;
        break;
      case 'query': {
        expectedQuery.add(name);
        const got = req.query.getAll(name);
        if (got.length === 0) return false;
        const values = got.flatMap((g) => g.split(','));
        const want = Array.isArray(value) ? value.map(String) : [String(value)];
        if (!Array.isArray(value) && got.length === 1 && got[0] === String(value)) break;
        if (!isDeepStrictEqual(values, want)) return false;
        break;
      }
      case 'body': {
        expectsBody = true;
        let body: unknown;
        try {
          body = JSON.parse(req.body);
        } catch {
          return false;
        }
        if (!isDeepStrictEqual(body, value)) return false;
        break;
      }
      case 'header':
        if (headerValue(req.headers[name.toLowerCase()]) !== String(value)) return false;
        break;
      default:
        return false;
    }
  }
  for (const key of req.query.keys()) if (!expectedQuery.has(key)) return false;
  if (!expectsBody && req.body.trim() !== '') return false;
  return true;
}
