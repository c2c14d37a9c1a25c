// The demo seller: "Hearthwise", a home & kitchen gadgets brand selling on Amazon US (FBA + FBM),
// Amazon DE (FBA), its own Shopify store and a TikTok Shop (US).

import type { AccountKey, DemoAccount } from './types.ts';

export const DEMO_BRAND = 'Hearthwise';
export const DEMO_SUPPORT_EMAIL = 'support@hearthwise-home.com';

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { key: 'amazon-us', kind: 'amazon', name: 'Hearthwise Amazon US', marketplace: 'US', externalId: 'A2H7QX4KEW9J3M', currency: 'USD' },
  { key: 'amazon-de', kind: 'amazon', name: 'Hearthwise Amazon DE', marketplace: 'DE', externalId: 'A1KQ8XW3Z5T0RB', currency: 'EUR' },
  { key: 'shopify', kind: 'shopify', name: 'Hearthwise Store', marketplace: 'US', externalId: 'hearthwise-home.myshopify.com', currency: 'USD' },
  { key: 'tiktok', kind: 'tiktok', name: 'Hearthwise TikTok Shop', marketplace: 'US', externalId: '7495310862217451302', currency: 'USD' },
];

export function demoAccount(key: AccountKey): DemoAccount {
  const account = DEMO_ACCOUNTS.find((a) => a.key === key);
  if (!account) throw new Error(`unknown account ${key}`);
  return account;
}

