import { findOrders, linkOrderCustomers, orderRefKey, resolveCustomers } from '../commerce/index.ts';
import { ingestInbound, type DeskInbound, type IngestResult } from '../desk/index.ts';
import type { Queryable } from '../platform/db/port.ts';
import { classify, reassessTickets } from '../triage/index.ts';
import type { InboundMessage } from './types.ts';

/**
 * The one path every channel's messages take into the inbox: link the order named in the message (by
 * the channel's order id, or the name a buyer quotes), resolve the customer (identity → order's buyer →
 * e-mail → phone → new), classify what the buyer wrote (language, intents, risk signals: triage), then
 * thread and store (desk), then triage the touched tickets (risk, rules, SLA). Set-based per batch and idempotent: replaying a
 * batch stores nothing new. Run it inside a transaction so a batch lands whole.
 */
export async function ingestMessages(q: Queryable, workspaceId: string, messages: readonly InboundMessage[], now: Date): Promise<IngestResult> {
  if (messages.length === 0) return { stored: 0, duplicates: 0, createdTickets: [], updatedTickets: [], reopenedTickets: [], ticketIds: [] };
  const refs = messages.flatMap((m) => (m.orderRef ? [{ channel: m.orderRef.channel, externalId: m.orderRef.externalId }] : []));
  const orders = await findOrders(q, workspaceId, refs);
  const orderOf = (m: InboundMessage) => (m.orderRef ? orders.get(orderRefKey(m.orderRef)) ?? null : null);
  const customers = await resolveCustomers(q, workspaceId, messages.map((m) => ({
    name: m.customer.name ?? m.from.name, email: m.customer.email, phone: m.customer.phone, identity: m.customer.identity, orderCustomerId: orderOf(m)?.customerId ?? null,
  })), now);
  await linkOrderCustomers(q, workspaceId, messages.flatMap((m, i) => {
    const o = orderOf(m);
    return o && !o.customerId ? [{ orderId: o.orderId, customerId: customers[i]! }] : [];
  }));
  const desk: DeskInbound[] = messages.map((m, i) => {
    const o = orderOf(m);
    // What the buyer wants and how risky it is (offline, deterministic); a channel may have said already.
    const c = m.intent === undefined ? classify({ subject: m.subject, body: m.text }) : null;
    return {
      channel: m.channel, channelAccountId: m.channelAccountId, marketplace: m.marketplace ?? o?.marketplace ?? null, channelMessageId: m.channelMessageId,
      conversationId: m.conversationId, inReplyTo: m.inReplyTo, references: m.references, fromAddress: m.from.address, toAddress: m.to, replyTo: m.replyTo,
      subject: m.subject, text: m.text, html: m.html, sentAt: m.sentAt, language: m.language ?? c?.language ?? null, noResponseNeeded: m.noResponseNeeded,
      orderId: o?.orderId ?? null, customerId: customers[i]!, fulfillment: o?.fulfillment ?? null, attachments: m.attachments,
      intent: c ? c.intent : m.intent ?? null, intents: c ? c.intents : m.intents ?? [], signals: c ? c.signals : m.signals ?? [],
      ...(c ? { classification: {
        intent: c.intent, intents: c.intents, signals: c.signals, language: c.language,
        evidence: Object.fromEntries(Object.entries(c.explanation.matches).map(([k, ms]) => [k, [...new Set(ms.map((x) => x.text))]])),
      } } : {}),
    };
  });
  const result = await ingestInbound(q, workspaceId, desk, now);
  // Triage in the same transaction: risk with its reasons, the rules for each new message, SLA clocks. Only
  // tickets that received something new: a replayed batch changes nothing.
  const touched = new Set([...result.createdTickets, ...result.updatedTickets]);
  await reassessTickets(q, workspaceId, messages.flatMap((m, i) => {
    const ticketId = result.ticketIds[i];
    return ticketId && touched.has(ticketId) ? [{ ticketId, trigger: 'message_received' as const, eventKey: `msg:${m.channel}:${m.channelMessageId}` }] : [];
  }), now);
  return result;
}
