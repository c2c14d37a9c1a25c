import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/en.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { ClaimsIcon, HealthIcon, InboxIcon, LogoMark, RecoveryIcon, SettingsIcon } from '../icons.tsx';
import { Link } from '../Link.tsx';
import { useSession } from '../session.tsx';
import { UserMenu } from './UserMenu.tsx';

interface NavItem {
  name: string;
  to: string;
  labelKey: MessageKey;
  icon: ReactNode;
}

const NAV: readonly NavItem[] = [
  { name: 'inbox', to: '/inbox', labelKey: 'nav.inbox', icon: <InboxIcon /> },
  { name: 'recovery', to: '/recovery', labelKey: 'nav.recovery', icon: <RecoveryIcon /> },
  { name: 'claims', to: '/claims', labelKey: 'nav.claims', icon: <ClaimsIcon /> },
  { name: 'health', to: '/health', labelKey: 'nav.health', icon: <HealthIcon /> },
  { name: 'settings', to: '/settings', labelKey: 'nav.settings', icon: <SettingsIcon /> },
];

export function Sidebar({ current }: { current: string }) {
  const { t } = useT();
  const { session } = useSession();
  return (
    <aside className="sidebar">
      <div className="sidebar-brand">
        <LogoMark />
        <div className="sidebar-brand-text">
          <span className="brand-name">claimdesk</span>
          <span className="workspace-name" title={session.workspace.name} data-testid="workspace-name">{session.workspace.name}</span>
        </div>
      </div>
      <nav aria-label={t('nav.main')} className="nav">
        {NAV.map((item) => (
          <Link key={item.name} to={item.to} className={current === item.name ? 'nav-link active' : 'nav-link'}
            title={t(item.labelKey)} aria-current={current === item.name ? 'page' : undefined}
            data-testid={`nav-${item.name}`}>
            {item.icon}
            <span className="nav-label">{t(item.labelKey)}</span>
          </Link>
        ))}
      </nav>
      <UserMenu />
    </aside>
  );
}
