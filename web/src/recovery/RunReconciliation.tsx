import { useState } from 'react';
import type { z } from 'zod';
import type { ReconRunResponse } from '../../../src/contracts/index.ts';
import { api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { formatMoney } from '../format.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useT } from '../i18n/I18nProvider.tsx';

type RunResult = z.output<typeof ReconRunResponse>;

interface Props {
  onDone: () => void;
  /** The button's text (default "Run reconciliation"). */
  labelKey?: MessageKey;
  testId?: string;
}

/** "Run reconciliation" (agents and up): runs every discrepancy rule as of today and says what it found. */
export function RunReconciliation({ onDone, labelKey = 'rec.run', testId = 'rec-run' }: Props) {
  const { t, locale } = useT();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RunResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await api.runReconciliation());
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const missed = result ? Object.entries(result.missedMinor).filter(([, v]) => v > 0) : [];
  return (
    <div className="rec-run">
      <button type="button" className="btn btn-primary" onClick={() => void run()} disabled={busy} aria-busy={busy} data-testid={testId}>
        {busy ? t('rec.running') : t(labelKey)}
      </button>
      {error !== null && <ErrorBanner error={error} titleKey="rec.runFailed" onDismiss={() => setError(null)} />}
      {result && (
        <div className="banner banner-ok rec-run-result" role="status" data-testid="rec-run-result">
          <div className="banner-text">
            <strong>{t('rec.runDone', { date: result.asOf })}</strong>
            <span className="banner-detail">
              {t('rec.runFound', { candidates: result.candidates, created: result.created, updated: result.updated, unchanged: result.unchanged })}
              {' '}
              {t('rec.runClosed', { resolved: result.resolved, expired: result.expired, matched: result.recoveriesMatched })}
              {missed.length > 0 && <> {t('rec.runMissed', { amount: missed.map(([c, v]) => formatMoney(v, c, locale)).join(' + ') })}</>}
            </span>
          </div>
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setResult(null)}>{t('common.close')}</button>
        </div>
      )}
    </div>
  );
}
