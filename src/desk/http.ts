import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { errorBody, errorResponse as err, jsonBody as body, jsonResponse as json, present, register, type App } from '../access/index.ts';
import { CreateNoteRequest, Draft, DraftRequest, MergeCustomerRequest, Message, Note, PresenceRequest, PresenceResponse, ReplyRequest, SplitCustomerRequest, TicketDetail, TicketListQuery, TicketListResponse, TicketSummary, TimelineEvent, UpdateTicketRequest } from '../contracts/index.ts';
import type { Clock } from '../kernel/index.ts';
import { ok } from '../kernel/index.ts';
import type { Db } from '../platform/db/port.ts';
import { addNote } from './add-note.ts';
import { listTickets } from './list-tickets.ts';
import { readAttachment } from './attachments.ts';
import { getTicketDetail, getTicketTimeline } from './ticket-detail.ts';
import { getDraft, queueReply, retryReply, saveDraft } from './replies.ts';
import { leavePresence, mergeCustomers, splitCustomer, touchPresence, updateTicket } from './ticket-actions.ts';

const TicketParam = z.object({ id: z.string().min(1).max(64) });

/** Types we pass through as the sender declared them; anything else (HTML, SVG, odd or malformed values) is bytes. */
const PASS_THROUGH = /^(image\/(png|jpeg|gif|webp|heic)|application\/pdf|text\/plain|text\/csv|application\/zip|message\/rfc822)$/;

export function safeContentType(declared: string): string {
  const t = declared.trim().toLowerCase();
  return PASS_THROUGH.test(t) ? t : 'application/octet-stream';
}

