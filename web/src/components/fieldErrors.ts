import type { FormInstance } from 'antd';
import { ApiError } from '../api/client.ts';

interface FieldProblem {
  field: string;
  message: string;
}

function problemsOf(body: unknown): FieldProblem[] {
  if (typeof body !== 'object' || body === null) return [];
  const record = body as Record<string, unknown>;
  const list = record.problems ?? record.fields ?? record.errors;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { field, message } = item as { field?: unknown; message?: unknown };
    return typeof field === 'string' && typeof message === 'string' ? [{ field, message }] : [];
  });
}

/**
 * Shows a validation error's per-field problems under the fields, when the server names them
 * (`problems: [{field, message}]`). Returns false when there were none to show, so the caller
 * shows the message instead. The message is also shown when some problem names no field here.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, prefix: string[] = []): boolean {
  if (!(error instanceof ApiError)) return false;
  const problems = problemsOf(error.body);
  if (problems.length === 0) return false;
  const known = problems.filter((problem) => form.getFieldInstance([...prefix, problem.field]) !== undefined
    || form.isFieldTouched([...prefix, problem.field]) || form.getFieldValue([...prefix, problem.field]) !== undefined);
  form.setFields(known.map((problem) => ({ name: [...prefix, problem.field], errors: [problem.message] })));
  if (known.length > 0) form.scrollToField([...prefix, known[0]!.field]);
  return known.length === problems.length;
}
