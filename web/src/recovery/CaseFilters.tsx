import { useEffect, useState } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';
import { SearchIcon } from '../icons.tsx';
import { recLabel } from './labels.ts';
import { CASE_KINDS, STATUS_FILTERS, filterCount } from './recovery.ts';
import type { RecoveryQuery } from './recovery.ts';

interface Props {
  query: RecoveryQuery;
  onQuery: (query: RecoveryQuery) => void;
  /** Cases per status, from the summary; null while it loads. */
  counts: Record<string, number> | null;
}

/** Status chips (with counts), the claim kind and a search box over SKU, FNSKU, ASIN, order, shipment and case ids. */
export function CaseFilters({ query, onQuery, counts }: Props) {
  const { t } = useT();
  const [search, setSearch] = useState(query.q);

  // The URL is the source of truth (back / forward restore the filters): follow it when it changes elsewhere.
  useEffect(() => {
    setSearch(query.q);
  }, [query.q]);
  // Search as you type, debounced.
  useEffect(() => {
    if (search.trim() === query.q.trim()) return;
    const timer = setTimeout(() => onQuery({ ...query, q: search }), 300);
    return () => clearTimeout(timer);
  }, [search, query, onQuery]);

  return (
    <div className="rec-filters" data-testid="rec-filters">
      <div className="tabs" role="group" aria-label={t('rec.filterStatus')}>
        {STATUS_FILTERS.map((s) => (
          <button key={s} type="button" className={query.status === s ? 'chip active' : 'chip'} aria-pressed={query.status === s}
            onClick={() => onQuery({ ...query, status: s })} data-testid={`rec-status-${s}`}>
            {recLabel(t, 'filter', s)}
            {counts && <span className="chip-count">{filterCount(s, counts)}</span>}
          </button>
        ))}
      </div>
      <div className="rec-filter-row">
        <label className={query.kind ? 'filter-select active' : 'filter-select'}>
          <span className="rec-filter-label">{t('rec.filterKind')}</span>
          <select value={query.kind ?? ''} onChange={(e) => onQuery({ ...query, kind: e.target.value || null })} data-testid="rec-kind">
            <option value="">{t('rec.allKinds')}</option>
            {CASE_KINDS.map((k) => <option key={k} value={k}>{recLabel(t, 'kind', k)}</option>)}
            {query.kind && !(CASE_KINDS as readonly string[]).includes(query.kind) && <option value={query.kind}>{query.kind}</option>}
          </select>
        </label>
        <label className="search rec-search">
          <SearchIcon />
          <span className="sr-only">{t('rec.search')}</span>
          <input type="search" value={search} placeholder={t('rec.searchPlaceholder')} maxLength={100}
            onChange={(e) => setSearch(e.target.value)} data-testid="rec-search" />
        </label>
      </div>
    </div>
  );
}
