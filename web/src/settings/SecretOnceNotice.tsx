import { useCopy } from '../components/useCopy.ts';
import type { ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';

interface Props {
  /** The secret, visible this one time. */
  value: string;
  /** The warning headline (e.g. "copy it now, it is not shown again"). */
  title: ReactNode;
  /** Extra explanation under the headline. */
  hint?: ReactNode;
  /** Accessible name of the read-only field. */
  label: string;
  testId: string;
  valueTestId: string;
  onDone: () => void;
}

/** The one time a secret (a new API token, a generated password) is visible, with a copy button. */
export function SecretOnceNotice({ value, title, hint, label, testId, valueTestId, onDone }: Props) {
  const { t } = useT();
  const { ref: inputRef, state: copy, copy: copyValue } = useCopy<HTMLInputElement>(value);

  return (
    <div className="banner banner-warn token-once" role="status" data-testid={testId}>
      <strong>{title}</strong>
      {hint && <span className="small">{hint}</span>}
      <div className="token-row">
        <input ref={inputRef} readOnly value={value} className="mono" aria-label={label} spellCheck={false}
          onFocus={(e) => e.currentTarget.select()} data-testid={valueTestId} />
        <button type="button" className="btn btn-small" onClick={() => void copyValue()}>
          {copy === 'copied' ? `✓ ${t('token.copied')}` : t('token.copy')}
        </button>
        <button type="button" className="btn btn-small btn-ghost" onClick={onDone}>{t('token.done')}</button>
      </div>
      {copy === 'failed' && <span className="small">{t('secret.copyFailed')}</span>}
    </div>
  );
}
