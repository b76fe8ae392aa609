import type { FastifyError } from 'fastify';

const PART_LABELS: Record<string, string> = { body: '请求内容', querystring: '查询参数', params: '路径参数', headers: '请求头' };

/** One Chinese sentence naming each field that failed validation and why. */
export function describeValidationError(error: FastifyError): string {
  const part = PART_LABELS[error.validationContext ?? 'body'] ?? '请求';
  const problems = (error.validation ?? []).slice(0, 5).map((issue) => {
    const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const keys = (issue.params as { keys?: unknown } | undefined)?.keys;
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) return `不允许的字段：${keys.join('、')}`;
    const message = issue.message ?? '格式不正确';
    return field ? `${field}：${message}` : message;
  });
  return `${part}有误——${problems.join('；')}`;
}
