import { z } from 'zod';
import { DateTimeSchema, IdSchema, PaginationQuerySchema, RegionCodeSchema, listOf } from './common';

/** Admin roles (contract): admin does everything in its subtree; editor drafts; reviewer approves; assessor reads statistics. */
export const ADMIN_ROLES = ['admin', 'editor', 'reviewer', 'assessor'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];
export const AdminRoleSchema = z.enum(ADMIN_ROLES);
export const ADMIN_ROLE_LABELS: Record<AdminRole, string> = {
  admin: '管理员',
  editor: '编辑',
  reviewer: '审核员',
  assessor: '考核员',
};

/** Password policy: at least 10 characters from at least three of: lower case, upper case, digits, symbols. */
export const PASSWORD_POLICY_TEXT = '密码至少10位，且包含大写字母、小写字母、数字、符号中的至少三类';

/** How many character classes a password uses. */
export function passwordClasses(pw: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(pw)).length;
}

export const PasswordSchema = z
  .string()
  .min(10, PASSWORD_POLICY_TEXT)
  .max(128, '密码不能超过128位')
  .refine((pw) => passwordClasses(pw) >= 3, PASSWORD_POLICY_TEXT);

export const UsernameSchema = z
  .string()
  .trim()
  .min(3, '用户名至少3个字符')
  .max(32, '用户名不能超过32个字符')
  .regex(/^[a-zA-Z0-9_-]+$/, '用户名只能包含字母、数字、下划线和连字符');

export const DisplayNameSchema = z.string().trim().min(1, '请填写姓名或单位').max(40, '姓名不能超过40个字符');

export const LoginBodySchema = z.object({
  username: z.string().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
});

export const AdminUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: AdminRoleSchema,
  regionCode: z.string(),
  displayName: z.string(),
  disabled: z.boolean().optional(),
  regionName: z.string().optional(),
  createdAt: z.string().optional(),
  lastLoginAt: z.string().optional(),
});
export type AdminUser = z.infer<typeof AdminUserSchema>;

export const LoginResponseSchema = z.object({ token: z.string(), user: AdminUserSchema, expiresAt: z.string() });

export const CreateUserBodySchema = z.object({
  username: UsernameSchema,
  password: PasswordSchema,
  role: AdminRoleSchema,
  regionCode: RegionCodeSchema,
  displayName: DisplayNameSchema,
});
export type CreateUserBody = z.infer<typeof CreateUserBodySchema>;

export const UpdateUserBodySchema = z
  .object({
    role: AdminRoleSchema.optional(),
    regionCode: RegionCodeSchema.optional(),
    displayName: DisplayNameSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, '没有要修改的内容');

export const ResetPasswordBodySchema = z.object({ password: PasswordSchema });

export const ChangePasswordBodySchema = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(128),
  newPassword: PasswordSchema,
});

export const UserListQuerySchema = PaginationQuerySchema.extend({
  region: RegionCodeSchema.optional(),
  role: AdminRoleSchema.optional(),
  q: z.string().trim().max(32).optional(),
});
export const UserListSchema = listOf(AdminUserSchema);

export const IdParamsSchema = z.object({ id: IdSchema });

/** One entry of the audit log (append-only). */
export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string(), username: z.string(), role: z.string() }),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().optional(),
  regionCode: z.string().optional(),
  ip: z.string().optional(),
  userAgent: z.string().optional(),
  details: z.unknown().optional(),
});

export const AuditQuerySchema = PaginationQuerySchema.extend({
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  objectType: z.string().trim().max(32).optional(),
  objectId: z.string().trim().max(64).optional(),
  region: RegionCodeSchema.optional(),
  from: DateTimeSchema.optional(),
  to: DateTimeSchema.optional(),
});
export const AuditListSchema = listOf(AuditEntrySchema);
