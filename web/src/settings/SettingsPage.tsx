import { useT } from '../i18n/I18nProvider.tsx';
import { AccountSection } from './AccountSection.tsx';
import { ApiTokensSection } from './ApiTokensSection.tsx';
import { ChannelAccountsSection } from './ChannelAccountsSection.tsx';
import { LanguageSection } from './LanguageSection.tsx';
import { MembersSection } from './MembersSection.tsx';
import { SkippedMailSection } from './SkippedMailSection.tsx';
import { TeamsSection } from './TeamsSection.tsx';
import { TriageSection } from './TriageSection.tsx';
import { useDirectory } from './useDirectory.ts';
import { hasRole, useSession } from '../session.tsx';

export function SettingsPage() {
  const { t } = useT();
  const directory = useDirectory();
  const { session } = useSession();
  return (
    <div className="page settings">
      <h1>{t('settings.title')}</h1>
      <LanguageSection />
      <AccountSection />
      <ChannelAccountsSection />
      {hasRole(session.role, 'admin') && <SkippedMailSection />}
      <div className="settings-columns">
        <MembersSection directory={directory} />
        <TeamsSection directory={directory} />
      </div>
      <TriageSection />
      <ApiTokensSection />
    </div>
  );
}
