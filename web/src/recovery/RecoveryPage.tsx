import { useCallback, useMemo, useState } from 'react';
import { api, reconPaths } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { formatDateTime } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { navigate, useLocation } from '../router.ts';
import { hasRole, useSession } from '../session.tsx';
import { useAsync } from '../useAsync.ts';
import { CaseFilters } from './CaseFilters.tsx';
import { CaseTable } from './CaseTable.tsx';
import { ImportReports } from './ImportReports.tsx';
import { plural } from './labels.ts';
import { queryPath, readQuery, statusCounts, statusesOf } from './recovery.ts';
import type { RecoveryQuery } from './recovery.ts';
import { RunReconciliation } from './RunReconciliation.tsx';
import { SummaryTiles } from './SummaryTiles.tsx';

/** Export links carry at most this many ids (the API's limit per ZIP). */
const MAX_EXPORT = 500;

/** The Recovery screen: money per stage, reconciliation runs, and the ranked claim cases with their ZIP exports. */
export function RecoveryPage() {
  const { t, locale } = useT();
  const { session } = useSession();
  const { search } = useLocation();
  const query = readQuery(search);
  const { status, kind, q } = query;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [importing, setImporting] = useState(false);

  const summary = useAsync(api.reconSummary);
  const loadCases = useCallback(() => api.listReconCases({ status: statusesOf(status), kind, q }), [status, kind, q]);
  const cases = useAsync(loadCases);
  const counts = useMemo(() => (summary.data ? statusCounts(summary.data) : null), [summary.data]);

  const onQuery = useCallback((next: RecoveryQuery) => navigate(queryPath(next), { replace: true }), []);
  const onSelect = useCallback((ids: readonly string[], on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);
  const reload = () => {
    summary.reload();
    cases.reload();
  };

  const items = cases.data?.items ?? [];
  // Only what is on screen is exported: a case filtered away stays unticked.
  const chosen = items.filter((c) => selected.has(c.id)).map((c) => c.id);
  const readyCount = counts?.ready ?? 0;
  const agent = hasRole(session.role, 'agent');
  const s = summary.data;

  return (
    <div className="page recovery" data-testid="recovery-page">
      <header className="rec-head">
        <div className="rec-head-text">
          <h1>{t('recovery.title')}</h1>
          {s && (
            <p className="muted small" data-testid="rec-last-run">
              {s.lastRun
                ? t('rec.lastRun', { date: formatDateTime(s.lastRun.at, locale), asOf: s.lastRun.asOf })
                : t('rec.neverRun')}
              {' · '}
              {plural(t, 'rec.imports', s.imports)}
            </p>
          )}
        </div>
        {agent && (
          <div className="rec-head-actions">
            <button type="button" className={`btn${importing ? ' active' : ''}`} onClick={() => setImporting((open) => !open)}
              aria-expanded={importing} aria-controls={importing ? 'rec-import-panel' : undefined} data-testid="rec-import-toggle">
              {t('rec.importOpen')}
            </button>
            <RunReconciliation onDone={reload} />
          </div>
        )}
      </header>
      {agent && importing && (
        <div id="rec-import-panel">
          <ImportReports onImported={summary.reload} onRan={reload} onClose={() => setImporting(false)} />
        </div>
      )}

      {summary.error !== null && <ErrorBanner error={summary.error} onRetry={summary.reload} />}
      {s && <SummaryTiles summary={s} />}
      {s && s.imports === 0 && <p className="banner banner-warn" data-testid="rec-no-imports">{t('rec.noImports')}</p>}

      <section className="card rec-cases" aria-labelledby="rec-cases-title">
        <div className="rec-cases-head">
          <h2 id="rec-cases-title">{t('rec.casesTitle')}</h2>
          {cases.data && (
            <span className="muted small" data-testid="rec-count">{t('rec.shown', { shown: cases.data.items.length, total: cases.data.total })}</span>
          )}
          <div className="rec-export push-right">
            {chosen.length > 0 && chosen.length <= MAX_EXPORT ? (
              <a className="btn btn-small" href={reconPaths.exportZip(chosen)} download data-testid="rec-export-selected">
                {t('rec.exportSelected', { n: chosen.length })}
              </a>
            ) : (
              <button type="button" className="btn btn-small" disabled data-testid="rec-export-selected"
                title={chosen.length > MAX_EXPORT ? t('rec.exportTooMany', { max: MAX_EXPORT }) : t('rec.exportNone')}>
                {t('rec.exportSelected', { n: chosen.length })}
              </button>
            )}
            {readyCount > 0 ? (
              <a className="btn btn-small" href={reconPaths.exportZip()} download data-testid="rec-export-ready">
                {t('rec.exportReady', { n: readyCount })}
              </a>
            ) : (
              <button type="button" className="btn btn-small" disabled data-testid="rec-export-ready">{t('rec.exportReady', { n: 0 })}</button>
            )}
          </div>
        </div>
        <p className="rec-guidance small" data-testid="rec-guidance">{t('rec.guidance')}</p>
        <CaseFilters query={query} onQuery={onQuery} counts={counts} />
        {cases.error !== null && <ErrorBanner error={cases.error} onRetry={cases.reload} />}
        <div aria-busy={cases.loading} className={cases.loading && cases.data ? 'stale' : undefined}>
          {cases.data && items.length > 0 && <CaseTable items={items} selected={selected} onSelect={onSelect} />}
          {cases.data && items.length === 0 && <p className="empty" data-testid="rec-empty">{t('rec.empty')}</p>}
          {!cases.data && cases.loading && <p className="empty">{t('common.loading')}</p>}
        </div>
      </section>
    </div>
  );
}
