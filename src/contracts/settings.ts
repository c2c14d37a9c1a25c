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
  lastSyncAt: IsoDateTime.nullable().describe('mailboxes: the last completed IMAP sync; Amazon: orders synced through'),
  lastError: z.string().nullable().describe('why the last sync or connection failed, if it did'),
  createdAt: IsoDateTime,
});
export type ChannelAccount = z.infer<typeof ChannelAccount>;

/** The credential keys each kind of channel accepts. Values are sealed at rest and never returned. */
export const CHANNEL_CREDENTIAL_KEYS = {
  amazon: ['lwaClientId', 'lwaClientSecret', 'refreshToken', 'spApiEndpoint', 'lwaEndpoint'],
  shopify: ['accessToken', 'apiSecret', 'apiVersion', 'apiBaseUrl'],
  tiktok: ['appKey', 'appSecret', 'accessToken', 'refreshToken', 'shopCipher', 'apiBaseUrl'],
  mailbox: ['imapHost', 'imapPort', 'imapTls', 'smtpHost', 'smtpPort', 'smtpTls', 'username', 'password', 'smtpUsername', 'smtpPassword', 'fromAddress', 'folder'],
  instagram: ['accessToken', 'appSecret', 'verifyToken', 'pageId', 'apiBaseUrl'],
} as const satisfies Record<z.infer<typeof ChannelAccountKind>, readonly string[]>;

export const CreateChannelAccountRequest = z
  .object({
    kind: ChannelAccountKind,
    name: z.string().trim().min(1).max(200),
    marketplace: z.string().trim().toUpperCase().max(8).optional(),
    externalId: z.string().trim().max(300).optional(),
    credentials: z.record(z.string(), z.string().max(10_000)).optional(),
  })
  .superRefine((v, ctx) => {
    const allowed: readonly string[] = CHANNEL_CREDENTIAL_KEYS[v.kind];
    for (const key of Object.keys(v.credentials ?? {})) {
      if (!allowed.includes(key)) ctx.addIssue({ code: 'custom', path: ['credentials', key], message: `not a ${v.kind} credential; expected one of ${allowed.join(', ')}` });
    }
  });
export type CreateChannelAccountRequest = z.infer<typeof CreateChannelAccountRequest>;

/** Mail a mailbox received and deliberately kept out of the inbox (bounces, auto-replies, reports, unusable). */
export const SkippedMail = z.object({
  messageId: z.string(),
  kind: z.string().describe('bounce, delivery_report, auto_reply, feedback_report, not_a_buyer_message (Amazon system mail) or unusable'),
  reason: z.string().describe('which header or structure decided'),
  fromAddress: z.string(),
  subject: z.string(),
  relatedMessageId: z.string().nullable().describe('for a bounce: the Message-ID of our reply that bounced'),
  receivedAt: IsoDateTime,
});
export type SkippedMail = z.infer<typeof SkippedMail>;