export function deskRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  const tags = ['inbox'];

  register(app, createRoute({ method: 'get', path: '/api/tickets', tags, request: { query: TicketListQuery }, responses: { 200: json(TicketListResponse, 'the queue, most harmful first'), 400: err('bad filter'), 401: err('not signed in') } }), 'viewer', async (c, p) => {
    return present(c, ok(await listTickets(deps.db, p.workspaceId, p.userId, c.req.valid('query'))));
  });

  register(app, createRoute({ method: 'get', path: '/api/tickets/{id}', tags, request: { params: TicketParam }, responses: { 200: json(TicketDetail, 'conversation, notes, order and customer'), 404: err('no such ticket in this workspace') } }), 'viewer', async (c, p) => {
    const d = await getTicketDetail(deps.db, p.workspaceId, c.req.valid('param').id);
    return d ? c.json(d, 200) : c.json(errorBody('not_found', 'no such ticket'), 404);
  });

  register(app, createRoute({ method: 'get', path: '/api/tickets/{id}/timeline', tags, request: { params: TicketParam }, responses: { 200: json(z.object({ items: z.array(TimelineEvent) }), 'the audit trail'), 404: err('no such ticket') } }), 'viewer', async (c, p) => {
    const items = await getTicketTimeline(deps.db, p.workspaceId, c.req.valid('param').id);
    return items ? c.json({ items }, 200) : c.json(errorBody('not_found', 'no such ticket'), 404);
  });

  register(app, createRoute({ method: 'post', path: '/api/tickets/{id}/notes', tags, request: { params: TicketParam, ...body(CreateNoteRequest) }, responses: { 201: json(Note, 'the note'), 403: err('viewers cannot add notes'), 404: err('no such ticket') } }), 'agent', async (c, p) => {
    return present(c, await addNote(deps, p, c.req.valid('param').id, c.req.valid('json').body), 201);
  });

  register(app, createRoute({ method: 'get', path: '/api/attachments/{sha256}', tags, request: { params: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }) }, responses: { 200: { description: 'the file, as an attachment download', content: { 'application/octet-stream': { schema: z.string() } } }, 404: err('no such attachment in this workspace') } }), 'viewer', async (c, p) => {
    const a = await readAttachment(deps.db, p.workspaceId, c.req.valid('param').sha256);
    if (!a) return c.json(errorBody('not_found', 'no such attachment'), 404);
    // Always a download, never rendered inline, in a sandbox if a browser tries: attachments come from strangers.
    return new Response(Buffer.from(a.bytes), {
      headers: {
        'content-type': safeContentType(a.contentType),
        'content-security-policy': 'sandbox; default-src \'none\'',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, max-age=31536000, immutable',
      },
    });
  });

  register(app, createRoute({ method: 'patch', path: '/api/tickets/{id}', tags, request: { params: TicketParam, ...body(UpdateTicketRequest) }, responses: { 200: json(TicketSummary, 'the ticket after the change'), 400: err('unknown assignee or team'), 403: err('viewers cannot change tickets'), 404: err('no such ticket') } }), 'agent', async (c, p) => {
    return present(c, await updateTicket(deps, p, c.req.valid('param').id, c.req.valid('json')));
  });

  register(app, createRoute({ method: 'post', path: '/api/tickets/{id}/replies', tags, request: { params: TicketParam, ...body(ReplyRequest) }, responses: { 202: json(Message, 'queued: the worker sends it through the ticket\'s channel and retries on failure'), 400: err('nothing to reply to'), 403: err('viewers cannot reply'), 404: err('no such ticket') } }), 'agent', async (c, p) => {
    return present(c, await queueReply(deps, p, c.req.valid('param').id, c.req.valid('json')), 202);
  });

  register(app, createRoute({ method: 'get', path: '/api/tickets/{id}/draft', tags, request: { params: TicketParam }, responses: { 200: json(Draft, 'your unsent draft, if any') } }), 'agent', async (c, p) => {
    return c.json({ body: await getDraft(deps.db, p, c.req.valid('param').id) }, 200);
  });

  register(app, createRoute({ method: 'put', path: '/api/tickets/{id}/draft', tags, request: { params: TicketParam, ...body(DraftRequest) }, responses: { 200: json(z.object({ savedAt: z.string() }), 'saved, not sent'), 404: err('no such ticket') } }), 'agent', async (c, p) => {
    return present(c, await saveDraft(deps, p, c.req.valid('param').id, c.req.valid('json').body));
  });

  register(app, createRoute({ method: 'post', path: '/api/messages/{id}/retry', tags, request: { params: TicketParam }, responses: { 200: json(Message, 'queued again'), 404: err('no failed reply with that id') } }), 'agent', async (c, p) => {
    return present(c, await retryReply(deps, p, c.req.valid('param').id));
  });

  register(app, createRoute({ method: 'post', path: '/api/tickets/{id}/presence', tags, request: { params: TicketParam, ...body(PresenceRequest) }, responses: { 200: json(PresenceResponse, 'who else has this ticket open'), 404: err('no such ticket') } }), 'viewer', async (c, p) => {
    return present(c, await touchPresence(deps, p, c.req.valid('param').id, c.req.valid('json').composing));
  });

  register(app, createRoute({ method: 'delete', path: '/api/tickets/{id}/presence', tags, request: { params: TicketParam }, responses: { 204: { description: 'left the ticket' } } }), 'viewer', async (c, p) => {
    await leavePresence(deps.db, p, c.req.valid('param').id);
    return c.body(null, 204);
  });

  register(app, createRoute({ method: 'post', path: '/api/customers/{id}/merge', tags, request: { params: TicketParam, ...body(MergeCustomerRequest) }, responses: { 200: json(z.object({ customerId: z.string(), movedTickets: z.number().int() }), 'merged'), 404: err('no such customer'), 409: err('already merged') } }), 'agent', async (c, p) => {
    return present(c, await mergeCustomers(deps, p, c.req.valid('param').id, c.req.valid('json').mergeCustomerId));
  });

  register(app, createRoute({ method: 'post', path: '/api/customers/{id}/split', tags, request: { params: TicketParam, ...body(SplitCustomerRequest) }, responses: { 200: json(z.object({ customerId: z.string(), movedTickets: z.number().int() }), 'the new customer'), 400: err('identities not on this customer') } }), 'agent', async (c, p) => {
    const b = c.req.valid('json');
    return present(c, await splitCustomer(deps, p, c.req.valid('param').id, b.identities, b.ticketIds));
  });
}
