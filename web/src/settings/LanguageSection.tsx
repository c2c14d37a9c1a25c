import { useState } from 'react';
import type { Locale } from '../types.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import { useSession } from '../session.tsx';

export function LanguageSection() {
  const { t } = useT();
  const { session, setLocale } = useSession();
  const [error, setError] = useState<unknown>(null);
  const change = (locale: Locale) => {
    setError(null);
    setLocale(locale).catch(setError);
  };
  return (
    <section className="card settings-section" aria-labelledby="settings-language">
      <h2 id="settings-language">{t('settings.language')}</h2>
      <p className="muted small">{t('settings.languageHint')}</p>
      <LanguageSwitch value={session.user.locale} onChange={change} label={t('settings.language')} testId="settings-language" />
      {error !== null && <ErrorBanner error={error} titleKey="user.languageError" onDismiss={() => setError(null)} />}
    </section>
  );
}
