// Buyers. A bounded pool of repeat customers per region plus one-off buyers; any customer is
// regenerated from its key, so nothing is kept in memory between orders.

import { Rng, type Weighted } from './rng.ts';
import { amazonRelayLocal } from './ids.ts';
import { personName, personalEmail, type PersonName } from './people.ts';
import { placeIn, type Place } from './places.ts';
import type { AccountKey, DemoCustomer, Language } from './types.ts';

type Region = 'us' | 'de';

const LANGUAGES_BY_REGION: Record<Region, Weighted<Language>> = {
  us: [['en', 84], ['es', 8], ['zh', 4], ['ja', 2], ['fr', 1], ['it', 1]],
  de: [['de', 76], ['en', 10], ['fr', 5], ['it', 5], ['es', 2], ['ja', 1], ['zh', 1]],
};

export interface CustomerProfile {
  key: string;
  region: Region;
  language: Language;
  name: PersonName;
  personalEmail: string;
  phone: string | null;
  home: Place;
}

function homeCountry(rng: Rng, region: Region, language: Language, allowAbroad: boolean): string {
  if (region === 'us') return allowAbroad && rng.chance(language === 'fr' ? 0.5 : 0.04) ? 'CA' : 'US';
  if (language === 'de') return rng.chance(0.1) ? 'AT' : 'DE';
  if (language === 'fr') return 'FR';
  if (language === 'it') return rng.chance(0.6) ? 'IT' : 'DE';
  return 'DE';
}

function phoneFor(rng: Rng, country: string): string {
  if (country === 'US' || country === 'CA') return `+1 ${rng.int(201, 989)}-555-01${rng.digits(2)}`;
  const cc: Record<string, string> = { DE: '+49 15', AT: '+43 66', FR: '+33 6', IT: '+39 3' };
  return `${cc[country] ?? '+49 15'}${rng.digits(1)} ${rng.digits(7)}`;
}

export function customerProfile(seed: number, key: string, region: Region, allowAbroad: boolean): CustomerProfile {
  const rng = Rng.derive(seed, 'customer', key);
  const language = rng.weighted(LANGUAGES_BY_REGION[region]);
  const name = personName(rng, language);
  const country = homeCountry(rng, region, language, allowAbroad);
  const home = placeIn(rng, country);
  return {
    key, region, language, name,
    personalEmail: personalEmail(rng, name, language),
    phone: rng.chance(0.6) ? phoneFor(rng, country) : null,
    home,
  };
}

/** Chooses the buyer of order #index: a repeat customer from the pool or a new one. */
export function pickCustomer(seed: number, rng: Rng, account: AccountKey, index: number, totalOrders: number): CustomerProfile {
  const region: Region = account === 'amazon-de' ? 'de' : 'us';
  const poolSize = Math.max(20, Math.min(50_000, Math.floor(totalOrders / 8)));
  const repeat = rng.chance(0.2);
  const key = repeat ? `cus-${region}-p${rng.int(0, poolSize - 1)}` : `cus-${region}-${index}`;
  return customerProfile(seed, key, region, !repeat && account === 'shopify');
}

/** The customer as one channel sees it (relay address on Amazon, masked e-mail on TikTok). */
export function customerOnChannel(seed: number, profile: CustomerProfile, account: AccountKey): DemoCustomer {
  const rng = Rng.derive(seed, 'identity', profile.key, account);
  const base = { key: profile.key, name: profile.name.full, country: profile.home.country, language: profile.language };
  if (account === 'amazon-us' || account === 'amazon-de') {
    const email = `${amazonRelayLocal(rng)}@marketplace.amazon.${account === 'amazon-us' ? 'com' : 'de'}`;
    return { ...base, email, phone: null, identities: [{ channel: 'amazon', externalId: email }] };
  }
  if (account === 'shopify') {
    const customerId = `7${rng.digits(12)}`;
    return {
      ...base, email: profile.personalEmail, phone: profile.phone,
      identities: [{ channel: 'shopify', externalId: customerId }, { channel: 'email', externalId: profile.personalEmail }],
    };
  }
  const buyerId = `7${rng.digits(18)}`;
  const email = `${rng.chars('abcdefghijklmnopqrstuvwxyz0123456789', 24)}@scs.tiktokw.us`;
  return { ...base, email, phone: null, identities: [{ channel: 'tiktok', externalId: buyerId }] };
}
