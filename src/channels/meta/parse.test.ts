import { describe, expect, it } from 'vitest';
import { ChannelInputError } from '../types.ts';
import { parseMetaWebhook } from './parse.ts';

// All payloads below are written by us in the shape Meta documents for Instagram Messaging and Messenger
// Platform webhooks (no fixture file exists). Ids and URLs are invented.
const IG_ACCOUNT = '17841405309211844';
const BUYER = '6612345678901234';
const PAGE = '104560212345678';
const PSID = '5123456789012345';

const igWebhook = {
  object: 'instagram',
  entry: [
    {
      id: IG_ACCOUNT,
      time: 1751360400123,
      messaging: [
        {
          sender: { id: BUYER },
          recipient: { id: IG_ACCOUNT },
          timestamp: 1751360399000,
          message: { mid: 'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1MzA5MjExODQ0OjM0MDI4MjM2Njg0MTcxMDMwMTI0NDI3NjAyMjYzNjAzMjY4MzAyNjozMTk4NzQ1NTgwNjM0NjQzNTQ3NDg0NzA4MDg2NjUyMDEyOAZDZD', text: 'Hi, where is my order #1001?' },
        },
        {
          sender: { id: BUYER },
          recipient: { id: IG_ACCOUNT },
          timestamp: 1751360405000,
          message: {
            mid: 'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1MzA5MjExODQ0OjM0MDI4MjM2Njg0MTcxMDMwMTI0NDI3NjAyMjYzNjAzMjY4MzAyNjozMTk4NzQ1NTgwNjM0NjQzNTQ3NDg0NzA4MDg2NjUyMDEyOQZDZD',
            text: 'It arrived broken',
            attachments: [
              { type: 'image', payload: { url: 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=17912345678901234&signature=abc' } },
              { type: 'video', payload: { url: 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=17912345678901235&signature=def' } },
            ],
            reply_to: { mid: 'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1MzA5MjExODQ0OjM0MDI4MjM2Njg0MTcxMDMwMTI0NDI3NjAyMjYzNjAzMjY4MzAyNjozMTk4NzQ1NTgwNjM0NjQzNTQ3NDg0NzA4MDg2NjUyMDEyOAZDZD' },
          },
        },
        // our own reply, echoed back: ignored
        { sender: { id: IG_ACCOUNT }, recipient: { id: BUYER }, timestamp: 1751360410000, message: { mid: 'aWdfZAG1echo', text: 'Sorry to hear that!', is_echo: true } },
        // read receipt and reaction: not messages
        { sender: { id: BUYER }, recipient: { id: IG_ACCOUNT }, timestamp: 1751360411000, read: { mid: 'aWdfZAG1echo' } },
        { sender: { id: BUYER }, recipient: { id: IG_ACCOUNT }, timestamp: 1751360412000, reaction: { mid: 'aWdfZAG1echo', action: 'react', reaction: 'love', emoji: '\u2764' } },
        // a story reply with only an image
        {
          sender: { id: BUYER },
          recipient: { id: IG_ACCOUNT },
          timestamp: 1751360420000,
          message: { mid: 'aWdfZAG1story', reply_to: { story: { url: 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=story1', id: '17999999999999999' } }, attachments: [{ type: 'image', payload: { url: 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=img2' } }] },
        },
      ],
    },
  ],
};

const pageWebhook = {
  object: 'page',
  entry: [
    {
      id: PAGE,
      time: 1751360500000,
      messaging: [
        { sender: { id: PSID }, recipient: { id: PAGE }, timestamp: 1751360499000, message: { mid: 'm_AbCdEf123', text: 'Do you ship to Canada?' } },
        { sender: { id: PAGE }, recipient: { id: PSID }, timestamp: 1751360510000, message: { mid: 'm_echo', text: 'Yes', is_echo: true, app_id: 1234567890 } },
      ],
    },
  ],
};

describe('parseMetaWebhook', () => {
  const ctx = { channelAccountId: 'acc_ig', pageOrIgUserId: IG_ACCOUNT };

  it('maps Instagram messages, one conversation per buyer, skipping echoes, reads and reactions', () => {
    const msgs = parseMetaWebhook(igWebhook, ctx);
    expect(msgs.map((m) => m.channelMessageId)).toEqual([igWebhook.entry[0]?.messaging[0]?.message?.mid, igWebhook.entry[0]?.messaging[1]?.message?.mid, 'aWdfZAG1story']);
    const [first] = msgs;
    expect(first).toEqual({
      channel: 'instagram', channelAccountId: 'acc_ig', marketplace: null, channelMessageId: igWebhook.entry[0]?.messaging[0]?.message?.mid,
      conversationId: `${IG_ACCOUNT}:${BUYER}`, inReplyTo: null, references: [], from: { address: BUYER, name: null }, to: IG_ACCOUNT, replyTo: null,
      subject: '', text: 'Hi, where is my order #1001?', html: null, sentAt: new Date(1751360399000), orderRef: null,
      customer: { name: null, email: null, phone: null, identity: { channel: 'instagram', externalId: BUYER } }, noResponseNeeded: false, language: null, attachments: [],
    });
    expect(new Set(msgs.map((m) => m.conversationId))).toEqual(new Set([`${IG_ACCOUNT}:${BUYER}`]));
  });

  it('puts attachment URLs into the text and keeps reply_to', () => {
    const [, second, story] = parseMetaWebhook(igWebhook, ctx);
    expect(second?.text).toBe([
      'It arrived broken',
      '[image] https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=17912345678901234&signature=abc',
      '[video] https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=17912345678901235&signature=def',
    ].join('\n'));
    expect(second?.attachments).toEqual([]);
    expect(second?.inReplyTo).toBe(igWebhook.entry[0]?.messaging[0]?.message?.mid);
    expect(second?.references).toEqual([igWebhook.entry[0]?.messaging[0]?.message?.mid]);
    expect(story?.text).toBe('[story reply] https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=story1\n[image] https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=img2');
  });

  it('maps Messenger (object "page") messages with page-scoped identities', () => {
    const msgs = parseMetaWebhook(pageWebhook, { channelAccountId: null, pageOrIgUserId: PAGE });
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({ channel: 'instagram', channelMessageId: 'm_AbCdEf123', conversationId: `${PAGE}:${PSID}`, text: 'Do you ship to Canada?', to: PAGE });
    expect(msgs[0]?.customer.identity).toEqual({ channel: 'messenger', externalId: PSID });
  });

  it('skips our own sends even without is_echo', () => {
    const own = { object: 'instagram', entry: [{ id: IG_ACCOUNT, messaging: [{ sender: { id: IG_ACCOUNT }, recipient: { id: BUYER }, timestamp: 1, message: { mid: 'x', text: 'hi' } }] }] };
    expect(parseMetaWebhook(own, ctx)).toEqual([]);
  });

  it('is deterministic', () => {
    expect(parseMetaWebhook(structuredClone(igWebhook), ctx)).toEqual(parseMetaWebhook(igWebhook, ctx));
  });

  it('refuses payloads that are not messaging webhooks, naming the field', () => {
    const field = (p: unknown) => {
      try {
        parseMetaWebhook(p, ctx);
      } catch (e) {
        expect(e).toBeInstanceOf(ChannelInputError);
        return (e as ChannelInputError).field;
      }
      return 'no error';
    };
    expect(field({ object: 'whatsapp_business_account', entry: [] })).toBe('object');
    const noMid = structuredClone(igWebhook);
    delete (noMid.entry[0]?.messaging[1]?.message as { mid?: string }).mid;
    expect(field(noMid)).toBe('entry[0].messaging[1].message.mid');
    const noSender = { object: 'page', entry: [{ id: PAGE, messaging: [{ recipient: { id: PAGE }, timestamp: 1, message: { mid: 'm', text: 't' } }] }] };
    expect(field(noSender)).toBe('entry[0].messaging[0].sender');
    const badTime = { object: 'page', entry: [{ id: PAGE, messaging: [{ sender: { id: PSID }, recipient: { id: PAGE }, timestamp: '2025-01-01', message: { mid: 'm', text: 't' } }] }] };
    expect(field(badTime)).toBe('entry[0].messaging[0].timestamp');
  });

  it('an entry with only `changes` (comments) gives no messages', () => {
    expect(parseMetaWebhook({ object: 'instagram', entry: [{ id: IG_ACCOUNT, time: 1, changes: [{ field: 'comments', value: { id: '1', text: 'nice' } }] }] }, ctx)).toEqual([]);
  });
});
