import { useRef, useState } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';

/** The one time a new API token's secret is visible, with a copy button. */
export function NewTokenNotice({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useT();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const inputRef = useRef<HTMLInputElement>(null);

  const copyToken = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopy('copied');
    } catch {
      inputRef.current?.select();
      setCopy('failed');
    }
  };

  return (
    <div className="banner banner-warn token-once" role="status" data-testid="token-once">
      <strong>{t('token.once')}</strong>
      <div className="token-row">
        <input ref={inputRef} readOnly value={token} className="mono" aria-label={t('settings.tokens')}
          onFocus={(e) => e.currentTarget.select()} data-testid="token-value" />
        <button type="button" className="btn btn-small" onClick={() => void copyToken()}>
          {copy === 'copied' ? `✓ ${t('token.copied')}` : t('token.copy')}
        </button>
        <button type="button" className="btn btn-small btn-ghost" onClick={onDone}>{t('token.done')}</button>
      </div>
      {copy === 'failed' && <span className="small">{t('token.copyFailed')}</span>}
    </div>
  );
}
