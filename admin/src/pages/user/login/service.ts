import { api } from '../../../services/request';
import type { AdminUser } from '../../../services/auth';

/** Body of `POST /api/v1/admin/auth/login`. */
export interface LoginInput {
  username: string;
  password: string;
}

/** Answer of `POST /api/v1/admin/auth/login` (api-contract.md). */
export interface LoginResult {
  token: string;
  user: AdminUser;
}

/**
 * Signs an official in. Wrong credentials come back as 401 UNAUTHENTICATED and a locked account as
 * 423 LOCKED or 429 RATE_LIMITED, each with the server's Chinese message; the stored token (if any) is
 * not sent, so a 401 here is never taken for an expired session.
 */
export function login(input: LoginInput): Promise<LoginResult> {
  return api.post<LoginResult>('/admin/auth/login', input, { auth: false });
}
