import type { z } from 'zod';
import type { LoginBodySchema, LoginResponseSchema } from '@gongkai/shared';
import { api } from '../../../services/request';

/** Body of `POST /api/v1/admin/auth/login` (shared schema). */
export type LoginInput = z.input<typeof LoginBodySchema>;

/** Answer of `POST /api/v1/admin/auth/login`: `{ token, user, expiresAt }` (shared schema). */
export type LoginResult = z.output<typeof LoginResponseSchema>;

/**
 * Signs an official in. Wrong credentials come back as 401 UNAUTHENTICATED and a locked account as
 * 423 LOCKED or 429 RATE_LIMITED, each with the server's Chinese message; the stored token (if any) is
 * not sent, so a 401 here is never taken for an expired session.
 */
export function login(input: LoginInput): Promise<LoginResult> {
  return api.post<LoginResult>('/admin/auth/login', input, { auth: false });
}
