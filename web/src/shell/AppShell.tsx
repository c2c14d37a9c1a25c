import type { Route } from '../router.ts';
import { InboxPage } from '../inbox/InboxPage.tsx';
import { ComingSoonPage } from '../pages/ComingSoonPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { SettingsPage } from '../settings/SettingsPage.tsx';
import { ClaimsIcon, HealthIcon, RecoveryIcon } from '../icons.tsx';
import { Sidebar } from './Sidebar.tsx';

/** Signed-in layout: navigation on the left, the current page on the right. */
export function AppShell({ route }: { route: Route }) {
  let page;
  switch (route.name) {
    case 'inbox':
      page = <InboxPage ticketId={route.ticketId} />;
      break;
    case 'recovery':
      page = <ComingSoonPage icon={<RecoveryIcon />} titleKey="recovery.title" bodyKey="recovery.body" />;
      break;
    case 'claims':
      page = <ComingSoonPage icon={<ClaimsIcon />} titleKey="claims.title" bodyKey="claims.body" />;
      break;
    case 'health':
      page = <ComingSoonPage icon={<HealthIcon />} titleKey="health.title" bodyKey="health.body" />;
      break;
    case 'settings':
      page = <SettingsPage />;
      break;
    default:
      page = <NotFoundPage />;
  }
  return (
    <div className="shell">
      <Sidebar current={route.name} />
      <main className="shell-main" id="main">{page}</main>
    </div>
  );
}
