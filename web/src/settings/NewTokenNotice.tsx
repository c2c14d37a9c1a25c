import { useT } from '../i18n/I18nProvider.tsx';
import { SecretOnceNotice } from './SecretOnceNotice.tsx';

/** The one time a new API token's secret is visible, with a copy button. */
export function NewTokenNotice({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useT();
  return (
    <SecretOnceNotice value={token} title={t('token.once')} label={t('settings.tokens')} testId="token-once" valueTestId="token-value"
      onDone={onDone} />
  );
}
