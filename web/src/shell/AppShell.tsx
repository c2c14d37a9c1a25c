import type { Route } from '../router.ts';
import { InboxPage } from '../inbox/InboxPage.tsx';
import { ComingSoonPage } from '../pages/ComingSoonPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { CasePage } from '../recovery/CasePage.tsx';
import { RecoveryPage } from '../recovery/RecoveryPage.tsx';
import { SettingsPage } from '../settings/SettingsPage.tsx';
import { ClaimsIcon, HealthIcon } from '../icons.tsx';
import { Sidebar } from './Sidebar.tsx';

/** Signed-in layout: navigation on the left, the current page on the right. */
export function AppShell({ route }: { route: Route }) {
  let page;
  switch (route.name) {
    case 'inbox':
      page = <InboxPage ticketId={route.ticketId} />;
      break;
    case 'recovery':
      page = route.caseId ? <CasePage key={route.caseId} caseId={route.caseId} /> : <RecoveryPage />;
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
