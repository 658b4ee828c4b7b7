import { useSyncExternalStore } from 'react';
import type { AdminUser } from '@gongkai/shared';

/** The signed-in official, as returned by `POST /api/v1/admin/auth/login` (`user`; shared schema). */
export type { AdminUser };

/** What the console remembers about the session. */
export interface AuthState {
  token: string | null;
  user: AdminUser | null;
  /** Why the last session ended, when it was not a logout (e.g. '登录已过期，请重新登录'); shown on the login page. */
  notice: string | null;
}

const TOKEN_KEY = 'gongkai.admin.token';
const USER_KEY = 'gongkai.admin.user';

const listeners = new Set<() => void>();
let snapshot: AuthState = { token: null, user: null, notice: null };
let snapshotUserRaw: string | null = null;
// Kept in memory only: it explains a redirect that happens in this page.
let notice: string | null = null;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Some browsers throw on access when storage is disabled.
    return null;
  }
}

/**
 * The state as localStorage holds it now. The same object is returned until the stored values change
 * (useSyncExternalStore needs a stable snapshot); storage stays the one source of truth, so another tab
 * or a test clearing it is seen at once.
 */
function current(): AuthState {
  const s = storage();
  const token = s?.getItem(TOKEN_KEY) ?? null;
  const userRaw = s?.getItem(USER_KEY) ?? null;
  if (token !== snapshot.token || userRaw !== snapshotUserRaw || notice !== snapshot.notice) {
    let user: AdminUser | null = null;
    try {
      user = userRaw ? (JSON.parse(userRaw) as AdminUser) : null;
    } catch {
      user = null;
    }
    snapshot = { token, user, notice };
    snapshotUserRaw = userRaw;
  }
  return snapshot;
}

function emit(): void {
  listeners.forEach((l) => l());
}

/** A small token store over localStorage; React components read it with `useAuth()`. */
export const authStore = {
  /** The current bearer token, or null when signed out. */
  getToken(): string | null {
    return current().token;
  },
  /** The current state (stable object between changes, as useSyncExternalStore requires). */
  getState(): AuthState {
    return current();
  },
  /** Remember a new session. */
  setSession(token: string, user: AdminUser): void {
    notice = null;
    const s = storage();
    s?.setItem(TOKEN_KEY, token);
    s?.setItem(USER_KEY, JSON.stringify(user));
    emit();
  },
  /** Replace the remembered user (fresher data from the server), keeping the token. */
  updateUser(user: AdminUser): void {
    const s = storage();
    if (!s?.getItem(TOKEN_KEY)) return;
    s.setItem(USER_KEY, JSON.stringify(user));
    emit();
  },
  /**
   * Forget the session: a logout (no reason), or the server no longer accepts the token (`reason` is then
   * shown on the login page that the signed-in pages redirect to).
   */
  clear(reason?: string): void {
    notice = reason ?? null;
    const s = storage();
    s?.removeItem(TOKEN_KEY);
    s?.removeItem(USER_KEY);
    emit();
  },
  /** Tell subscribers that localStorage may have changed (another tab wrote it). */
  reload(): void {
    emit();
  },
  /** Subscribe to changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

if (typeof window !== 'undefined') {
  // Logging out in one tab logs out every tab.
  window.addEventListener('storage', (e) => {
    if (e.key === null || e.key === TOKEN_KEY || e.key === USER_KEY) authStore.reload();
  });
}

/** The session as React state. */
export function useAuth(): AuthState {
  return useSyncExternalStore(authStore.subscribe, authStore.getState, authStore.getState);
}
