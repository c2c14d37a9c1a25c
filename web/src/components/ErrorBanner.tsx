import { isApiError } from '../api.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { isMessageKey } from '../i18n/messages.ts';

interface Props {
  error: unknown;
  /** Headline; defaults to the translated error code. */
  titleKey?: MessageKey;
  onRetry?: () => void;
  onDismiss?: () => void;
  /** Under a custom headline, show only the server's message (not the generic text for the error code). */
  serverDetailOnly?: boolean;
}

/** Shows an API error: a translated headline plus the server's own message. */
export function ErrorBanner({ error, titleKey, onRetry, onDismiss, serverDetailOnly }: Props) {
  const { t } = useT();
  const code = isApiError(error) ? error.code : 'unknown';
  const codeKey = `error.${code}`;
  const codeText = t(isMessageKey(codeKey) ? codeKey : 'error.unknown');
  const serverText = error instanceof Error && error.message ? error.message : '';
  const title = titleKey ? t(titleKey) : codeText;
  const detail = [titleKey && !serverDetailOnly ? codeText : '', serverText].filter(Boolean).join(' — ');
  return (
    <div className="banner banner-error" role="alert">
      <div className="banner-text">
        <strong>{title}</strong>
        {detail && <span className="banner-detail">{detail}</span>}
      </div>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>{t('common.retry')}</button>
      )}
      {onDismiss && (
        <button type="button" className="btn btn-small btn-ghost" onClick={onDismiss}>{t('common.close')}</button>
      )}
    </div>
  );
}
