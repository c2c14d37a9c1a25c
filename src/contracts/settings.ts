import { z } from 'zod';
import { IsoDateTime } from './common.ts';

export const ChannelAccountKind = z.enum(['amazon', 'shopify', 'tiktok', 'mailbox', 'instagram']);

export const ChannelAccount = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  marketplace: z.string().nullable(),
  externalId: z.string().nullable(),
  status: z.enum(['active', 'paused', 'error']),
  hasCredentials: z.boolean().describe('credentials are stored encrypted and are never returned'),
  createdAt: IsoDateTime,
});
export type ChannelAccount = z.infer<typeof ChannelAccount>;

export const CreateChannelAccountRequest = z.object({
  kind: ChannelAccountKind,
  name: z.string().trim().min(1).max(200),
  marketplace: z.string().trim().toUpperCase().max(8).optional(),
  externalId: z.string().trim().max(300).optional(),
  credentials: z.record(z.string(), z.string().max(10_000)).optional(),
});
export type CreateChannelAccountRequest = z.infer<typeof CreateChannelAccountRequest>;
