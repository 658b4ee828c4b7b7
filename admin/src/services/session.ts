import type { AdminUser } from '@gongkai/shared';
import { api } from './request';

/** The signed-in official as the server knows them now (`GET /api/v1/admin/me`); a 401 ends the session. */
export function fetchMe(): Promise<AdminUser> {
  return api.get<AdminUser>('/admin/me');
}

/** Ends the session on the server too (`POST /api/v1/admin/auth/logout`: the token stops working at once). */
export function logout(): Promise<void> {
  return api.post<void>('/admin/auth/logout');
}
