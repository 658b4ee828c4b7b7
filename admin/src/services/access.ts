import type { AdminRole, AdminUser } from '@gongkai/shared';
import { useAuth } from './auth';

/**
 * What the signed-in official may use in the console. The server enforces every rule again; this only
 * decides what to show (the contract: admin does everything in its subtree including users; editor drafts;
 * reviewer approves; assessor reads).
 */
export interface Access {
  role: AdminRole | null;
  /** 用户管理. */
  manageUsers: boolean;
  /** 审计日志. */
  viewAudit: boolean;
  /** Add, edit, retire and import catalogue items (owner region in scope). */
  editCatalogue: boolean;
  /** Draft, edit and submit disclosures (editors and admins). */
  editDisclosures: boolean;
  /** Approve, schedule, return and withdraw disclosures; resend failed notices (reviewers and admins). */
  reviewDisclosures: boolean;
  /** Accept, extend, answer, reject and close questions and requests (everyone but assessors). */
  handleFeedback: boolean;
  /** Reassign a question to another body of the scope (admins). */
  reassignFeedback: boolean;
  /** The assessment dashboard and quarterly reports (assessors and admins). */
  viewAssessment: boolean;
  /** Read-only statistics role. */
  readOnly: boolean;
}

/** The access of a user (nothing for a signed-out visitor). */
export function accessOf(user: Pick<AdminUser, 'role'> | null): Access {
  const role = user?.role ?? null;
  const admin = role === 'admin';
  return {
    role,
    manageUsers: admin,
    viewAudit: admin,
    editCatalogue: admin,
    editDisclosures: admin || role === 'editor',
    reviewDisclosures: admin || role === 'reviewer',
    handleFeedback: admin || role === 'editor' || role === 'reviewer',
    reassignFeedback: admin,
    viewAssessment: admin || role === 'assessor',
    readOnly: role === 'assessor',
  };
}

/** The signed-in official's access, as React state. */
export function useAccess(): Access {
  return accessOf(useAuth().user);
}
