import { z } from 'zod';

export const IsoDateTime = z.string().describe('ISO-8601 timestamp with offset');
export const Role = z.enum(['owner', 'admin', 'agent', 'viewer']);
export const Locale = z.enum(['en', 'zh-CN']);
export const Channel = z.enum(['amazon', 'shopify', 'tiktok', 'email', 'instagram', 'fake']);
export const Fulfillment = z.enum(['FBA', 'FBM', 'MCF', 'SHOPIFY', 'TIKTOK']);
export const RiskLevel = z.enum(['critical', 'high', 'normal', 'low']);
export const TicketStatus = z.enum(['open', 'pending', 'on_hold', 'solved', 'closed']);

export type Role = z.infer<typeof Role>;
export type Locale = z.infer<typeof Locale>;
export type Channel = z.infer<typeof Channel>;
export type Fulfillment = z.infer<typeof Fulfillment>;
export type RiskLevel = z.infer<typeof RiskLevel>;
export type TicketStatus = z.infer<typeof TicketStatus>;

export const ApiError = z.object({
  error: z.string().describe('stable error code: bad_input, unauthenticated, forbidden, not_found, conflict, rate_limited, unavailable, internal'),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ApiError = z.infer<typeof ApiError>;
