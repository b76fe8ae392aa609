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

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what}不存在或不在您的管理范围内`);
export const forbidden = (action: string): AppError => new AppError('FORBIDDEN', `您没有${action}的权限`);
export const versionConflict = (what: string): AppError =>
  new AppError('VERSION_CONFLICT', `${what}已被他人修改，请刷新后重新编辑（您的修改未保存）`);
