import { z } from 'zod';
import { IsoDateTime } from './common.ts';

export const AlertStatus = z.enum(['open', 'acknowledged']);
export type AlertStatus = z.infer<typeof AlertStatus>;

export const AlertListQuery = z.object({
  status: z.enum(['open', 'acknowledged', 'all']).default('open').describe('default "open"'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AlertListQuery = z.infer<typeof AlertListQuery>;

export const AlertSlice = z.object({
  level: z.enum(['channel', 'marketplace', 'carrier']).describe('how specific the slice is'),
  channel: z.string(),
  marketplace: z.string().nullable().describe('null at channel level; "none" when the tickets carry no marketplace'),
  carrier: z.string().nullable().describe('null above carrier level; "none" for orders with no shipment on file (or no order)'),
});
export type AlertSlice = z.infer<typeof AlertSlice>;

export const TriageAlert = z.object({
  id: z.string(),
  kind: z.literal('delivery_spike'),
  sliceKey: z.string().describe('channel|marketplace|carrier, "*" where the slice spans all'),
  slice: AlertSlice,
  message: z.string().describe('e.g. "late-shipment / valid-tracking risk: 14 delivery complaints on Amazon US via USPS in 24 h, 3.5× the usual 4.0"'),
  windowStart: IsoDateTime,
  windowEnd: IsoDateTime.describe('the last run that saw the spike'),
  observed: z.number().int().describe('complaining tickets in the window'),
  expected: z.number().describe('the baseline daily mean scaled to the window'),
  ratio: z.number().describe('observed / max(expected, floor)'),
  baseline: z.array(z.number().int()).describe('complaints per day before the window, the most recent day first'),
  beyond: z.array(z.string()).describe('slice keys of more specific alerts this one goes beyond'),
  tickets: z.array(z.object({ id: z.string(), number: z.number().int(), subject: z.string() })).describe('the tickets behind the window\'s count'),
  orders: z.array(z.object({ id: z.string(), externalId: z.string() })),
  status: AlertStatus,
  acknowledgedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  acknowledgedAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type TriageAlert = z.infer<typeof TriageAlert>;

export const AlertListResponse = z.object({ items: z.array(TriageAlert) });
export type AlertListResponse = z.infer<typeof AlertListResponse>;
