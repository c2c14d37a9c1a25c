import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { errorBody, errorResponse as err, jsonBody as body, jsonResponse as json, present, register, type App } from '../access/index.ts';
import { CreateNoteRequest, Note, TicketDetail, TicketListQuery, TicketListResponse, TimelineEvent } from '../contracts/index.ts';
import type { Clock } from '../kernel/index.ts';
import { ok } from '../kernel/index.ts';
import type { Db } from '../platform/db/port.ts';
import { addNote } from './add-note.ts';
import { listTickets } from './list-tickets.ts';
import { getTicketDetail, getTicketTimeline } from './ticket-detail.ts';

const TicketParam = z.object({ id: z.string().min(1).max(64) });

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
}
