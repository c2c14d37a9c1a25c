import { useCallback, useEffect, useMemo } from 'react';
import { useCopy } from '../components/useCopy.ts';
import type { ReconCaseDetail } from '../../../src/contracts/index.ts';
import { api, isApiError, reconPaths } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { formatDate, formatDateTime, formatMoney } from '../format.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import type { I18n } from '../i18n/I18nProvider.tsx';
import { Facts } from '../inbox/Facts.tsx';
import { Link } from '../Link.tsx';
import { hasRole, useSession } from '../session.tsx';
import { useAsync } from '../useAsync.ts';
import { CaseActions } from './CaseActions.tsx';
import { DeadlineCountdown } from './DeadlineCountdown.tsx';
import { idLabel, plural, recLabel } from './labels.ts';
import { baseName, identifiers } from './recovery.ts';
import { StatusChip } from './StatusChip.tsx';

type CaseEvent = ReconCaseDetail['events'][number];

/** Who acted: the reconciliation itself, a member by name, or the raw actor. */
function actorName(actor: string, names: ReadonlyMap<string, string>, t: I18n['t']): string {
  if (actor === 'recon' || actor === 'seed' || actor === 'system') return t('rec.actorRecon');
  return names.get(actor) ?? actor;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** One line about an event's details, in the UI language where the vocabulary is known. */
function eventDetail(e: CaseEvent, currency: string, i18n: I18n): string {
  const { t, locale } = i18n;
  const money = (v: unknown) => { const n = num(v); return n === null ? null : formatMoney(n, currency, locale); };
  const d = e.detail;
  switch (e.kind) {
    case 'submit': return str(d.amazonCaseId) ? t('rec.eventCaseId', { id: String(d.amazonCaseId) }) : '';
    case 'reimbursed': case 'recovered': return money(d.amountMinor) ?? '';
    case 'deny': case 'dismiss': return str(d.reason) ?? '';
    case 'detected': return [money(d.valueMinor), str(d.status) ? recLabel(t, 'status', String(d.status)) : null, str(d.reason)].filter(Boolean).join(' · ');
    case 'updated': {
      const from = (d.from ?? {}) as Record<string, unknown>;
      const to = (d.to ?? {}) as Record<string, unknown>;
      const parts = [];
      if (num(from.valueMinor) !== num(to.valueMinor)) parts.push(`${money(from.valueMinor) ?? '—'} → ${money(to.valueMinor) ?? '—'}`);
      if (from.status !== to.status && str(to.status)) parts.push(`${recLabel(t, 'status', String(from.status))} → ${recLabel(t, 'status', String(to.status))}`);
      if (num(from.quantity) !== num(to.quantity)) parts.push(`${String(from.quantity)} → ${String(to.quantity)}`);
      return parts.join(' · ');
    }
    default: return '';
  }
}

/** The claim text, read-only, with a Copy button (it is meant to be pasted into Seller Central as is). */
function ClaimText({ text }: { text: string }) {
  const { t } = useT();
  const { ref, state: copy, copy: onCopy } = useCopy<HTMLTextAreaElement>(text);
  return (
    <section className="card rec-section" aria-labelledby="rec-claim-title">
      <div className="section-head">
        <h2 id="rec-claim-title">{t('rec.claimText')}</h2>
        <button type="button" className="btn btn-small push-right" onClick={() => void onCopy()} data-testid="claim-copy">
          {copy === 'copied' ? `✓ ${t('rec.copied')}` : t('rec.copy')}
        </button>
      </div>
      <p className="muted small">{t('rec.claimTextHint')}</p>
      <textarea ref={ref} className="rec-claim-text" readOnly value={text} rows={Math.min(20, Math.max(6, text.split('\n').length + Math.ceil(text.length / 110)))}
        aria-labelledby="rec-claim-title" spellCheck={false} lang="en" onFocus={(e) => e.currentTarget.select()} data-testid="claim-text" />
      <span role="status" className="small">{copy === 'failed' ? t('secret.copyFailed') : ''}</span>
    </section>
  );
}

function CaseView({ detail, onChanged, names }: { detail: ReconCaseDetail; onChanged: (d: ReconCaseDetail) => void; names: ReadonlyMap<string, string> }) {
  const i18n = useT();
  const { t, locale } = i18n;
  const { session } = useSession();
  const c = detail;
  const kind = recLabel(t, 'kind', c.kind);
  const money = (minor: number) => formatMoney(minor, c.currency, locale);
  const ids = identifiers(c);

  return (
    <>
      <header className="card rec-case-head" data-testid="case-header" data-status={c.status}>
        <div className="rec-case-title">
          <h1 data-testid="case-kind">{kind}</h1>
          <StatusChip status={c.status} />
          <span className="badge badge-channel">{c.marketplace}</span>
        </div>
        <div className="rec-case-figures">
          <span className="rec-case-value" data-testid="case-value">{money(c.valueMinor)}</span>
          <span className="muted">{plural(t, 'rec.units', c.quantity)}</span>
          <DeadlineCountdown c={c} />
          <span className="muted small">{t('rec.deadlineOn', { date: formatDate(c.deadlineOn, locale) })}</span>
          {c.opensOn && <span className="muted small">{t('rec.opensOn', { date: formatDate(c.opensOn, locale) })}</span>}
        </div>
        {c.statusReason && <p className="small" data-testid="case-status-reason"><span className="muted">{t('rec.statusReason')}:</span> <span lang="en">{c.statusReason}</span></p>}
        <div className="rec-case-tools">
          {hasRole(session.role, 'agent') ? <CaseActions detail={c} onChanged={onChanged} /> : <span />}
          <div className="rec-downloads push-right">
            <a className="btn btn-small" href={reconPaths.packetPdf(c.id)} download data-testid="case-pdf">{t('rec.downloadPdf')}</a>
            <a className="btn btn-small" href={reconPaths.packetZip(c.id)} download data-testid="case-zip">{t('rec.downloadZip')}</a>
          </div>
        </div>
      </header>

      <div className="rec-case-grid">
        <div className="rec-case-main">
          <section className="card rec-section" aria-labelledby="rec-what-title">
            <h2 id="rec-what-title">{t('rec.whatHappened')}</h2>
            <p className="rec-prose" lang="en" data-testid="case-summary">{c.summary}</p>
          </section>

          <section className="card rec-section" aria-labelledby="rec-value-title">
            <div className="section-head">
              <h2 id="rec-value-title">{t('rec.valueTitle')}</h2>
              {c.valueVerified
                ? <span className="badge badge-verified" data-testid="value-verified">{t('rec.verified')}</span>
                : <span className="badge badge-assumption" title={t('rec.assumptionHint')} data-testid="value-assumption">{t('rec.assumption')}</span>}
            </div>
            {!c.valueVerified && <p className="muted small">{t('rec.assumptionHint')}</p>}
            <p className="rec-prose" lang="en" data-testid="case-value-explanation">{c.valueExplanation}</p>
            <p className="small"><span className="muted">{t('rec.windowRule')}:</span> <span lang="en">{c.windowRule}</span></p>
          </section>

          <ClaimText text={c.claimText} />

          <section className="card rec-section" aria-labelledby="rec-evidence-title">
            <h2 id="rec-evidence-title">{t('rec.evidence')} <span className="muted small">({c.evidence.length})</span></h2>
            {c.evidence.length === 0 ? <p className="muted small">{t('rec.noEvidence')}</p> : (
              <ol className="rec-evidence" data-testid="case-evidence">
                {c.evidence.map((e, i) => (
                  <li key={`${e.table}-${String(e.id)}-${i}`} data-testid="evidence-item" data-table={e.table}>
                    <span className="rec-evidence-label" lang="en">{e.label}</span>
                    <span className="muted small">
                      {recLabel(t, 'table', e.table)}
                      {e.file && <> · <span className="mono">{e.line != null ? t('rec.fileLine', { file: baseName(e.file), line: e.line }) : baseName(e.file)}</span></>}
                    </span>
                    {e.ticketId && <Link to={`/inbox/${encodeURIComponent(e.ticketId)}`} className="small">{t('rec.openConversation')}</Link>}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>

        <aside className="rec-case-side">
          <section className="card rec-section" aria-labelledby="rec-ids-title">
            <h2 id="rec-ids-title">{t('rec.identifiers')}</h2>
            <Facts rows={[
              ...ids.map((x) => [idLabel(t, x.key), <span className="mono selectable">{x.value}</span>] as const),
              [idLabel(t, 'amazonCase'), c.amazonCaseId ? <span className="mono selectable" data-testid="case-amazon-case-id">{c.amazonCaseId}</span> : null],
              [t('rec.eventOn'), formatDate(c.eventOn, locale)],
              [t('rec.submittedAt'), c.submittedAt ? formatDateTime(c.submittedAt, locale) : null],
              [t('rec.detectedAt'), formatDateTime(c.detectedAt, locale)],
            ]} />
          </section>

          <section className="card rec-section" aria-labelledby="rec-conv-title">
            <h2 id="rec-conv-title">{t('rec.conversation')}</h2>
            {c.ticketId
              ? <Link to={`/inbox/${encodeURIComponent(c.ticketId)}`} data-testid="case-ticket-link">{t('rec.openConversation')}</Link>
              : <p className="muted small">{t('rec.noConversation')}</p>}
          </section>

          <section className="card rec-section" aria-labelledby="rec-recovered-title">
            <h2 id="rec-recovered-title">{t('rec.recovered')}</h2>
            <p className={c.recoveredMinor > 0 ? 'rec-recovered text-ok' : 'rec-recovered muted'} data-testid="case-recovered" data-minor={c.recoveredMinor}>
              {t('rec.recoveredOf', { amount: money(c.recoveredMinor), value: money(c.valueMinor) })}
            </p>
            {c.recoveries.length > 0 && (
              <ul className="rec-recoveries small">
                {c.recoveries.map((r) => (
                  <li key={`${r.reimbursementId}-${r.approvedAt}`}>
                    <strong>{money(r.amountMinor)}</strong>{' '}
                    {t('rec.recoveryLine', { id: r.reimbursementId, date: formatDate(r.approvedAt, locale) })}
                    {r.quantity !== null && <> · {plural(t, 'rec.units', r.quantity)}</>}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="card rec-section timeline" aria-labelledby="rec-timeline-title" data-testid="case-timeline">
            <h2 id="rec-timeline-title">{t('rec.timeline')}</h2>
            <ol>
              {c.events.map((e, i) => {
                const detailText = eventDetail(e, c.currency, i18n);
                return (
                  <li key={`${e.at}-${i}`} className="timeline-item" data-kind={e.kind}>
                    <time className="muted small" dateTime={e.at}>{formatDateTime(e.at, locale)}</time>
                    <span className="timeline-type">{recLabel(t, 'event', e.kind)}</span>
                    <span className="muted small" data-actor={e.actor}>{actorName(e.actor, names, t)}</span>
                    {detailText && <span className="timeline-data small">{detailText}</span>}
                  </li>
                );
              })}
            </ol>
          </section>
        </aside>
      </div>
    </>
  );
}

/** One claim case: what happened, its value, the claim text to paste, the evidence, the conversation and the actions. */
export function CasePage({ caseId }: { caseId: string }) {
  const { t } = useT();
  const load = useCallback(() => api.getReconCase(caseId), [caseId]);
  const state = useAsync(load);
  const members = useAsync(api.listMembers);
  const names = useMemo(() => new Map((members.data ?? []).map((m) => [m.id, m.name])), [members.data]);
  const { setData } = state;
  const onChanged = useCallback((d: ReconCaseDetail) => setData(() => d), [setData]);
  // The shell's main pane keeps its scroll position across pages: a case opened from far down the list starts at its top.
  useEffect(() => {
    document.getElementById('main')?.scrollTo(0, 0);
  }, [caseId]);

  return (
    <div className="page recovery-case" data-testid="case-page">
      <nav className="rec-breadcrumb small" aria-label={t('rec.breadcrumb')}>
        <Link to="/recovery" data-testid="case-back">← {t('recovery.title')}</Link>
      </nav>
      {state.error !== null && (isApiError(state.error) && state.error.status === 404
        ? <p className="banner banner-warn" role="alert" data-testid="case-not-found">{t('rec.notFound')}</p>
        : <ErrorBanner error={state.error} onRetry={state.reload} />)}
      {!state.data && state.loading && <p className="muted">{t('common.loading')}</p>}
      {state.data && <CaseView detail={state.data} onChanged={onChanged} names={names} />}
    </div>
  );
}
