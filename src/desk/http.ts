import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { errorBody, errorResponse as err, jsonBody as body, jsonResponse as json, present, register, type App } from '../access/index.ts';
import { CreateNoteRequest, Note, TicketDetail, TicketListQuery, TicketListResponse, TimelineEvent } from '../contracts/index.ts';
import type { Clock } from '../kernel/index.ts';
import { ok } from '../kernel/index.ts';
import type { Db } from '../platform/db/port.ts';
import { addNote } from './add-note.ts';
import { listTickets } from './list-tickets.ts';
import { readAttachment } from './attachments.ts';
import { getTicketDetail, getTicketTimeline } from './ticket-detail.ts';

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
}
