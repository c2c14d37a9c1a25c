/** Amazon marketplaces we know, with their ids, relay-mail domain and currency. */
export interface Marketplace {
  readonly code: string;
  readonly id: string;
  readonly domain: string;
  readonly currency: string;
  readonly region: 'NA' | 'EU' | 'FE';
}

export const MARKETPLACES: readonly Marketplace[] = [
  { code: 'US', id: 'ATVPDKIKX0DER', domain: 'amazon.com', currency: 'USD', region: 'NA' },
  { code: 'CA', id: 'A2EUQ1WTGCTBG2', domain: 'amazon.ca', currency: 'CAD', region: 'NA' },
  { code: 'MX', id: 'A1AM78C64UM0Y8', domain: 'amazon.com.mx', currency: 'MXN', region: 'NA' },
  { code: 'UK', id: 'A1F83G8C2ARO7P', domain: 'amazon.co.uk', currency: 'GBP', region: 'EU' },
  { code: 'DE', id: 'A1PA6795UKMFR9', domain: 'amazon.de', currency: 'EUR', region: 'EU' },
  { code: 'FR', id: 'A13V1IB3VIYZZH', domain: 'amazon.fr', currency: 'EUR', region: 'EU' },
  { code: 'IT', id: 'APJ6JRA9NG5V4', domain: 'amazon.it', currency: 'EUR', region: 'EU' },
  { code: 'ES', id: 'A1RKKUPIHCS9HS', domain: 'amazon.es', currency: 'EUR', region: 'EU' },
  { code: 'NL', id: 'A1805IZSGTT6HS', domain: 'amazon.nl', currency: 'EUR', region: 'EU' },
  { code: 'SE', id: 'A2NODRKZP88ZB9', domain: 'amazon.se', currency: 'SEK', region: 'EU' },
  { code: 'PL', id: 'A1C3SOZRARQ6R3', domain: 'amazon.pl', currency: 'PLN', region: 'EU' },
  { code: 'JP', id: 'A1VC38T7YXB528', domain: 'amazon.co.jp', currency: 'JPY', region: 'FE' },
  { code: 'AU', id: 'A39IBJ37TRP1C6', domain: 'amazon.com.au', currency: 'AUD', region: 'FE' },
];

export function marketplaceByCode(code: string): Marketplace | undefined {
  return MARKETPLACES.find((m) => m.code === code.toUpperCase());
}
