import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../api/client.ts';

/**
 * Shows an API error's Chinese message. Session problems are not shown: the router sends the
 * user to the login or change-password page instead.
 */
export function useShowError(): (error: unknown) => void {
  const { message } = App.useApp();
  return useCallback((error: unknown) => {
    if (error instanceof ApiError) {
      if (error.code === 'UNAUTHENTICATED' || error.code === 'PASSWORD_CHANGE_REQUIRED') return;
      void message.error(error.message);
      return;
    }
    void message.error('操作失败，请稍后重试');
    console.error(error);
  }, [message]);
}

export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'VERSION_CONFLICT';
}
