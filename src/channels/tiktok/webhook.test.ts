import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChannelInputError } from '../types.ts';
import { parseTikTokWebhook, tiktokRefetchPlan, TIKTOK_WEBHOOK_TYPES } from './webhook.ts';

const VECTORS = join(import.meta.dirname, '../../../../shared/fixtures/webhooks/tiktok/tiktokshop-vectors.json');
const present = existsSync(VECTORS);
if (!present) console.warn(`TikTok vectors not found at ${VECTORS}: webhook sample tests skipped`);
const sample = (present ? JSON.parse(readFileSync(VECTORS, 'utf8')).webhook_sample : {}) as { raw_body: string; type_codes_from_src_Webhook_php: Record<string, string> };

describe.skipIf(!present)('parseTikTokWebhook (vector webhook_sample)', () => {
  it('parses the sample', () => {
    const e = parseTikTokWebhook(sample.raw_body);
    expect(e).toMatchObject({ type: 1, typeName: 'ORDER_STATUS_UPDATE', shopId: '7494726673780148744', orderId: '576684019603311365', returnId: null, status: 'AWAITING_SHIPMENT' });
    expect(e.timestamp.toISOString()).toBe(new Date(1664095733 * 1000).toISOString());
    expect(e.updatedAt?.getTime()).toBe(1664095610 * 1000);
  });

  it('knows exactly the type codes the vector file lists', () => {
    expect(Object.fromEntries(Object.entries(TIKTOK_WEBHOOK_TYPES).map(([k, x]) => [String(k), x]))).toEqual(sample.type_codes_from_src_Webhook_php);
  });

  it('tells ingestion to re-fetch the order', () => {
    expect(tiktokRefetchPlan(parseTikTokWebhook(sample.raw_body))).toEqual({ orderIds: ['576684019603311365'], returnsForOrderIds: [], deauthorized: false });
  });

  it('is deterministic, from a Buffer or a string', () => {
    expect(parseTikTokWebhook(Buffer.from(sample.raw_body))).toEqual(parseTikTokWebhook(sample.raw_body));
  });

  it('keeps a numeric shop_id above 2^53 exact', () => {
    const raw = sample.raw_body.replace('"shop_id":"7494726673780148744"', '"shop_id":7494726673780148744');
    expect(raw).not.toBe(sample.raw_body);
    expect(parseTikTokWebhook(raw).shopId).toBe('7494726673780148744');
  });
});

describe('parseTikTokWebhook: other types (bodies written by us in the same envelope)', () => {
  it('return status update (12): the return and the order are re-fetched', () => {
    const e = parseTikTokWebhook('{"type":12,"shop_id":"7494726673780148744","timestamp":1700000100,"data":{"order_id":"576684019603311365","return_id":"4035318504086507000","return_status":"RETURN_OR_REFUND_REQUEST_PENDING","return_type":"RETURN_AND_REFUND","update_time":1700000090}}');
    expect(e.notificationId).toBeNull();
    expect(e).toMatchObject({ typeName: 'RETURN_STATUS_UPDATE', returnId: '4035318504086507000', status: 'RETURN_OR_REFUND_REQUEST_PENDING' });
    expect(tiktokRefetchPlan(e)).toEqual({ orderIds: ['576684019603311365'], returnsForOrderIds: ['576684019603311365'], deauthorized: false });
  });

  it('reads tts_notification_id (redelivery key) when present', () => {
    expect(parseTikTokWebhook('{"type":1,"tts_notification_id":"7327112393057371910","shop_id":"1","timestamp":1700000000,"data":{"order_id":"5","order_status":"UNPAID"}}').notificationId).toBe('7327112393057371910');
  });

  it('seller deauthorization (6) and unknown codes', () => {
    expect(tiktokRefetchPlan(parseTikTokWebhook('{"type":6,"shop_id":"1","timestamp":1700000000,"data":{"message":"deauthorized"}}')).deauthorized).toBe(true);
    const unknown = parseTikTokWebhook('{"type":99,"shop_id":"1","timestamp":1700000000,"data":{"order_id":"5"}}');
    expect(unknown.typeName).toBe('UNKNOWN_99');
    expect(tiktokRefetchPlan(unknown)).toEqual({ orderIds: [], returnsForOrderIds: [], deauthorized: false });
  });

  it('refuses bodies that are not TikTok webhooks, naming the field', () => {
    const field = (raw: string) => {
      try {
        parseTikTokWebhook(raw);
      } catch (e) {
        expect(e).toBeInstanceOf(ChannelInputError);
        return (e as ChannelInputError).field;
      }
      return 'no error';
    };
    expect(field('not json')).toBe('body');
    expect(field('{"shop_id":"1","timestamp":1,"data":{}}')).toBe('type');
    expect(field('{"type":1,"timestamp":1,"data":{}}')).toBe('shop_id');
    expect(field('{"type":1,"shop_id":"1","data":{}}')).toBe('timestamp');
    expect(field('{"type":1,"shop_id":"1","timestamp":1,"data":{"order_id":"abc"}}')).toBe('data.order_id');
  });
});
