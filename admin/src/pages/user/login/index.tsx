import { useState } from 'react';
import { Alert, App, Card, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { zh } from '../../../locale/zh';
import { authStore, useAuth } from '../../../services/auth';
import { formatError, isApiError } from '../../../services/request';
import { LoginForm } from './components/LoginForm';
import { login, type LoginInput } from './service';

/** Router state a page passes when it sends the user here. */
export interface LoginLocationState {
  /** Where to go after signing in. */
  from?: string;
}

/** '（还可尝试N次）' when a 401 tells how many tries are left before the lockout. */
function remainingAttempts(err: unknown): string {
  if (!isApiError(err) || err.status !== 401) return '';
  const n = (err.details as { remainingAttempts?: unknown } | undefined)?.remainingAttempts;
  return typeof n === 'number' && n >= 0 ? zh.login.remainingAttempts(n) : '';
}

/** The login page: signs in through the API, stores the token and goes on to where the user was headed. */
export default function LoginPage() {
  const { token, notice } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as LoginLocationState;
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const target = state.from && state.from.startsWith('/') && !state.from.startsWith('/user/login') ? state.from : '/';

  if (token && !submitting) return <Navigate to={target} replace />;

  const onSubmit = async (values: LoginInput) => {
    setSubmitting(true);
    setError(null);
    try {
      const res = await login({ username: values.username.trim(), password: values.password });
      // expiresAt is not tracked: the server's 401 on the next call ends an expired session.
      authStore.setSession(res.token, res.user);
      void message.success(zh.login.success);
      navigate(target, { replace: true });
    } catch (err) {
      // 401: the server's "wrong username or password"; 423/429: its lockout message; network: ours.
      setError(formatError(err) + remainingAttempts(err));
      setSubmitting(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5', padding: 16 }}>
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {zh.app.title}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {zh.login.subtitle}
        </Typography.Paragraph>
        {notice && !error ? <Alert type="warning" showIcon message={notice} style={{ marginBottom: 16 }} /> : null}
        {error ? <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} /> : null}
        <LoginForm submitting={submitting} onSubmit={(v) => void onSubmit(v)} />
      </Card>
    </div>
  );
}
