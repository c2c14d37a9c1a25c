import nodemailer from 'nodemailer';
import type { ChannelAccountContext } from '../accounts.ts';
import { flag } from '../accounts.ts';
import { DeliveryError } from '../delivery-error.ts';

export interface MailToSend {
  readonly messageId: string;
  readonly from: string;
  readonly fromName: string | null;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly inReplyTo: string | null;
  readonly references: readonly string[];
}

/** The address replies go out as: the account's fromAddress, else its login. */
export function senderAddress(account: ChannelAccountContext): string {
  const c = account.credentials;
  return c.fromAddress || c.smtpUsername || c.username || account.externalId || '';
}

/**
 * Sends one reply over the mailbox's SMTP server. Message-ID, In-Reply-To and References are set so the
 * buyer's mail client (and Amazon's relay) keep the reply in the buyer's thread. Permanent SMTP refusals
 * (5xx: unknown recipient, relay denied, auth failed) are not retried; timeouts and 4xx are.
 */
export async function sendSmtp(account: ChannelAccountContext, mail: MailToSend): Promise<{ messageId: string; response: string }> {
  const c = account.credentials;
  if (!c.smtpHost) throw new DeliveryError(`mailbox "${account.name}" has no SMTP host configured (Settings → Channels)`, false);
  const port = Number(c.smtpPort || 587);
  const tls = flag(c, 'smtpTls', port === 465 || port === 587);
  const user = c.smtpUsername || c.username;
  const transport = nodemailer.createTransport({
    host: c.smtpHost, port, secure: port === 465 && tls, requireTLS: tls && port !== 465, ignoreTLS: !tls,
    auth: user ? { user, pass: c.smtpPassword || c.password || '' } : undefined,
    connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000,
  });
  const bracket = (id: string) => `<${id.replace(/^<|>$/g, '')}>`;
  try {
    const info = await transport.sendMail({
      from: mail.fromName ? { name: mail.fromName, address: mail.from } : mail.from,
      to: mail.to, subject: mail.subject, text: mail.text,
      messageId: bracket(mail.messageId),
      ...(mail.inReplyTo ? { inReplyTo: bracket(mail.inReplyTo) } : {}),
      ...(mail.references.length ? { references: mail.references.map(bracket) } : {}),
      headers: { 'Auto-Submitted': 'no' },
    });
    return { messageId: mail.messageId, response: String(info.response ?? '') };
  } catch (err) {
    const e = err as { responseCode?: number; code?: string; message: string };
    const permanent = (e.responseCode !== undefined && e.responseCode >= 500) || e.code === 'EAUTH' || e.code === 'EENVELOPE';
    throw new DeliveryError(`SMTP ${c.smtpHost}:${port}: ${e.message}`, !permanent);
  } finally {
    transport.close();
  }
}
