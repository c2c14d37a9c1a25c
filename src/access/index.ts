export type { Principal } from './principal.ts';
export { signIn, signOut, authenticateSession, authenticateToken, SESSION_TTL_MS, API_TOKEN_PREFIX, type AccessDeps } from './sign-in.ts';
export { getSessionInfo, updateMe, changePassword } from './me.ts';
export { addMember, changeMemberRole, removeMember } from './members.ts';
export { saveTeam, deleteTeam } from './teams.ts';
export { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
export { createWorkspace, createWorkspaceWithOwner, addUserToWorkspace, createTeam, listMembers, listTeams, DEFAULT_TEAMS, type NewWorkspace } from './provision.ts';
export { generatePassword, hashPassword, PASSWORD_MIN_LENGTH } from './password.ts';
export { workspaceAdminRoutes, accessRoutes, authMiddleware, SESSION_COOKIE, errorBody, present, register, registerPublic, jsonResponse, errorResponse, jsonBody, type App, type AppEnv } from './http.ts';
