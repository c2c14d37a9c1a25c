// Shopify channel adapter: webhook and OAuth signature checks, payload parsers, Admin REST client.
export { verifyShopifyWebhook, verifyShopifyOAuthQuery, shopifyQueryStringToSign, headerValue, type ShopifyWebhookVerification, type ShopifyQuery, type HeaderBag } from './verify.ts';
export {
  parseShopifyWebhook, parseShopifyOrder, parseShopifyRefund, parseShopifyFulfillment, parseShopifyFulfillmentEvent, parseShopifyReturn,
  parseShopifyCustomer, shopifyOrderName, shopifyOrderStatus, shopifyShipmentStatus, normalizeShopifyTopic,
  type ShipmentStatus, type ShopifyParseOptions,
} from './parse.ts';
export { ShopifyAdminClient, ShopifyApiError, type ShopifyAdminClientOptions } from './admin-client.ts';
export { toMinor } from './money.ts';
export { parseJsonKeepingBigInts } from './json.ts';
