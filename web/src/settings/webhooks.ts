/** Where a provider posts its webhooks for one channel account (pure, unit-tested). */

/** The URL path per account kind; kinds that are not pushed to (Amazon, mailboxes) have none. Instagram goes through Meta. */
const HOOK_PROVIDER: Record<string, string> = { shopify: 'shopify', tiktok: 'tiktok', instagram: 'meta' };

export function webhookPath(kind: string, accountId: string): string | null {
  const provider = HOOK_PROVIDER[kind];
  return provider ? `/hooks/${provider}/${encodeURIComponent(accountId)}` : null;
}

/** The absolute URL to paste into the provider's settings: this desk's address + the path. */
export function webhookUrl(kind: string, accountId: string, origin: string): string | null {
  const path = webhookPath(kind, accountId);
  return path ? `${origin.replace(/\/+$/, '')}${path}` : null;
}
