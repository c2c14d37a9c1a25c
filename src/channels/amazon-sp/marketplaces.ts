/** Amazon marketplace ids (ATVPDKIKX0DER, ...) ↔ our marketplace codes (US, DE, ...), from kernel's MARKETPLACES. */
import { MARKETPLACES, marketplaceByCode, type Marketplace } from '../../kernel/index.ts';

const BY_ID: ReadonlyMap<string, Marketplace> = new Map(MARKETPLACES.map((m) => [m.id, m]));

/** Our code for an Amazon marketplace id, or null for a marketplace we do not know (BR, AE, IN, ...). */
export function marketplaceCodeForId(marketplaceId: string | null | undefined): string | null {
  return (marketplaceId && BY_ID.get(marketplaceId)?.code) || null;
}

export function marketplaceForId(marketplaceId: string | null | undefined): Marketplace | null {
  return (marketplaceId && BY_ID.get(marketplaceId)) || null;
}

/** The Amazon marketplace id for one of our codes ("DE" → "A1PA6795UKMFR9"); throws for an unknown code. */
export function marketplaceIdForCode(code: string): string {
  const m = marketplaceByCode(code);
  if (!m) throw new RangeError(`unknown marketplace code "${code}" (known: ${MARKETPLACES.map((x) => x.code).join(', ')})`);
  return m.id;
}
