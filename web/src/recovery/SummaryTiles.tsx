import type { ReconSummary } from '../../../src/contracts/index.ts';
import { formatMoney } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { plural, recLabel } from './labels.ts';
import { TILES, summaryCurrencies, tileTotals } from './recovery.ts';

/** Money detected / ready / submitted / recovered / expired, one line per currency (money is never added across currencies). */
export function SummaryTiles({ summary }: { summary: ReconSummary }) {
  const { t, locale } = useT();
  const tiles = tileTotals(summary);
  const currencies = summaryCurrencies(summary);
  return (
    <ul className="rec-tiles" aria-label={t('rec.tiles')} data-testid="rec-tiles">
      {TILES.map((name) => {
        const tile = tiles[name];
        return (
          <li key={name} className={`rec-tile rec-tile-${name}`} data-testid={`tile-${name}`} data-count={tile.count}>
            <span className="rec-tile-label">{recLabel(t, 'tile', name)}</span>
            <span className="rec-tile-money">
              {currencies.length === 0 && <span className="muted">—</span>}
              {currencies.map((c) => (
                <span key={c} className="rec-tile-amount" data-currency={c} data-minor={tile.money[c] ?? 0}>
                  {formatMoney(tile.money[c] ?? 0, c, locale)}
                </span>
              ))}
            </span>
            <span className="rec-tile-count muted small">{plural(t, 'rec.cases', tile.count)}</span>
            <span className="rec-tile-hint small">{t(`rec.tileHint.${name}`)}</span>
          </li>
        );
      })}
    </ul>
  );
}
