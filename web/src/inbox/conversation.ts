/** Pure helpers of the conversation pane (unit-tested without a browser). */
import type { Message } from '../../../src/contracts/index.ts';

const time = (iso: string): number => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
};

/** The address a reply goes to, as the server picks it: the sender of the customer's latest message. */
export function replyRecipient(messages: readonly Message[]): string | null {
  let latest: Message | null = null;
  for (const m of messages) if (m.direction === 'inbound' && (!latest || time(m.sentAt) >= time(latest.sentAt))) latest = m;
  return latest?.fromAddress || null;
}

/** The newest message time on screen: what the server's presence answer (`lastMessageAt`) is compared with. */
export function latestMessageAt(messages: readonly Message[]): string | null {
  let latest: string | null = null;
  for (const m of messages) if (m.deliveryStatus !== 'draft' && (!latest || time(m.sentAt) > time(latest))) latest = m.sentAt;
  return latest;
}

/** True when the server knows a message newer than anything on screen (someone wrote since the ticket was loaded). */
export function hasNewerMessage(serverLastMessageAt: string | null, shownLatest: string | null): boolean {
  if (!serverLastMessageAt) return false;
  if (!shownLatest) return true;
  return time(serverLastMessageAt) > time(shownLatest);
}
