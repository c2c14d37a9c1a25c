import { useT } from '../i18n/I18nProvider.tsx';
import { ApiTokensSection } from './ApiTokensSection.tsx';
import { ChannelAccountsSection } from './ChannelAccountsSection.tsx';
import { LanguageSection } from './LanguageSection.tsx';
import { MembersSection } from './MembersSection.tsx';
import { TeamsSection } from './TeamsSection.tsx';

export function SettingsPage() {
  const { t } = useT();
  return (
    <div className="page settings">
      <h1>{t('settings.title')}</h1>
      <LanguageSection />
      <ChannelAccountsSection />
      <div className="settings-columns">
        <MembersSection />
        <TeamsSection />
      </div>
      <ApiTokensSection />
    </div>
  );
}
