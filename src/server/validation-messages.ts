import type { FastifyError } from 'fastify';
import type { FieldError } from './errors.ts';

/** The request parts as `FieldError.path` names them, and as the joined message names them. */
const PARTS: Record<string, { path: string; label: string }> = {
  body: { path: 'body', label: '请求内容' },
  querystring: { path: 'query', label: '查询参数' },
  params: { path: 'params', label: '路径参数' },
  headers: { path: 'headers', label: '请求头' },
};

/** At most this many field errors are listed; the joined message names the first five. */
const MAX_FIELD_ERRORS = 50;
const MAX_JOINED = 5;

/**
 * A validation failure as the error body carries it: one Chinese sentence naming each field that
 * failed and why (`message`, as clients have always read it) and the same problems one by one
 * (`fieldErrors`, with paths such as `body.name`).
 */
export function describeValidationError(error: FastifyError): { message: string; fieldErrors: FieldError[] } {
  const part = PARTS[error.validationContext ?? 'body'] ?? { path: 'body', label: '请求' };
  const fieldErrors: FieldError[] = [];
  const sentences: string[] = [];
  for (const issue of error.validation ?? []) {
    const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const fieldPath = field ? `${part.path}.${field}` : part.path;
    const keys = (issue.params as { keys?: unknown } | undefined)?.keys;
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      sentences.push(`不允许的字段：${keys.join('、')}`);
      for (const key of keys) fieldErrors.push({ path: `${fieldPath}.${String(key)}`, message: '不允许的字段，请删除' });
      continue;
    }
    const message = issue.message ?? '格式不正确';
    sentences.push(field ? `${field}：${message}` : message);
    fieldErrors.push({ path: fieldPath, message });
  }
  return { message: `${part.label}有误——${sentences.slice(0, MAX_JOINED).join('；')}`, fieldErrors: fieldErrors.slice(0, MAX_FIELD_ERRORS) };
}
