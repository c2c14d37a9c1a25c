import { z } from 'zod';
import { baselineTriage } from '../desk/index.ts';
import { classify } from './domain/intents.ts';
import { DEFAULT_BUSINESS_CALENDAR_ID, DEFAULT_SLA_POLICIES, defaultBusinessCalendar, slaForTicket } from './domain/sla/index.ts';

/** One message to assess, as `claimdesk triage` reads it (one JSON object per line; all but `body` optional). */
export const AssessInput = z.object({
  channel: z.enum(['amazon', 'shopify', 'tiktok', 'email', 'instagram', 'fake']).default('email'),
  marketplace: z.string().max(8).nullable().optional(),
  fulfillment: z.enum(['FBA', 'FBM', 'MCF', 'SHOPIFY', 'TIKTOK']).nullable().optional(),
  subject: z.string().max(2000).optional(),
  body: z.string().max(1_000_000),
  order: z.record(z.string(), z.unknown()).optional(),
  receivedAt: z.iso.datetime({ offset: true }).optional().describe('when the message arrived (default: now)'),
});
export type AssessInput = z.infer<typeof AssessInput>;

export interface Assessment {
  readonly language: string | null;
  readonly intent: string;
  readonly intents: readonly string[];
  readonly signals: readonly string[];
  readonly risk: 'critical' | 'high' | 'normal' | 'low';
  readonly score: number;
  readonly reasons: readonly string[];
  readonly explanation: unknown;
  readonly sla: { readonly policy: string; readonly firstResponseDueAt: string | null; readonly resolutionDueAt: string | null } | null;
}

/**
 * What claimdesk makes of one message: classification with its explanation, risk with reasons, and the SLA
 * deadlines the default policies would give it. Risk is still the baseline model (channel, fulfilment,
 * intent, signals); issue 4 adds order value, lateness, tracking state and customer history.
 */
export function assessMessage(input: AssessInput, now: Date, timeZone = 'UTC'): Assessment {
  const c = classify({ ...(input.subject !== undefined ? { subject: input.subject } : {}), body: input.body });
  const at = input.receivedAt ? new Date(input.receivedAt) : now;
  const risk = baselineTriage({ channel: input.channel, fulfillment: input.fulfillment ?? null, intent: c.intent, signals: c.signals, waitingSince: c.intent === 'thanks' ? null : at });
  const sla = slaForTicket({
    policies: DEFAULT_SLA_POLICIES, calendars: { [DEFAULT_BUSINESS_CALENDAR_ID]: defaultBusinessCalendar(timeZone) },
    facts: { channel: input.channel, marketplace: input.marketplace ?? null, riskLevel: risk.riskLevel, intent: c.intent },
    events: [{ type: 'created', at }, { type: 'customer_message', at, noResponseNeeded: c.intent === 'thanks' }], now,
  });
  return {
    language: c.language, intent: c.intent, intents: c.intents, signals: c.signals, risk: risk.riskLevel, score: risk.riskScore, reasons: risk.reasons,
    explanation: c.explanation,
    sla: sla ? {
      policy: sla.policy.name,
      firstResponseDueAt: sla.evaluation.firstResponse?.dueAt?.toISOString() ?? null,
      resolutionDueAt: sla.evaluation.resolution?.dueAt?.toISOString() ?? null,
    } : null,
  };
}
