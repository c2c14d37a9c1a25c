import { useSyncExternalStore } from 'react';

/** A minimal History API router: the server answers every non-API path with index.html. */
export type Route =
  | { name: 'root' }
  | { name: 'login' }
  | { name: 'inbox'; ticketId: string | null }
  | { name: 'recovery'; caseId: string | null }
  | { name: 'claims' }
  | { name: 'health' }
  | { name: 'settings' }
  | { name: 'notFound' };

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const snapshot = (): string => window.location.pathname + window.location.search;

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  for (const listener of listeners) listener();
}

/** Current path + query string; re-renders on navigation and back/forward. */
export function useLocation(): { pathname: string; search: URLSearchParams } {
  const current = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(current, 'http://local');
  return { pathname: url.pathname, search: url.searchParams };
}

export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'root' };
  if (path === '/login') return { name: 'login' };
  if (path === '/inbox') return { name: 'inbox', ticketId: null };
  const ticket = /^\/inbox\/([^/]+)$/.exec(path);
  if (ticket?.[1]) return { name: 'inbox', ticketId: decodeURIComponent(ticket[1]) };
  if (path === '/recovery') return { name: 'recovery', caseId: null };
  const claimCase = /^\/recovery\/([^/]+)$/.exec(path);
  if (claimCase?.[1]) return { name: 'recovery', caseId: decodeURIComponent(claimCase[1]) };
  if (path === '/claims' || path === '/health' || path === '/settings') {
    return { name: path.slice(1) as 'claims' | 'health' | 'settings' };
  }
  return { name: 'notFound' };
}

/** Only same-site absolute paths are accepted as a post-login destination. */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/inbox';
  return next;
}
