/**
 * Which ticket a new message belongs to. Pure: the caller looks up what is already stored (tickets by
 * message id, by channel conversation id, by order) and this decides, in arrival order, so messages of
 * one batch can also thread onto each other.
 *
 * Evidence, strongest first:
 *   1. reply headers — In-Reply-To / References name a message we already have (or one earlier in the batch);
 *   2. the channel's conversation id (Meta thread, TikTok conversation) or e-mail thread root;
 *   3. the same order on the same channel, when that order's latest ticket was active within `orderWindowMs`
 *      (a buyer writing again about one order continues one conversation, even from a new relay thread).
 * Nothing matches → a new ticket.
 */

export interface ThreadMessage {
  readonly channel: string;
  readonly channelMessageId: string;
  readonly conversationId: string | null;
  readonly inReplyTo: string | null;
  readonly references: readonly string[];
  readonly orderId: string | null;
  readonly sentAt: Date;
}

export interface KnownTicket {
  readonly ticketId: string;
  readonly status: 'open' | 'pending' | 'on_hold' | 'solved' | 'closed';
  readonly lastActivityAt: Date;
}

export interface ThreadIndex {
  /** channel message id → ticket holding that message (any channel of the workspace). */
  readonly byMessageId: ReadonlyMap<string, KnownTicket>;
  /** `${channel}\t${conversation id}` → ticket. */
  readonly byConversation: ReadonlyMap<string, KnownTicket>;
  /** `${channel}\t${order id}` → the order's most recently active ticket on that channel. */
  readonly byOrder: ReadonlyMap<string, KnownTicket>;
}

export type ThreadVia = 'reply_header' | 'conversation' | 'order';

export type ThreadDecision =
  | { readonly kind: 'existing'; readonly ticketId: string; readonly via: ThreadVia; readonly reopens: boolean }
  | { readonly kind: 'new'; readonly group: number; readonly externalThreadId: string }
  | { readonly kind: 'batch'; readonly group: number; readonly via: ThreadVia };

export const DEFAULT_ORDER_WINDOW_MS = 30 * 24 * 3600_000;

const convKey = (channel: string, id: string): string => `${channel}\t${id}`;

/** Decisions in input order. Messages are considered by `sentAt` (ties keep input order). */
export function planThreads(messages: readonly ThreadMessage[], index: ThreadIndex, orderWindowMs = DEFAULT_ORDER_WINDOW_MS): ThreadDecision[] {
  const order = messages.map((m, i) => ({ m, i })).sort((a, b) => a.m.sentAt.getTime() - b.m.sentAt.getTime() || a.i - b.i);
  const out: ThreadDecision[] = new Array(messages.length);
  // What this batch has placed so far: message id / conversation / order → existing ticket or new group.
  type Target = { kind: 'existing'; t: KnownTicket } | { kind: 'group'; group: number };
  const byMsg = new Map<string, Target>();
  const byConv = new Map<string, Target>();
  const byOrd = new Map<string, Target>();
  let groups = 0;

  const fromIndex = (t: KnownTicket | undefined): Target | undefined => (t ? { kind: 'existing', t } : undefined);
  const find = (m: ThreadMessage): { target: Target; via: ThreadVia } | null => {
    for (const ref of [m.inReplyTo, ...m.references]) {
      if (!ref) continue;
      const hit = byMsg.get(ref) ?? fromIndex(index.byMessageId.get(ref));
      if (hit) return { target: hit, via: 'reply_header' };
    }
    if (m.conversationId) {
      const k = convKey(m.channel, m.conversationId);
      const hit = byConv.get(k) ?? fromIndex(index.byConversation.get(k));
      if (hit) return { target: hit, via: 'conversation' };
    }
    if (m.orderId) {
      const k = convKey(m.channel, m.orderId);
      const hit = byOrd.get(k) ?? fromIndex(index.byOrder.get(k));
      if (hit && (hit.kind === 'group' || m.sentAt.getTime() - hit.t.lastActivityAt.getTime() <= orderWindowMs)) return { target: hit, via: 'order' };
    }
    return null;
  };

  for (const { m, i } of order) {
    const found = find(m);
    let target: Target;
    if (found) {
      target = found.target;
      out[i] = target.kind === 'group'
        ? { kind: 'batch', group: target.group, via: found.via }
        : { kind: 'existing', ticketId: target.t.ticketId, via: found.via, reopens: target.t.status === 'solved' || target.t.status === 'closed' };
    } else {
      target = { kind: 'group', group: groups++ };
      out[i] = { kind: 'new', group: target.group, externalThreadId: m.conversationId ?? m.channelMessageId };
    }
    byMsg.set(m.channelMessageId, target);
    if (m.conversationId) byConv.set(convKey(m.channel, m.conversationId), target);
    if (m.orderId) byOrd.set(convKey(m.channel, m.orderId), target);
  }
  return out;
}
