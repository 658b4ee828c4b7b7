import type { z } from 'zod';
import type { ChangePasswordBodySchema } from '@gongkai/shared';
import { api } from '../../services/request';

/** Body of `POST /api/v1/admin/me/password` (shared schema). */
export type ChangePasswordInput = z.input<typeof ChangePasswordBodySchema>;

/**
 * Changes the signed-in official's password (204). A wrong current password is VALIDATION_FAILED with
 * the issue on `body.currentPassword`; the server signs out the official's other sessions.
 */
export function changePassword(input: ChangePasswordInput): Promise<void> {
  return api.post<void>('/admin/me/password', input);
}
