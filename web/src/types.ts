import type { z } from 'zod';
import type {
  Channel as ChannelSchema,
  Fulfillment as FulfillmentSchema,
  Locale as LocaleSchema,
  RiskLevel as RiskLevelSchema,
  Role as RoleSchema,
  TicketStatus as TicketStatusSchema,
} from '../../src/contracts/index.ts';

// src/contracts/common.ts exports these enums as zod schemas only; these are their inferred types.
export type Locale = z.infer<typeof LocaleSchema>;
export type Role = z.infer<typeof RoleSchema>;
export type RiskLevel = z.infer<typeof RiskLevelSchema>;
export type TicketStatus = z.infer<typeof TicketStatusSchema>;
export type Channel = z.infer<typeof ChannelSchema>;
export type Fulfillment = z.infer<typeof FulfillmentSchema>;
