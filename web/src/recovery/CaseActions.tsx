import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ReconCaseAction, ReconCaseDetail } from '../../../src/contracts/index.ts';
import { api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { allowedActions, amountInput, parseAmount } from './recovery.ts';
import type { ActionName } from './recovery.ts';

interface Props {
  detail: ReconCaseDetail;
  onChanged: (detail: ReconCaseDetail) => void;
}

const BUTTON_KEY = {
  submit: 'rec.act.submit', reimbursed: 'rec.act.reimbursed', deny: 'rec.act.deny', dismiss: 'rec.act.dismiss', reopen: 'rec.act.reopen',
} as const;

/**
 * The moves a seller makes on a case, as its status allows: mark it submitted (with the Seller Central case id),
 * reimbursed (with the amount Amazon paid), denied, dismissed, or reopen it. Every action but reopen opens a
 * small form first; the server's error (a malformed case id, a status that changed meanwhile) is shown as is.
 */
export function CaseActions({ detail, onChanged }: Props) {
  const { t } = useT();
  const [open, setOpen] = useState<ActionName | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [caseId, setCaseId] = useState('');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [amountInvalid, setAmountInvalid] = useState(false);
  const firstField = useRef<HTMLInputElement>(null);
  const allowed = allowedActions(detail.status);

  useEffect(() => {
    if (open) firstField.current?.focus();
  }, [open]);

  const start = (action: ActionName) => {
    setError(null);
    setAmountInvalid(false);
    if (action === 'reopen') {
      void act({ action: 'reopen' });
      return;
    }
    setCaseId(detail.amazonCaseId ?? '');
    setAmount(amountInput(detail.valueMinor, detail.currency));
    setReason('');
    setOpen(action);
  };

  const act = async (body: ReconCaseAction) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await api.actOnReconCase(detail.id, body));
      setOpen(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (open === 'submit') void act({ action: 'submit', amazonCaseId: caseId.trim() });
    else if (open === 'reimbursed') {
      const minor = parseAmount(amount, detail.currency);
      setAmountInvalid(minor === null);
      if (minor !== null) void act({ action: 'reimbursed', amountMinor: minor });
    } else if (open === 'deny' || open === 'dismiss') void act({ action: open, ...(reason.trim() ? { reason: reason.trim() } : {}) });
  };

  if (allowed.length === 0) return <p className="muted small" data-testid="case-no-actions">{t('rec.noActions')}</p>;

  return (
    <div className="rec-actions" data-testid="case-actions">
      <div className="rec-action-buttons" role="group" aria-label={t('common.actions')}>
        {allowed.map((a) => (
          <button key={a} type="button" className={a === 'submit' ? 'btn btn-primary btn-small' : a === 'dismiss' ? 'btn btn-small btn-danger' : 'btn btn-small'}
            aria-expanded={a === 'reopen' ? undefined : open === a} disabled={busy} onClick={() => start(a)} data-testid={`case-act-${a}`}>
            {t(BUTTON_KEY[a])}
          </button>
        ))}
      </div>
      {open && (
        <form className="subform rec-action-form" onSubmit={submit}
          onKeyDown={(e) => { if (e.key === 'Escape' && !busy) { setOpen(null); setError(null); } }} data-testid={`case-form-${open}`} aria-label={t(BUTTON_KEY[open])}>
          {open === 'submit' && (
            <label className="field">
              <span>{t('rec.amazonCaseId')}</span>
              <input ref={firstField} value={caseId} onChange={(e) => setCaseId(e.target.value)} required maxLength={40}
                inputMode="numeric" autoComplete="off" placeholder="14928374651" aria-describedby="rec-case-id-hint" data-testid="case-amazon-id" />
              <span id="rec-case-id-hint" className="muted small">{t('rec.amazonCaseIdHint')}</span>
            </label>
          )}
          {open === 'reimbursed' && (
            <label className="field">
              <span>{t('rec.amountPaid', { currency: detail.currency })}</span>
              <input ref={firstField} value={amount} onChange={(e) => setAmount(e.target.value)} required inputMode="decimal" autoComplete="off"
                aria-invalid={amountInvalid} aria-describedby={amountInvalid ? 'rec-amount-error' : undefined} data-testid="case-amount" />
              {amountInvalid && <span id="rec-amount-error" className="field-error" role="alert">{t('rec.amountInvalid')}</span>}
            </label>
          )}
          {(open === 'deny' || open === 'dismiss') && (
            <label className="field">
              <span>{t('rec.reason')}</span>
              <input ref={firstField} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} autoComplete="off" data-testid="case-reason" />
            </label>
          )}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary btn-small" disabled={busy} data-testid="case-form-save">
              {busy ? t('rec.saving') : t(BUTTON_KEY[open])}
            </button>
            <button type="button" className="btn btn-small btn-ghost" disabled={busy} onClick={() => { setOpen(null); setError(null); }}>{t('common.cancel')}</button>
          </div>
        </form>
      )}
      {error !== null && <ErrorBanner error={error} titleKey="rec.actionFailed" serverDetailOnly onDismiss={() => setError(null)} />}
    </div>
  );
}
