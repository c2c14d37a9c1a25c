import { createContext, useContext } from 'react';
import type { SessionInfo } from '../../src/contracts/index.ts';
import type { Locale, Role } from './types.ts';

export interface SessionApi {
  session: SessionInfo;
  /** Switches the UI language at once and saves it on the server (PATCH /api/me); rejects if saving failed. */
  setLocale: (locale: Locale) => Promise<void>;
  logout: () => Promise<void>;
}

export const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() used outside a signed-in area');
  return value;
}

const RANK: Record<Role, number> = { viewer: 0, agent: 1, admin: 2, owner: 3 };

/** True when `role` is at least `min` (viewer < agent < admin < owner). */
export function hasRole(role: Role, min: Role): boolean {
  return RANK[role] >= RANK[min];
}
