import { z } from 'zod';
import { classify } from './domain/intents.ts';
import { assessRisk, DEFAULT_RISK_CONFIG, type OrderFacts, type RiskFactor } from './domain/risk.ts';
import { DEFAULT_RULES, dryRun, makeFacts, type DryRunRule, type Rule } from './domain/rules/index.ts';
import {
  businessHoursAt, DEFAULT_SLA_POLICIES, defaultCalendars, slaForTicket,
  type BusinessCalendar, type SlaClock, type SlaEvent, type SlaPolicy,
} from './domain/sla/index.ts';

const Iso = z.iso.datetime({ offset: true });

/** The order a message is about, as far as the caller knows it (all optional). */
export const AssessOrder = z.object({
  id: z.string().max(100).optional(),
  totalMinor: z.number().int().optional().describe('order total in minor units (cents)'),
  currency: z.string().length(3).optional(),
  status: z.string().max(40).optional(),
  purchasedAt: Iso.optional(),
  promisedShipBy: Iso.optional(),
  promisedDeliveryBy: Iso.optional(),
  shipments: z.array(z.object({
    carrier: z.string().max(60).default('unknown'),
    trackingNumber: z.string().max(80).nullable().optional(),
    status: z.string().max(40).default('pending').describe('pending, info_received, in_transit, out_for_delivery, attempt_fail, delivered, exception, expired'),
    shippedAt: Iso.nullable().optional(),
    deliveredAt: Iso.nullable().optional(),
    lastEventAt: Iso.nullable().optional(),
    uploadedToMarketplace: z.boolean().default(true),
  })).default([]),
}).passthrough();

/** One message to assess, as `claimdesk triage` reads it (one JSON object per line; all but `body` optional). */
export const AssessInput = z.object({
  channel: z.enum(['amazon', 'shopify', 'tiktok', 'email', 'instagram', 'fake']).default('email'),
  marketplace: z.string().max(8).nullable().optional(),
  fulfillment: z.enum(['FBA', 'FBM', 'MCF', 'SHOPIFY', 'TIKTOK']).nullable().optional(),
  subject: z.string().max(2000).optional(),
  body: z.string().max(1_000_000),
  order: AssessOrder.optional(),
  customer: z.object({
    previousTickets: z.number().int().min(0).default(0),
    previousClaims: z.number().int().min(0).default(0),
    lifetimeValueMinor: z.number().int().min(0).default(0),
  }).optional(),
  receivedAt: Iso.optional().describe('when the message arrived (default: now)'),
});
export type AssessInput = z.infer<typeof AssessInput>;

export interface Assessment {
  readonly language: string | null;
  readonly intent: string;
  readonly intents: readonly string[];
  readonly signals: readonly string[];
  readonly risk: 'critical' | 'high' | 'normal' | 'low';
  readonly score: number;
  /** The reasons as text, most important first. */
  readonly reasons: readonly string[];
  /** The same reasons, structured. */
  readonly factors: readonly RiskFactor[];
  readonly trackingState: string;
  /** What the classifier read: matched phrases with positions, negations, why the primary intent won. */
  readonly explanation: unknown;
  readonly sla: { readonly policy: string; readonly firstResponseDueAt: string | null; readonly resolutionDueAt: string | null } | null;
  /** The rules that would fire on this message (dry run; nothing is stored). */
  readonly rules: readonly Pick<DryRunRule, 'ruleId' | 'ruleName' | 'wouldFire' | 'explanation'>[];
}

export interface AssessContext {
  readonly policies?: readonly SlaPolicy[];
  readonly calendars?: Readonly<Record<string, BusinessCalendar>>;
  readonly rules?: readonly Rule[];
  /** Time zone of the default business calendar when `calendars` is not given. */
  readonly timeZone?: string;
}

const d = (s: string | null | undefined): Date | null => (s ? new Date(s) : null);

function orderFacts(o: AssessInput['order'], at: Date): OrderFacts | null {
  if (!o) return null;
  // An unknown total counts as 0: no "high value" factor rather than a guess.
  return {
    totalMinor: o.totalMinor ?? 0, currency: o.currency ?? 'USD', status: o.status ?? '', purchasedAt: d(o.purchasedAt) ?? at,
    promisedShipBy: d(o.promisedShipBy), promisedDeliveryBy: d(o.promisedDeliveryBy), shipments: shipments(o),
  };
}

