// TikTok Shop webhook bodies: {"type": 1, "shop_id": "...", "timestamp": 1664095733, "data": {...}}. They carry
// only ids and a status; ingestion re-fetches the order or its returns through the API (tiktokRefetchPlan).
import { at, idText, int, isObject, obj, optIdText, optStr, optUnixSeconds, parseJsonKeepingBigInts, str, unixSeconds, type JsonObject } from '../shopify/json.ts';

/** Type codes, as in EcomPHP/tiktokshop-php src/Webhook.php (copied into the vector file). */
export const TIKTOK_WEBHOOK_TYPES: Readonly<Record<number, string>> = {
  1: 'ORDER_STATUS_UPDATE',
  2: 'REVERSE_ORDER_STATUS_UPDATE',
  3: 'RECIPIENT_ADDRESS_UPDATE',
  4: 'PACKAGE_UPDATE',
  5: 'PRODUCT_STATUS_UPDATE',
  6: 'SELLER_DEAUTHORIZATION',
  7: 'UPCOMING_AUTHORIZATION_EXPIRATION',
  12: 'RETURN_STATUS_UPDATE',
};

export interface TikTokWebhookEvent {
  readonly type: number;
  /** "ORDER_STATUS_UPDATE", ...; "UNKNOWN_<code>" for codes we do not know. */
  readonly typeName: string;
  readonly shopId: string;
  /** tts_notification_id, when sent: the same on every redelivery of one notification. */
  readonly notificationId: string | null;
  readonly orderId: string | null;
  /** Return/reverse order id (types 2 and 12), when sent. */
  readonly returnId: string | null;
  /** data.order_status, return_status or reverse_order_status. */
  readonly status: string | null;
  /** When TikTok sent the notification. */
  readonly timestamp: Date;
  /** data.update_time, when sent. */
  readonly updatedAt: Date | null;
  readonly data: JsonObject;
}

function firstId(data: JsonObject, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = optIdText(data[k], at('data', k));
    if (v !== null) return v;
  }
  return null;
}

/** Parses a webhook body (verify it first with verifyTikTokWebhook). Big numeric ids stay exact. */
export function parseTikTokWebhook(rawBody: Buffer | Uint8Array | string): TikTokWebhookEvent {
  const root = obj(parseJsonKeepingBigInts(rawBody), '');
  const type = int(root['type'], 'type', 0);
  const shopRaw = root['shop_id'];
  const shopId = typeof shopRaw === 'string' ? str(shopRaw, 'shop_id') : idText(shopRaw, 'shop_id');
  const data = isObject(root['data']) ? root['data'] : root['data'] === undefined || root['data'] === null ? {} : obj(root['data'], 'data');
  const status = optStr(data['order_status'], 'data.order_status') ?? optStr(data['return_status'], 'data.return_status') ?? optStr(data['reverse_order_status'], 'data.reverse_order_status');
  return {
    type,
    typeName: TIKTOK_WEBHOOK_TYPES[type] ?? `UNKNOWN_${type}`,
    shopId,
    notificationId: typeof root['tts_notification_id'] === 'number' ? idText(root['tts_notification_id'], 'tts_notification_id') : optStr(root['tts_notification_id'], 'tts_notification_id'),
    orderId: firstId(data, ['order_id']),
    returnId: firstId(data, ['return_id', 'reverse_order_id']),
    status,
    timestamp: unixSeconds(root['timestamp'], 'timestamp'),
    updatedAt: optUnixSeconds(data['update_time'], 'data.update_time'),
    data,
  };
}

export interface TikTokRefetchPlan {
  /** Orders to fetch with GET /order/202309/orders?ids=... */
  readonly orderIds: readonly string[];
  /** Orders whose returns to fetch with POST /return_refund/202309/returns/search {order_ids}. */
  readonly returnsForOrderIds: readonly string[];
  /** The seller revoked the app (type 6): stop syncing this shop. */
  readonly deauthorized: boolean;
}

/** What ingestion should re-fetch after a webhook. Orders are re-fetched on return events too (their status moves). */
export function tiktokRefetchPlan(event: TikTokWebhookEvent): TikTokRefetchPlan {
  const order = event.orderId ? [event.orderId] : [];
  switch (event.type) {
    case 1:
    case 3:
    case 4:
      return { orderIds: order, returnsForOrderIds: [], deauthorized: false };
    case 2:
    case 12:
      return { orderIds: order, returnsForOrderIds: order, deauthorized: false };
    case 6:
      return { orderIds: [], returnsForOrderIds: [], deauthorized: true };
    default:
      return { orderIds: [], returnsForOrderIds: [], deauthorized: false };
  }
}

