import { useState } from 'react';
import type { z } from 'zod';
import type { DryRunResponse } from '../../../src/contracts/index.ts';
import { api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { RiskBadge } from '../components/RiskBadge.tsx';
import { formatDateTime } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { hasRole, useSession } from '../session.tsx';
import { useAsync } from '../useAsync.ts';

const HOUR = 3_600_000;
const hours = (ms: unknown) => (typeof ms === 'number' ? `${Math.round((ms / HOUR) * 10) / 10} h` : '—');
const list = (v: unknown) => (Array.isArray(v) ? v.join(', ') : '');

/** SLA policies and automation rules in force, the rules editor (admins) and a dry run (agents). */
export function TriageSection() {
  const { t, locale } = useT();
  const { session } = useSession();
  const settings = useAsync(api.getTriageSettings);
  const [draft, setDraft] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [message, setMessage] = useState('{"channel":"amazon","marketplace":"US","fulfillment":"FBM","body":"Where is my package? It has been 10 days, I will file an A-to-z claim"}');
  const [result, setResult] = useState<z.infer<typeof DryRunResponse> | null>(null);
  const [runError, setRunError] = useState<unknown>(null);
  const admin = hasRole(session.role, 'admin');
  const s = settings.data;

  const save = async (rules: unknown[] | null) => {
    if (!s) return;
    setSaveError(null);
    try {
      const next = await api.saveTriageRules(rules, s.version);
      setSaved(next.version);
      setDraft(null);
      settings.reload();
    } catch (e) {
      setSaveError(e);
    }
  };
  const onSave = () => {
    try {
      const parsed: unknown = JSON.parse(draft ?? '[]');
      if (!Array.isArray(parsed)) throw new SyntaxError('the rule set must be a JSON list');
      void save(parsed);
    } catch (e) {
      setSaveError(e);
    }
  };
  const onRun = async () => {
    setRunError(null);
    try {
      const msg: unknown = JSON.parse(message);
      const rules = draft ? (JSON.parse(draft) as unknown[]) : undefined;
      setResult(await api.dryRun(msg as Record<string, unknown>, rules));
    } catch (e) {
      setRunError(e);
    }
  };

  return (
    <section className="card settings-section" aria-labelledby="settings-triage" data-testid="triage-settings">
      <div className="section-head"><h2 id="settings-triage">{t('triage.title')}</h2></div>
      <p className="muted small">{t('triage.hint')}</p>
      {settings.error !== null && <ErrorBanner error={settings.error} onRetry={settings.reload} />}
      {s && (
        <>
          <h3>{t('triage.policies')} <span className="muted small">({s.custom.policies ? t('triage.custom') : t('triage.defaults')})</span></h3>
          <table className="table" data-testid="sla-policies">
            <thead><tr><th>{t('triage.policy')}</th><th>{t('triage.when')}</th><th>{t('triage.targets')}</th><th>{t('triage.calendar')}</th></tr></thead>
            <tbody>
              {s.policies.map((p) => {
                const c = (p.conditions ?? {}) as Record<string, unknown>;
                const tg = (p.targets ?? {}) as Record<string, unknown>;
                const when = [list(c.channels), list(c.marketplaces), list(c.riskLevels), list(c.intents)].filter(Boolean).join(' · ') || t('triage.anyone');
                return (
                  <tr key={String(p.id)}>
                    <td>{String(p.name)}</td>
                    <td className="small">{when}</td>
                    <td className="mono small">{hours(tg.firstResponseMs)} / {hours(tg.nextResponseMs)}, {hours(tg.resolutionMs)}</td>
                    <td className="small">{String(tg.calendar)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <h3>{t('triage.rules')} <span className="muted small">({s.custom.rules ? t('triage.custom') : t('triage.defaults')}{s.updatedAt ? ` · ${formatDateTime(s.updatedAt, locale)}` : ''})</span></h3>
          <table className="table" data-testid="rules">
            <thead><tr><th>#</th><th>{t('triage.rule')}</th><th>{t('triage.trigger')}</th><th>{t('triage.enabled')}</th></tr></thead>
            <tbody>
              {s.rules.map((r) => (
                <tr key={String(r.id)} data-rule-id={String(r.id)}>
                  <td className="mono">{String(r.position)}</td>
                  <td>{String(r.name)}</td>
                  <td className="mono small">{String(r.trigger)}</td>
                  <td>{r.enabled ? '✓' : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {admin && (
            <div className="stack">
              {draft === null ? (
                <div className="row">
                  <button type="button" className="btn btn-small" onClick={() => setDraft(JSON.stringify(s.rules, null, 2))} data-testid="edit-rules">{t('triage.editRules')}</button>
                  {s.custom.rules && <button type="button" className="btn btn-small btn-ghost" onClick={() => void save(null)}>{t('triage.resetRules')}</button>}
                  {saved !== null && <span className="muted small" role="status">{t('triage.saved', { version: saved })}</span>}
                </div>
              ) : (
                <>
                  <textarea className="code-editor mono" rows={16} value={draft} onChange={(e) => setDraft(e.target.value)} spellCheck={false} data-testid="rules-json" aria-label={t('triage.editRules')} />
                  <div className="row">
                    <button type="button" className="btn btn-primary btn-small" onClick={onSave} data-testid="save-rules">{t('triage.save')}</button>
                    <button type="button" className="btn btn-small btn-ghost" onClick={() => { setDraft(null); setSaveError(null); }}>{t('common.cancel')}</button>
                  </div>
                </>
              )}
              {saveError !== null && <ErrorBanner error={saveError} />}
            </div>
          )}
          <h3>{t('triage.dryRun')}</h3>
          <p className="muted small">{t('triage.dryRunHint')}</p>
          <textarea className="code-editor mono" rows={4} value={message} onChange={(e) => setMessage(e.target.value)} spellCheck={false} data-testid="dry-run-message" aria-label={t('triage.dryRun')} />
          <div className="row"><button type="button" className="btn btn-small" onClick={() => void onRun()} data-testid="dry-run">{t('triage.run')}</button></div>
          {runError !== null && <ErrorBanner error={runError} />}
          {result && (
            <div className="dry-run-result" data-testid="dry-run-result">
              <p><RiskBadge level={result.risk} /> <strong>{result.intent}</strong> · {result.language ?? '?'} · {result.signals.join(', ')} · {result.score}
                {result.sla && <> · {result.sla.policy}: {result.sla.firstResponseDueAt ? formatDateTime(result.sla.firstResponseDueAt, locale) : '—'}</>}</p>
              <ol className="small" lang="en">{result.reasons.map((r) => <li key={r}>{r}</li>)}</ol>
              <ul className="small">
                {result.rules.map((r) => (
                  <li key={r.ruleId} data-rule-id={r.ruleId} data-fires={r.wouldFire}>
                    <strong>{r.ruleName}</strong>: {r.wouldFire ? t('triage.wouldFire') : t('triage.wouldNotFire')} <span className="muted" lang="en">({r.explanation})</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}
