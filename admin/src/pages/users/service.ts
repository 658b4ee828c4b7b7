import type { z } from 'zod';
import type { AdminRole, AdminUser, CreateUserBody, UpdateUserBodySchema, UserListSchema } from '@gongkai/shared';
import { api } from '../../services/request';

/** A page of officials (`GET /api/v1/admin/users`). */
export type UserPage = z.output<typeof UserListSchema>;

/** Filters of the user list. */
export interface UserQuery {
  region?: string;
  role?: AdminRole;
  /** Username prefix. */
  q?: string;
  page: number;
  pageSize: number;
}

/** Officials in the admin's scope (server-side paging; `region` narrows to a subtree in scope). */
export function listUsers(q: UserQuery, signal?: AbortSignal): Promise<UserPage> {
  return api.get<UserPage>('/admin/users', { ...q }, { signal });
}

/** Creates an official in scope: 201 the user; 409 CONFLICT 用户名已存在; 403 for a region out of scope. */
export function createUser(body: CreateUserBody): Promise<AdminUser> {
  return api.post<AdminUser>('/admin/users', body);
}

/** Changes role, region, display name or the disabled flag (disabling signs the official out). */
export function updateUser(id: string, patch: z.input<typeof UpdateUserBodySchema>): Promise<AdminUser> {
  return api.patch<AdminUser>(`/admin/users/${encodeURIComponent(id)}`, patch);
}

/** Sets a new password under the policy and signs the official out everywhere. */
export function resetPassword(id: string, password: string): Promise<AdminUser> {
  return api.post<AdminUser>(`/admin/users/${encodeURIComponent(id)}/reset-password`, { password });
}
