import { Alert } from 'antd';
import { useEffect, useRef } from 'react';
import { ApiError } from '../api/client.ts';

/** The problems of a refused save: the server's field errors one a line, or its message. */
export function problemsOf(error: ApiError): string[] {
  return error.fieldErrors.length > 0 ? error.fieldErrors.map((fieldError) => fieldError.message) : [error.message];
}

/** The server's message for a refused save, kept in view inside the form (a toast alone vanishes too soon for a long list of problems). */
export function FormErrorAlert({ error, onClose }: { error: unknown; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [error]);
  if (!(error instanceof ApiError) || error.code === 'UNAUTHENTICATED' || error.code === 'PASSWORD_CHANGE_REQUIRED') return null;
  const problems = problemsOf(error);
  return (
    <div ref={ref}>
      <Alert
        type="error"
        showIcon
        closable={{ onClose }}
        className="form-error-alert"
        title="未保存，请修改后重试"
        description={problems.length > 1 ? <ul style={{ margin: 0, paddingLeft: 18 }}>{problems.map((problem) => <li key={problem}>{problem}</li>)}</ul> : problems[0]}
        style={{ marginBottom: 16 }}
      />
    </div>
  );
}
