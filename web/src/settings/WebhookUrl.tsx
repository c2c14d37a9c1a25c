import { useCopy } from '../components/useCopy.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useT } from '../i18n/I18nProvider.tsx';

const WHERE: Record<string, MessageKey> = { shopify: 'hook.whereShopify', tiktok: 'hook.whereTiktok', instagram: 'hook.whereInstagram' };

/** The webhook URL of one channel account, to paste into the provider's settings, with a copy button. */
export function WebhookUrl({ kind, url }: { kind: string; url: string }) {
  const { t } = useT();
  const { ref: inputRef, state: copy, copy: copyUrl } = useCopy<HTMLInputElement>(url);
  const where = WHERE[kind];

  return (
    <div className="webhook" data-testid="account-webhook">
      <span className="webhook-label small">{t('hook.label')}</span>
      <div className="token-row">
        <input ref={inputRef} readOnly value={url} className="mono" aria-label={t('hook.label')} spellCheck={false}
          onFocus={(e) => e.currentTarget.select()} data-testid="account-webhook-url" />
        <button type="button" className="btn btn-small" onClick={() => void copyUrl()} data-testid="account-webhook-copy">
          {copy === 'copied' ? `✓ ${t('token.copied')}` : t('token.copy')}
        </button>
      </div>
      {where && <span className="muted small">{t(where)}</span>}
      {copy === 'failed' && <span className="small">{t('secret.copyFailed')}</span>}
    </div>
  );
}
