import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from '../services/auth';
import type { LoginLocationState } from '../pages/user/login';

/** Renders its children only when signed in; otherwise sends the user to login and back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { token } = useAuth();
  const location = useLocation();
  if (!token) {
    const state: LoginLocationState = { from: location.pathname + location.search };
    return <Navigate to="/user/login" replace state={state} />;
  }
  return <>{children}</>;
}
