/** The one error type of the application: a stable code, mapped to an HTTP status in one table. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  LOGIN_FAILED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IMPORT_REJECTED: 422,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** A part of the server the request needs is missing or busy (e.g. LibreOffice for PDF). */
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One field that failed validation: `path` names the request part and the field (`body.name`). */
export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  /** The fields at fault, when the error is about the request's own fields. */
  readonly fieldErrors: FieldError[] | undefined;

  constructor(code: ErrorCode, message: string, details?: unknown, fieldErrors?: FieldError[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.fieldErrors = fieldErrors;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Refuses the request with a domain rule's problem (400), when there is one. */
export function refuseProblem(problem: string | null): void {
  if (problem !== null) throw new AppError('VALIDATION_FAILED', problem);
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what}不存在或不在您的管理范围内`);
export const forbidden = (action: string): AppError => new AppError('FORBIDDEN', `您没有${action}的权限`);
export const versionConflict = (what: string): AppError =>
  new AppError('VERSION_CONFLICT', `${what}已被他人修改，请刷新后重新编辑（您的修改未保存）`);

/** A PostgreSQL error (pg and PGlite alike) carries its SQLSTATE and, for constraints, details. */
interface DatabaseErrorLike {
  code: string;
  severity: string;
  detail?: string | undefined;
}

function isDatabaseError(error: unknown): error is DatabaseErrorLike {
  if (typeof error !== 'object' || error === null) return false;
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string';
}

const BAD_CHARACTERS = '内容含有无法保存的字符（如 NUL 控制字符或不成对的代理字符），请删除后重试';

/** SQLSTATEs with their answer; a class (first two characters) answers for codes not listed. */
const DATABASE_ERRORS: Record<string, [ErrorCode, string]> = {
  '22007': ['VALIDATION_FAILED', '日期或时间格式不正确，请按 YYYY-MM-DD 填写'],
  '22008': ['VALIDATION_FAILED', '日期不存在或超出范围，请填写真实存在的日期（YYYY-MM-DD）'],
  '22001': ['VALIDATION_FAILED', '填写的内容过长，请缩短后重试'],
  '22003': ['VALIDATION_FAILED', '数值超出允许的范围，请检查后重试'],
  '22P02': ['VALIDATION_FAILED', '格式不正确（如编号、数字或日期），请检查后重试'],
  '22021': ['VALIDATION_FAILED', BAD_CHARACTERS],
  '22P05': ['VALIDATION_FAILED', BAD_CHARACTERS],
  '08P01': ['VALIDATION_FAILED', BAD_CHARACTERS],
  '22': ['VALIDATION_FAILED', '填写的数据格式或取值不正确，无法保存，请检查后重试'],
  '23505': ['CONFLICT', '与已有记录重复：该记录已存在，请勿重复提交（可刷新后查看）'],
  '23P01': ['CONFLICT', '与已有记录冲突（如时间段重叠），请检查后重试'],
  '23502': ['VALIDATION_FAILED', '缺少必填内容，请补全后重试'],
  '23514': ['VALIDATION_FAILED', '填写的内容不符合规则（如日期先后、取值范围），请检查后重试'],
  '23': ['VALIDATION_FAILED', '填写的内容与已有数据不一致，请检查后重试'],
  '40001': ['CONFLICT', '与他人的操作同时进行而未能保存，请重试'],
  '40P01': ['CONFLICT', '与他人的操作同时进行而未能保存，请重试'],
  '55P03': ['CONFLICT', '该记录正被他人修改，请稍后重试'],
  '54': ['VALIDATION_FAILED', '提交的内容过大或过于复杂，请缩减后重试'],
  '57014': ['SERVICE_UNAVAILABLE', '查询超时，请缩小查询范围后重试'],
  '53': ['SERVICE_UNAVAILABLE', '数据库繁忙，请稍后重试'],
  '08': ['SERVICE_UNAVAILABLE', '数据库连接中断，请稍后重试'],
};

/**
 * The answer to a PostgreSQL error that bad input or a concurrent change can cause: invalid
 * dates, values out of range and bad characters are 400, duplicates 409, a reference to a record
 * that is gone 400 and the removal of a record still referenced 409. Null for other errors
 * (a defect in a query stays a 500).
 */
export function fromDatabaseError(error: unknown): AppError | null {
  if (!isDatabaseError(error)) return null;
  if (error.code === '23503') {
    return error.detail?.includes('still referenced')
      ? new AppError('CONFLICT', '该记录仍被其他记录引用，不能删除或更改；请先处理引用它的记录')
      : new AppError('VALIDATION_FAILED', '所引用的记录不存在（可能已被删除），请刷新后重新选择');
  }
  const known = DATABASE_ERRORS[error.code] ?? DATABASE_ERRORS[error.code.slice(0, 2)];
  return known ? new AppError(known[0], known[1]) : null;
}
