import type { Member } from '../../../src/contracts/index.ts';
import type { MessageKey } from '../i18n/en.ts';
import { hasRole } from '../session.tsx';
import type { Role } from '../types.ts';

/** Highest first, the order the role selects list them in. */
export const ROLES: readonly Role[] = ['owner', 'admin', 'agent', 'viewer'];

/** The shortest new password the server accepts (ChangePasswordRequest, CreateMemberRequest). */
export const MIN_PASSWORD_LENGTH = 10;

/** Roles `myRole` may give to someone: only owners grant the owner role; agents and viewers give none. */
export function assignableRoles(myRole: Role): Role[] {
  if (!hasRole(myRole, 'admin')) return [];
  return myRole === 'owner' ? [...ROLES] : ROLES.filter((r) => r !== 'owner');
}

export interface MemberPermissions {
  changeRole: boolean;
  remove: boolean;
}

/**
 * What the signed-in person may do to `member`, mirroring the server (which has the last word, e.g. on the last owner):
 * admins and owners manage others, never themselves, and only an owner touches an owner.
 */
export function memberPermissions(me: { id: string; role: Role }, member: Pick<Member, 'id' | 'role'>): MemberPermissions {
  const allowed = hasRole(me.role, 'admin') && member.id !== me.id && (member.role !== 'owner' || me.role === 'owner');
  return { changeRole: allowed, remove: allowed };
}

/** Client-side check of a new password and its repetition; the message key of the first problem, or null. */
export function newPasswordProblem(password: string, repeat: string): MessageKey | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'password.tooShort';
  if (password !== repeat) return 'password.mismatch';
  return null;
}

/** An optional password typed into the add-member form: empty means "generate one". */
export function optionalPasswordProblem(password: string): MessageKey | null {
  return password !== '' && password.length < MIN_PASSWORD_LENGTH ? 'password.tooShort' : null;
}
