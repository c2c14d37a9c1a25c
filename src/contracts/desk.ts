import { z } from 'zod';
import { Channel, Fulfillment, IsoDateTime, RiskLevel, TicketStatus } from './common.ts';

/** A page cursor is base64url of a decimal offset below 10 million. */
function isCursor(c: string): boolean {
  try {
    return /^\d{1,7}$/.test(atob(c.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(c.length / 4) * 4, '=')));
  } catch {
    return false;
  }
}

export const TicketListQuery = z.object({
  status: z.union([TicketStatus, z.literal('active')]).optional().describe('"active" = open, pending and on_hold'),
  channel: Channel.optional(),
  marketplace: z.string().optional().describe('a marketplace code, or "none"'),
  riskLevel: RiskLevel.optional(),
  assignee: z.string().optional().describe('user id, or "me", or "none"'),
  teamId: z.string().optional().describe('a team id, or "none"'),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .max(12)
    .refine(isCursor, 'not a cursor this API returned')
    .optional()
    .describe('nextCursor of the previous page'),
});
export type TicketListQuery = z.infer<typeof TicketListQuery>;

export const RiskFactor = z.object({
  code: z.string().describe('stable reason code: channel.amazon, signal.a_to_z_threat, tracking.stalled, clock.amazon_24h, rule.<id>…'),
  points: z.number().describe('what it added to the score'),
  text: z.string().describe('English explanation with the numbers'),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).describe('the values behind it, for translation'),
  forcesCritical: z.boolean().optional(),
});
export type RiskFactor = z.infer<typeof RiskFactor>;

export const SlaClockView = z.object({
  metric: z.enum(['first_response', 'next_response', 'resolution']),
  state: z.string().describe('ok, warning, breached, paused, stopped'),
  startedAt: IsoDateTime,
  dueAt: IsoDateTime.nullable(),
  remainingMs: z.number(),
  targetMs: z.number(),
  breachedAt: IsoDateTime.nullable(),
  stoppedAt: IsoDateTime.nullable(),
  stopReason: z.string().nullable(),
});

export const TicketSla = z.object({
  policyId: z.string().nullable().describe('the SLA policy that applies'),
  state: z.enum(['none', 'ok', 'warning', 'breached', 'paused', 'stopped']).describe('as announced: warning and breach events are on the timeline'),
  metric: z.enum(['first_response', 'next_response', 'resolution']).nullable().describe('the running clock due first'),
  dueAt: IsoDateTime.nullable().describe('its deadline: the queue sorts by it within a risk level'),
  breachedAt: IsoDateTime.nullable(),
  clocks: z.array(SlaClockView).describe('every clock as of the last assessment'),
});

export const TicketSummary = z.object({
  id: z.string(),
  number: z.number().int(),
  subject: z.string(),
  preview: z.string(),
  assigneeId: z.string().nullable(),
  teamId: z.string().nullable(),
  noResponseNeeded: z.boolean().describe('Amazon: marked "no response needed" (the 24-hour clock stops)'),
  channel: Channel,
  marketplace: z.string().nullable(),
  status: TicketStatus,
  riskLevel: RiskLevel,
  riskScore: z.number().int(),
  intent: z.string().nullable(),
  intents: z.array(z.string()).describe('every intent detected; `intent` is the primary one'),
  signals: z.array(z.string()),
  riskReasons: z.array(z.string()).describe('why the ticket has its risk level, most important first'),
  riskFactors: z.array(RiskFactor).describe('the same reasons, structured (code, points, values)'),
  priority: z.enum(['low', 'normal', 'high', 'urgent']),
  sla: TicketSla,
  tags: z.array(z.string()),
  language: z.string().nullable(),
  customerName: z.string().nullable(),
  orderExternalId: z.string().nullable(),
  fulfillment: Fulfillment.nullable(),
  assigneeName: z.string().nullable(),
  teamName: z.string().nullable(),
  messageCount: z.number().int(),
  lastMessageAt: IsoDateTime.nullable(),
  firstResponseDueAt: IsoDateTime.nullable(),
  nextResponseDueAt: IsoDateTime.nullable(),
  resolutionDueAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
});
export type TicketSummary = z.infer<typeof TicketSummary>;

const Counts = z.record(z.string(), z.number().int());
export const TicketListResponse = z.object({
  items: z.array(TicketSummary),
  total: z.number().int(),
  counts: z.object({ status: Counts, channel: Counts, risk: Counts, marketplace: Counts.describe('"" = no marketplace'), team: Counts.describe('team id; "" = no team'), assignee: Counts.describe('user id; "" = unassigned') }),
  nextCursor: z.string().nullable(),
});
export type TicketListResponse = z.infer<typeof TicketListResponse>;

export const Attachment = z.object({
  sha256: z.string(),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  url: z.string().describe('GET it with the session or token to download the bytes'),
});

export const Message = z.object({
  id: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  channel: z.string(),
  fromAddress: z.string(),
  toAddress: z.string(),
  subject: z.string(),
  bodyText: z.string(),
  bodyHtml: z.string().nullable().describe('sanitised at ingestion'),
  language: z.string().nullable(),
  sentAt: IsoDateTime,
  deliveryStatus: z.enum(['received', 'draft', 'queued', 'sent', 'failed']),
  deliveryError: z.string().nullable().describe('why the last delivery attempt failed (retried until attempts run out, then "failed")'),
  authorName: z.string().nullable().describe('the agent who wrote an outbound message'),
  classification: z.object({
    intent: z.string(),
    intents: z.array(z.string()),
    signals: z.array(z.string()),
    language: z.string().nullable(),
    evidence: z.record(z.string(), z.array(z.string())).describe('intent or signal → the words in the message that decided it'),
  }).nullable().describe('what triage read in an inbound message, and why'),
  attachments: z.array(Attachment),
});
export type Message = z.infer<typeof Message>;

