import { describe, expect, it } from 'vitest';
import { assignableRoles, memberPermissions, newPasswordProblem, optionalPasswordProblem } from './memberRules.ts';

describe('member rules', () => {
  it('offer the owner role only to owners, and nothing to agents or viewers', () => {
    expect(assignableRoles('owner')).toEqual(['owner', 'admin', 'agent', 'viewer']);
    expect(assignableRoles('admin')).toEqual(['admin', 'agent', 'viewer']);
    expect(assignableRoles('agent')).toEqual([]);
    expect(assignableRoles('viewer')).toEqual([]);
  });

  it('never let you change or remove yourself', () => {
    expect(memberPermissions({ id: 'u1', role: 'owner' }, { id: 'u1', role: 'owner' })).toEqual({ changeRole: false, remove: false });
  });

  it('let only owners touch owners', () => {
    expect(memberPermissions({ id: 'u1', role: 'admin' }, { id: 'u2', role: 'owner' })).toEqual({ changeRole: false, remove: false });
    expect(memberPermissions({ id: 'u1', role: 'owner' }, { id: 'u2', role: 'owner' })).toEqual({ changeRole: true, remove: true });
    expect(memberPermissions({ id: 'u1', role: 'admin' }, { id: 'u2', role: 'agent' })).toEqual({ changeRole: true, remove: true });
  });

  it('keep agents and viewers read-only', () => {
    expect(memberPermissions({ id: 'u1', role: 'agent' }, { id: 'u2', role: 'viewer' })).toEqual({ changeRole: false, remove: false });
    expect(memberPermissions({ id: 'u1', role: 'viewer' }, { id: 'u2', role: 'viewer' })).toEqual({ changeRole: false, remove: false });
  });

  it('check a new password: at least 10 characters, then equal to its repetition', () => {
    expect(newPasswordProblem('short', 'short')).toBe('password.tooShort');
    expect(newPasswordProblem('long enough pw', 'long enough pW')).toBe('password.mismatch');
    expect(newPasswordProblem('long enough pw', 'long enough pw')).toBeNull();
    expect(newPasswordProblem('0123456789', '0123456789')).toBeNull();
  });

  it('accept an empty optional password (one is generated) but not a short one', () => {
    expect(optionalPasswordProblem('')).toBeNull();
    expect(optionalPasswordProblem('123')).toBe('password.tooShort');
    expect(optionalPasswordProblem('0123456789')).toBeNull();
  });
});
