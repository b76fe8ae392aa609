import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from '../session/SessionContext.tsx';

/**
 * Renders its children only for a logged-in user: otherwise to the login page, and to the
 * change-password page while the user must change the password.
 */
export function RequireSession({ children, allowPendingPasswordChange = false }: { children: ReactNode; allowPendingPasswordChange?: boolean }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') {
    return <div style={{ padding: 48, textAlign: 'center' }}><Spin size="large" /></div>;
  }
  if (state.status === 'anonymous') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  if (state.me.mustChangePassword && !allowPendingPasswordChange) {
    return <Navigate to="/change-password" replace />;
  }
  return <>{children}</>;
}
