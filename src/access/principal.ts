import type { Role } from '../kernel/index.ts';

/** Who is calling, in which workspace, with which role. Every use case that reads workspace data takes one. */
export interface Principal {
  readonly userId: string;
  readonly workspaceId: string;
  readonly role: Role;
  readonly via: 'session' | 'token';
  readonly sessionId: string | null;
  readonly csrfToken: string | null;
}
