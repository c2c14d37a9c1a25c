/**
 * A plain, JSON-able summary of a parsed e-mail, for `claimdesk parse-email FILE.eml --json` and for
 * debugging. No bytes, no HTML: only what a person needs to see what the parser understood.
 */
import { attachmentFilename } from './to-inbound.ts';
import type { ParsedEmail } from './parse.ts';
import type { EmailKind } from './classify.ts';

export interface EmailDescription {
  readonly messageId: string;
  readonly from: string | null;
  readonly to: readonly string[];
  readonly subject: string;
  /** ISO 8601, or null when the Date header is missing or unparseable. */
  readonly date: string | null;
  readonly text: string;
  readonly attachments: readonly { readonly name: string; readonly type: string; readonly size: number }[];
  readonly kind: EmailKind;
  readonly kindReason: string;
  readonly isBounce: boolean;
  readonly isAutoReply: boolean;
  readonly bounce: { readonly originalMessageId: string | null; readonly failedRecipients: readonly string[]; readonly status: string | null } | null;
  readonly amazon: {
    readonly kind: string;
    readonly orderId: string | null;
    readonly marketplace: string | null;
    readonly buyerName: string | null;
    readonly buyerText: string;
    readonly relayAddress: string | null;
    readonly buyerId: string | null;
    readonly noResponseNeededHint: boolean;
  } | null;
  readonly warnings: readonly string[];
}

function formatAddress(a: { address: string; name: string | null }): string {
  return a.name === null ? a.address : `${a.name} <${a.address}>`;
}

export function describeEmail(parsed: ParsedEmail): EmailDescription {
  return {
    messageId: parsed.messageId,
    from: parsed.from === null ? null : formatAddress(parsed.from),
    to: parsed.to.map(formatAddress),
    subject: parsed.subject,
    date: parsed.date === null ? null : parsed.date.toISOString(),
    text: parsed.text,
    attachments: parsed.attachments.map((a, i) => ({ name: attachmentFilename(a, i), type: a.contentType, size: a.size })),
    kind: parsed.kind,
    kindReason: parsed.kindReason,
    isBounce: parsed.kind === 'bounce',
    isAutoReply: parsed.kind === 'auto_reply',
    bounce:
      parsed.bounce === null
        ? null
        : { originalMessageId: parsed.bounce.originalMessageId, failedRecipients: [...parsed.bounce.failedRecipients], status: parsed.bounce.status },
    amazon:
      parsed.amazon === null
        ? null
        : {
            kind: parsed.amazon.kind,
            orderId: parsed.amazon.orderId,
            marketplace: parsed.amazon.marketplace,
            buyerName: parsed.amazon.buyerName,
            buyerText: parsed.amazon.buyerText,
            relayAddress: parsed.amazon.relayAddress,
            buyerId: parsed.amazon.buyerId,
            noResponseNeededHint: parsed.amazon.noResponseNeededHint,
          },
    warnings: [...parsed.warnings],
  };
}
