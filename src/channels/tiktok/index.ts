// TikTok Shop channel adapter: request signing, webhook verification and parsing, API 202309 client and mappers.
export { signTikTokRequest, tiktokStringToSign, verifyTikTokWebhook, type TikTokQuery } from './sign.ts';
export { parseTikTokWebhook, tiktokRefetchPlan, TIKTOK_WEBHOOK_TYPES, type TikTokWebhookEvent, type TikTokRefetchPlan } from './webhook.ts';
export { mapTikTokOrder, mapTikTokReturn, tiktokShipmentStatus } from './map.ts';
export { TikTokShopClient, TikTokApiError, type TikTokShopClientOptions, type TikTokOrderSearch, type TikTokReturnSearch } from './client.ts';
