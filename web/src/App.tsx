import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SessionInfo } from '../../src/contracts/index.ts';
import type { Locale } from './types.ts';
import { api, isApiError, onUnauthenticated } from './api.ts';
import { ErrorBanner } from './components/ErrorBanner.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { detectLocale } from './i18n/messages.ts';
import { LoginPage } from './pages/LoginPage.tsx';
import { matchRoute, navigate, safeNextPath, useLocation } from './router.ts';
import { SessionContext } from './session.tsx';
import type { SessionApi } from './session.tsx';
import { AppShell } from './shell/AppShell.tsx';

/** undefined while the initial GET /api/me is in flight, null when signed out. */
type SessionState = SessionInfo | null | undefined;

export function App() {
  const [session, setSession] = useState<SessionState>(undefined);
  const [bootError, setBootError] = useState<unknown>(null);
  const [guestLocale, setGuestLocale] = useState<Locale>(detectLocale);
  const { pathname, search } = useLocation();
  const route = matchRoute(pathname);
  const next = search.get('next');

  const loadSession = useCallback(() => {
    setBootError(null);
    api.me().then(setSession, (e: unknown) => {
      if (isApiError(e) && e.status === 401) setSession(null);
      else setBootError(e);
    });
  }, []);

  useEffect(loadSession, [loadSession]);
  useEffect(() => onUnauthenticated(() => setSession(null)), []);

  // Redirects: signed-out users go to /login (remembering where they were), signed-in users away from it.
  useEffect(() => {
    if (session === undefined) return;
    if (session === null && route.name !== 'login') {
      const here = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname)}`;
      navigate(`/login${here}`, { replace: true });
    } else if (session && (route.name === 'login' || route.name === 'root')) {
      navigate(route.name === 'login' ? safeNextPath(next) : '/inbox', { replace: true });
    }
  }, [session, route.name, pathname, next]);

  const sessionApi = useMemo<SessionApi | null>(() => {
    if (!session) return null;
    return {
      session,
      setLocale: async (locale) => {
        const previous = session;
        setSession({ ...session, user: { ...session.user, locale } });
        try {
          setSession(await api.updateMe({ locale }));
        } catch (e) {
          setSession(previous);
          throw e;
        }
      },
      logout: async () => {
        try {
          await api.logout();
        } finally {
          setGuestLocale(session.user.locale);
          setSession(null);
          navigate('/login', { replace: true });
        }
      },
    };
  }, [session]);

  const locale = session ? session.user.locale : guestLocale;

  let content;
  if (bootError) {
    content = (
      <div className="boot">
        <ErrorBanner error={bootError} titleKey="boot.failed" onRetry={loadSession} />
      </div>
    );
  } else if (session === undefined) {
    content = <div className="boot" aria-busy="true" />;
  } else if (!sessionApi) {
    content = route.name === 'login' ? <LoginPage locale={guestLocale} onLocale={setGuestLocale} onLoggedIn={setSession} /> : null;
  } else {
    content = route.name === 'login' || route.name === 'root' ? null : (
      <SessionContext.Provider value={sessionApi}>
        <AppShell route={route} />
      </SessionContext.Provider>
    );
  }
  return <I18nProvider locale={locale}>{content}</I18nProvider>;
}
