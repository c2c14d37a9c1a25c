import { z } from 'zod';
import { IsoDateTime, Locale, Role } from './common.ts';

export const LoginRequest = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(1024),
  workspace: z.string().optional().describe('workspace slug; defaults to the first workspace of the user'),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const SessionInfo = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), locale: Locale }),
  workspace: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
  role: Role,
  csrfToken: z.string().describe('send back as the X-CSRF-Token header on every state-changing request made with the session cookie'),
  workspaces: z.array(z.object({ id: z.string(), name: z.string(), slug: z.string(), role: Role })),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const UpdateMeRequest = z.object({ locale: Locale.optional(), name: z.string().trim().min(1).max(200).optional() });
export type UpdateMeRequest = z.infer<typeof UpdateMeRequest>;

export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: IsoDateTime,
  lastUsedAt: IsoDateTime.nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const CreateApiTokenRequest = z.object({ name: z.string().trim().min(1).max(100) });
export const CreateApiTokenResponse = ApiToken.extend({ token: z.string().describe('shown once; send as `Authorization: Bearer <token>`') });
export type CreateApiTokenResponse = z.infer<typeof CreateApiTokenResponse>;

export const Member = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type Member = z.infer<typeof Member>;

export const Team = z.object({ id: z.string(), name: z.string(), memberCount: z.number().int(), memberIds: z.array(z.string()) });
export type Team = z.infer<typeof Team>;

export const CreateMemberRequest = z.object({
  email: z.string().trim().toLowerCase().email(),
  name: z.string().trim().min(1).max(200),
  role: Role,
  password: z.string().min(10).max(1024).optional().describe('omit to have one generated and returned once'),
});
export type CreateMemberRequest = z.infer<typeof CreateMemberRequest>;

export const CreateMemberResponse = Member.extend({
  initialPassword: z.string().nullable().describe('the generated password, shown once; null when the person already had an account or a password was given'),
});
export type CreateMemberResponse = z.infer<typeof CreateMemberResponse>;

export const UpdateMemberRequest = z.object({ role: Role });
export type UpdateMemberRequest = z.infer<typeof UpdateMemberRequest>;

export const SaveTeamRequest = z.object({
  name: z.string().trim().min(1).max(100),
  memberIds: z.array(z.string()).max(500).default([]),
});
export type SaveTeamRequest = z.infer<typeof SaveTeamRequest>;

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(10, 'at least 10 characters').max(1024),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;
