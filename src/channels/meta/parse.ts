// Meta messaging webhooks (Instagram `object: "instagram"`, Messenger `object: "page"`) -> InboundMessage.
// Shape: {object, entry: [{id, time, messaging: [{sender: {id}, recipient: {id}, timestamp (ms), message: {mid, text,
// attachments: [{type, payload: {url}}], is_echo, reply_to: {mid} | {story: {url, id}}}}]}]}.
import { ChannelInputError, type InboundMessage } from '../types.ts';
import { at, int, isObject, obj, optArr, optObj, optStr, str, type JsonObject } from '../shopify/json.ts';

export interface MetaParseContext {
  readonly channelAccountId: string | null;
  /** Our Page id (Messenger) or Instagram professional account id: one conversation per buyer under it. */
  readonly pageOrIgUserId: string;
}

/** Meta's ids are digit strings; a number (a re-encoding proxy) is accepted while exact. */
function metaId(v: unknown, path: string): string {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  return str(v, path);
}

/** "[image] https://..." lines for attachments (kept as remote references, not downloaded). */
function attachmentLines(message: JsonObject, path: string): string[] {
  const lines: string[] = [];
  for (const [i, raw] of optArr(message['attachments'], at(path, 'attachments')).entries()) {
    const p = at(at(path, 'attachments'), i);
    const a = obj(raw, p);
    const type = optStr(a['type'], at(p, 'type')) ?? 'file';
    const payload = optObj(a['payload'], at(p, 'payload'));
    const url = payload ? optStr(payload['url'], at(p, 'payload.url')) : null;
    lines.push(url ? `[${type}] ${url}` : `[${type}]`);
  }
  return lines;
}

/**
 * Buyer messages from one webhook delivery, in delivery order. Skipped: echoes of our own sends (message.is_echo,
 * or sent by `pageOrIgUserId`), deleted messages, and events that are not messages (reads, deliveries, reactions,
 * postbacks, `changes` such as comments). Attachments become "[type] url" lines in `text`; `attachments` stays empty.
 * Deterministic: the same payload gives the same messages.
 */
export function parseMetaWebhook(payload: unknown, context: MetaParseContext): InboundMessage[] {
  const root = obj(payload, '');
  const object = root['object'];
  if (object !== 'instagram' && object !== 'page') {
    throw new ChannelInputError(`object: expected "instagram" or "page", got ${JSON.stringify(object)}`, 'object');
  }
  // Identity namespaces differ: Instagram-scoped ids (IGSID) vs page-scoped ids (PSID).
  const identityChannel = object === 'instagram' ? 'instagram' : 'messenger';
  const out: InboundMessage[] = [];
  for (const [e, rawEntry] of optArr(root['entry'], 'entry').entries()) {
    const entryPath = `entry[${e}]`;
    const entry = obj(rawEntry, entryPath);
    for (const [m, rawEvent] of optArr(entry['messaging'], at(entryPath, 'messaging')).entries()) {
      const p = at(at(entryPath, 'messaging'), m);
      const event = obj(rawEvent, p);
      if (!isObject(event['message'])) continue;
      const message = event['message'];
      const mp = at(p, 'message');
      if (message['is_echo'] === true || message['is_deleted'] === true) continue;
      const senderId = metaId(obj(event['sender'], at(p, 'sender'))['id'], at(p, 'sender.id'));
      if (senderId === context.pageOrIgUserId) continue;
      const recipientId = metaId(obj(event['recipient'], at(p, 'recipient'))['id'], at(p, 'recipient.id'));
      const mid = str(message['mid'], at(mp, 'mid'));
      const sentAt = new Date(int(event['timestamp'], at(p, 'timestamp'), 0));
      const replyTo = optObj(message['reply_to'], at(mp, 'reply_to'));
      const repliedMid = replyTo ? optStr(replyTo['mid'], at(mp, 'reply_to.mid')) : null;
      const story = replyTo ? optObj(replyTo['story'], at(mp, 'reply_to.story')) : null;
      const storyUrl = story ? optStr(story['url'], at(mp, 'reply_to.story.url')) : null;
      const text = [
        ...(storyUrl ? [`[story reply] ${storyUrl}`] : []),
        ...(optStr(message['text'], at(mp, 'text')) !== null ? [message['text'] as string] : []),
        ...attachmentLines(message, mp),
      ].join('\n');
      out.push({
        channel: 'instagram',
        channelAccountId: context.channelAccountId,
        marketplace: null,
        channelMessageId: mid,
        conversationId: `${context.pageOrIgUserId}:${senderId}`,
        inReplyTo: repliedMid,
        references: repliedMid ? [repliedMid] : [],
        from: { address: senderId, name: null },
        to: recipientId,
        replyTo: null,
        subject: '',
        text,
        html: null,
        sentAt,
        orderRef: null,
        customer: { name: null, email: null, phone: null, identity: { channel: identityChannel, externalId: senderId } },
        noResponseNeeded: false,
        language: null,
        attachments: [],
      });
    }
  }
  return out;
}
