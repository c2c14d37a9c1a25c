import type { I18n } from '../i18n/I18nProvider.tsx';
import { isMessageKey } from '../i18n/messages.ts';

/** Label of an API value (`rec.kind.fc_lost`, `rec.status.ready`, `rec.event.submit`), or the raw value when this UI does not know it. */
export function recLabel(t: I18n['t'], group: 'kind' | 'status' | 'event' | 'tile' | 'filter' | 'table', value: string): string {
  const key = `rec.${group}.${value}`;
  return isMessageKey(key) ? t(key) : value;
}

type PluralBase = 'rec.daysLeft' | 'rec.opensIn' | 'rec.closedAgo' | 'rec.cases' | 'rec.units' | 'rec.imports' | 'rec.importRows';

/** `{n}` with the singular text for exactly one ("1 day left") and the plural otherwise. */
export function plural(t: I18n['t'], base: PluralBase, n: number): string {
  return t(n === 1 ? `${base}.one` : `${base}.other`, { n });
}

export type IdKey = 'sku' | 'fnsku' | 'asin' | 'order' | 'shipment' | 'reference' | 'amazonCase';

/** Label of a case identifier; SKU, FNSKU and ASIN are Amazon's names in every language (the order card's keys). */
export function idLabel(t: I18n['t'], key: IdKey): string {
  return key === 'sku' || key === 'fnsku' || key === 'asin' ? t(`order.${key}`) : t(`rec.id.${key}`);
}