function shipments(o: NonNullable<AssessInput['order']>): OrderFacts['shipments'] {
  return o.shipments.map((s) => ({
    carrier: s.carrier, trackingNumber: s.trackingNumber ?? null, status: s.status, shippedAt: d(s.shippedAt), deliveredAt: d(s.deliveredAt), lastEventAt: d(s.lastEventAt), uploadedToMarketplace: s.uploadedToMarketplace,
  }));
}

/**
 * What claimdesk makes of one message, exactly as ingestion would: classification with its explanation, the risk
 * model (channel, fulfilment, intent, signals, order value, lateness, tracking, customer history, the Amazon 24 h
 * clock) with structured reasons, the SLA deadlines of the matching policy, and which rules would fire.
 */
export function assessMessage(input: AssessInput, now: Date, context: AssessContext | string = {}): Assessment {
  const ctx: AssessContext = typeof context === 'string' ? { timeZone: context } : context;
  const c = classify({ ...(input.subject !== undefined ? { subject: input.subject } : {}), body: input.body });
  const at = input.receivedAt ? new Date(input.receivedAt) : now;
  const thanks = c.intent === 'thanks' && c.signals.length === 0;
  const order = orderFacts(input.order, at);
  const risk = assessRisk({
    channel: input.channel, marketplace: input.marketplace ?? null, fulfillment: input.fulfillment ?? null, intent: c.intent, intents: c.intents, signals: c.signals,
    order, customer: input.customer ?? null, waitingSince: thanks ? null : at, noResponseNeeded: thanks,
  }, now, DEFAULT_RISK_CONFIG);
  const calendars = ctx.calendars ?? defaultCalendars(ctx.timeZone ?? 'UTC');
  const facts = makeFacts({
    channel: input.channel, marketplace: input.marketplace ?? null, fulfillment: input.fulfillment ?? null, intent: c.intent, intents: c.intents, signals: c.signals,
    risk: risk.level, language: c.language, orderId: input.order?.id ?? null, orderValueMinor: order && input.order?.totalMinor !== undefined ? order.totalMinor : null,
    currency: order?.currency ?? null, previousTickets: input.customer?.previousTickets ?? null, previousClaims: input.customer?.previousClaims ?? null,
    lifetimeValueMinor: input.customer?.lifetimeValueMinor ?? null, businessHours: businessHoursAt(calendars, now), subject: input.subject ?? null,
  });
  const run = dryRun(ctx.rules ?? DEFAULT_RULES, { type: 'message_received', id: 'dry-run', depth: 0 }, facts, { now });
  // The clocks as ingestion would set them: a rule's "no response needed" stops them as it does on a stored ticket.
  const events: SlaEvent[] = [{ type: 'created', at }, { type: 'customer_message', at, noResponseNeeded: thanks }];
  if (run.facts.noResponseNeeded === true) events.push({ type: 'no_response_needed', at });
  const sla = slaForTicket({
    policies: ctx.policies ?? DEFAULT_SLA_POLICIES, calendars,
    facts: { channel: input.channel, marketplace: input.marketplace ?? null, riskLevel: risk.level, intent: c.intent },
    events, now,
  });
  // Deadlines of running clocks only: a stopped clock (no response needed) is due never.
  const due = (clock: SlaClock | null): string | null => (clock && clock.state !== 'stopped' ? clock.dueAt?.toISOString() ?? null : null);
  return {
    language: c.language, intent: c.intent, intents: c.intents, signals: c.signals, risk: risk.level, score: risk.score,
    reasons: risk.factors.map((f) => f.text), factors: risk.factors, trackingState: risk.trackingState,
    explanation: c.explanation,
    sla: sla ? {
      policy: sla.policy.name,
      firstResponseDueAt: due(sla.evaluation.firstResponse),
      resolutionDueAt: due(sla.evaluation.resolution),
    } : null,
    rules: run.rules.map((r) => ({ ruleId: r.ruleId, ruleName: r.ruleName, wouldFire: r.wouldFire, explanation: r.explanation })),
  };
}
