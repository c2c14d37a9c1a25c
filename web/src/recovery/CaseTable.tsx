import { useEffect, useRef } from 'react';
import type { ReconCase } from '../../../src/contracts/index.ts';
import { formatMoney } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { Link } from '../Link.tsx';
import { DeadlineCountdown } from './DeadlineCountdown.tsx';
import { idLabel, recLabel } from './labels.ts';
import { identifiers } from './recovery.ts';
import { StatusChip } from './StatusChip.tsx';

interface Props {
  items: readonly ReconCase[];
  selected: ReadonlySet<string>;
  onSelect: (ids: readonly string[], on: boolean) => void;
}

/** The ranked cases, in the server's order (value × urgency); a checkbox per row for the ZIP export. */
export function CaseTable({ items, selected, onSelect }: Props) {
  const { t, locale } = useT();
  const all = useRef<HTMLInputElement>(null);
  const chosen = items.filter((c) => selected.has(c.id)).length;
  useEffect(() => {
    if (all.current) all.current.indeterminate = chosen > 0 && chosen < items.length;
  }, [chosen, items.length]);

  return (
    <div className="rec-table-wrap">
      <table className="table rec-table" data-testid="rec-cases">
        <caption className="sr-only">{t('rec.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="rec-check">
              <input ref={all} type="checkbox" checked={items.length > 0 && chosen === items.length} disabled={items.length === 0}
                aria-label={t('rec.selectAll')} data-testid="rec-select-all"
                onChange={(e) => onSelect(items.map((c) => c.id), e.target.checked)} />
            </th>
            <th scope="col" className="num">#</th>
            <th scope="col">{t('rec.col.claim')}</th>
            <th scope="col">{t('rec.col.ids')}</th>
            <th scope="col" className="num">{t('rec.col.qty')}</th>
            <th scope="col" className="num">{t('rec.col.value')}</th>
            <th scope="col">{t('rec.col.deadline')}</th>
            <th scope="col">{t('common.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c, i) => {
            const kind = recLabel(t, 'kind', c.kind);
            const ids = identifiers(c);
            // The order / shipment / reference first, then the product; the ASIN is on the case page.
            const shown = [...ids.filter((x) => x.key === 'order' || x.key === 'shipment' || x.key === 'reference'), ...ids.filter((x) => x.key === 'sku' || x.key === 'fnsku')];
            return (
              <tr key={c.id} data-testid="case-row" data-case-id={c.id} data-kind={c.kind} data-status={c.status} data-score={c.score}
                data-value={c.valueMinor} data-currency={c.currency} className={selected.has(c.id) ? 'selected' : undefined}>
                <td className="rec-check">
                  <input type="checkbox" checked={selected.has(c.id)} onChange={(e) => onSelect([c.id], e.target.checked)}
                    aria-label={t('rec.selectCase', { kind, id: shown[0]?.value ?? c.id })} data-testid="case-select" />
                </td>
                <td className="num muted">{i + 1}</td>
                <td>
                  <Link to={`/recovery/${encodeURIComponent(c.id)}`} className="rec-case-link" data-testid="case-link">{kind}</Link>
                  <div className="muted small">{c.marketplace}{c.ticketId ? ` · ${t('rec.hasConversation')}` : ''}</div>
                </td>
                <td className="rec-ids">
                  {shown.map((x) => (
                    <span key={x.key} className="rec-id"><span className="muted">{idLabel(t, x.key)}</span> <span className="mono">{x.value}</span></span>
                  ))}
                  {c.amazonCaseId && <span className="rec-id"><span className="muted">{idLabel(t, 'amazonCase')}</span> <span className="mono">{c.amazonCaseId}</span></span>}
                </td>
                <td className="num">{c.quantity}</td>
                <td className="num rec-value">
                  {formatMoney(c.valueMinor, c.currency, locale)}
                  {c.recoveredMinor > 0 && <div className="small text-ok">{t('rec.recoveredShort', { amount: formatMoney(c.recoveredMinor, c.currency, locale) })}</div>}
                </td>
                <td><DeadlineCountdown c={c} /></td>
                <td><StatusChip status={c.status} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