export const Note = z.object({ id: z.string(), authorLabel: z.string(), body: z.string(), createdAt: IsoDateTime });
export type Note = z.infer<typeof Note>;

export const CreateNoteRequest = z.object({ body: z.string().trim().min(1).max(20_000) });

export const ReplyRequest = z.object({
  body: z.string().trim().min(1).max(50_000),
  status: z.enum(['open', 'pending', 'solved']).optional().describe('the ticket status after replying; default "pending" (waiting on the customer)'),
});
export type ReplyRequest = z.infer<typeof ReplyRequest>;

export const DraftRequest = z.object({ body: z.string().max(50_000) });
export const Draft = z.object({ body: z.string().nullable() });

export const Viewer = z.object({ userId: z.string(), name: z.string(), composing: z.boolean(), seenAt: IsoDateTime });
export const PresenceRequest = z.object({ composing: z.boolean().default(false) });
export const PresenceResponse = z.object({
  viewers: z.array(Viewer).describe('other agents who have this ticket open (seen in the last minute)'),
  lastMessageAt: IsoDateTime.nullable().describe('the newest message on the ticket: a change means someone wrote meanwhile'),
});

export const UpdateTicketRequest = z.object({
  status: TicketStatus.optional(),
  assigneeId: z.string().nullable().optional(),
  teamId: z.string().nullable().optional(),
  noResponseNeeded: z.boolean().optional().describe('Amazon: the buyer\'s last message needs no reply (stops the 24-hour clock)'),
});
export type UpdateTicketRequest = z.infer<typeof UpdateTicketRequest>;

export const MergeCustomerRequest = z.object({ mergeCustomerId: z.string().min(1).max(64).describe('this customer is merged into the one in the path') });
export const SplitCustomerRequest = z.object({
  identities: z.array(z.object({ channel: z.string(), externalId: z.string() })).min(1).max(50),
  ticketIds: z.array(z.string()).max(500).optional().describe('tickets that move to the new customer; default: tickets whose reply address is one of the identities'),
});

export const TimelineEvent = z.object({
  id: z.string(),
  type: z.string(),
  actor: z.string().describe('user:<id>, rule:<name>, system or channel:<kind>'),
  actorLabel: z.string().describe('a name a person can read: the user\'s name, the rule\'s name, "System", the channel'),
  data: z.record(z.string(), z.unknown()),
  occurredAt: IsoDateTime,
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const TrackingEvent = z.object({ occurredAt: IsoDateTime, status: z.string(), message: z.string(), location: z.string().nullable() });

export const Shipment = z.object({
  id: z.string(),
  carrier: z.string(),
  service: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  status: z.string(),
  shippedAt: IsoDateTime.nullable(),
  deliveredAt: IsoDateTime.nullable(),
  signedBy: z.string().nullable(),
  uploadedToMarketplace: z.boolean(),
  events: z.array(TrackingEvent),
});

export const OrderDetail = z.object({
  id: z.string(),
  channel: Channel,
  marketplace: z.string().nullable(),
  externalId: z.string(),
  fulfillment: Fulfillment,
  status: z.string(),
  purchasedAt: IsoDateTime,
  promisedShipBy: IsoDateTime.nullable(),
  promisedDeliveryBy: IsoDateTime.nullable(),
  currency: z.string(),
  subtotalMinor: z.number().int(),
  shippingMinor: z.number().int(),
  taxMinor: z.number().int(),
  discountMinor: z.number().int(),
  totalMinor: z.number().int(),
  shipTo: z.object({ country: z.string().nullable(), postalCode: z.string().nullable(), city: z.string().nullable() }),
  items: z.array(
    z.object({ sku: z.string(), asin: z.string().nullable(), fnsku: z.string().nullable(), title: z.string(), quantity: z.number().int(), unitPriceMinor: z.number().int() }),
  ),
  shipments: z.array(Shipment),
  returns: z.array(
    z.object({ id: z.string(), sku: z.string().nullable(), quantity: z.number().int(), reason: z.string().nullable(), customerComment: z.string().nullable(), disposition: z.string().nullable(), status: z.string(), requestedAt: IsoDateTime }),
  ),
  refunds: z.array(z.object({ id: z.string(), amountMinor: z.number().int(), currency: z.string(), reason: z.string().nullable(), refundedAt: IsoDateTime })),
});
export type OrderDetail = z.infer<typeof OrderDetail>;

export const Customer = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  country: z.string().nullable(),
  identities: z.array(z.object({ channel: z.string(), externalId: z.string() })),
  orderCount: z.number().int(),
  ticketCount: z.number().int(),
});

export const TicketDetail = z.object({
  ticket: TicketSummary,
  messages: z.array(Message),
  notes: z.array(Note),
  order: OrderDetail.nullable(),
  customer: Customer.nullable(),
});
export type TicketDetail = z.infer<typeof TicketDetail>;
