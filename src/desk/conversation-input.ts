/** A conversation as ingestion (channels, demo seeding) hands it to the desk. */
export interface MessageInput {
  readonly channelMessageId: string | null;
  readonly inReplyTo?: string | null;
  readonly direction: 'inbound' | 'outbound';
  readonly fromAddress: string;
  readonly toAddress: string;
  readonly subject: string;
  readonly bodyText: string;
  readonly bodyHtml?: string | null;
  readonly language: string | null;
  readonly sentAt: Date;
  readonly authorUserId?: string | null;
}

export interface ConversationInput {
  readonly channel: string;
  readonly channelAccountId: string | null;
  readonly marketplace: string | null;
  readonly externalThreadId: string | null;
  readonly customerId: string | null;
  readonly orderId: string | null;
  readonly subject: string;
  readonly status: 'open' | 'pending' | 'on_hold' | 'solved' | 'closed';
  readonly language: string | null;
  readonly intent: string | null;
  readonly intents: readonly string[];
  readonly signals: readonly string[];
  readonly riskLevel: 'critical' | 'high' | 'normal' | 'low';
  readonly riskScore: number;
  readonly riskReasons: readonly string[];
  readonly tags?: readonly string[];
  readonly teamId: string | null;
  readonly assigneeId: string | null;
  readonly firstResponseDueAt: Date | null;
  readonly nextResponseDueAt: Date | null;
  readonly messages: readonly MessageInput[];
  readonly notes?: readonly { readonly authorLabel: string; readonly body: string; readonly createdAt: Date }[];
}
