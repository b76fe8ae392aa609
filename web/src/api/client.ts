/** One problem of a refused request: where (`body.name`, `query.page`) and what to fix, in Chinese. */
export interface FieldError {
  path: string;
  message: string;
}

/** The one fetch wrapper: JSON in and out, cookie session, errors as ApiError with the server's Chinese message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The whole parsed error body, for errors that carry more than code and message (e.g. import errors). */
  readonly body: unknown;
  /** The server's list of problems of a validation failure, when it sends one. */
  readonly fieldErrors: readonly FieldError[];

  constructor(status: number, code: string, message: string, body: unknown = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.body = body;
    this.fieldErrors = readFieldErrors(body);
  }
}

function readFieldErrors(body: unknown): FieldError[] {
  if (typeof body !== 'object' || body === null) return [];
  const list = (body as { fieldErrors?: unknown }).fieldErrors;
  if (!Array.isArray(list)) return [];
  return list.filter((item): item is FieldError => typeof item === 'object' && item !== null
    && typeof (item as { path?: unknown }).path === 'string' && typeof (item as { message?: unknown }).message === 'string');
}

/** Whether the error is a request the caller cancelled (a query that became stale): never shown. */
export function isCancelled(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

type SessionProblem = 'UNAUTHENTICATED' | 'PASSWORD_CHANGE_REQUIRED';
type SessionListener = (problem: SessionProblem) => void;
let sessionListener: SessionListener | null = null;

/** The session provider registers here to learn that the session ended or needs a password change. */
export function onSessionProblem(listener: SessionListener | null): void {
  sessionListener = listener;
}

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function isErrorBody(value: unknown): value is { code: string; message: string } {
  return typeof value === 'object' && value !== null
    && typeof (value as { code?: unknown }).code === 'string'
    && typeof (value as { message?: unknown }).message === 'string';
}

/** A request body sent as it is (a file), not as JSON. */
export interface RawBody {
  data: Blob;
  contentType: string;
}

/** Reports the bytes of a downloaded file as they arrive. */
export type ProgressListener = (received: number, total: number | null) => void;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  raw?: RawBody;
  /** Cancels the request (TanStack Query passes one with every query). */
  signal?: AbortSignal;
  /** For files: called as the body arrives, with the bytes so far and the total when the server says it. */
  onProgress?: ProgressListener | undefined;
}

async function send(method: string, path: string, options: RequestOptions, accept: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  let body: BodyInit | undefined;
  if (options.raw) {
    headers['Content-Type'] = options.raw.contentType;
    body = options.raw.data;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  try {
    return await fetch(withQuery(path, options.query), { method, credentials: 'same-origin', headers, body, signal: options.signal });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function toError(response: Response, data: unknown): ApiError {
  const error = isErrorBody(data)
    ? new ApiError(response.status, data.code, data.message, data)
    : new ApiError(response.status, 'HTTP_ERROR', `请求失败（HTTP ${response.status}），请稍后重试`, data);
  if (error.code === 'UNAUTHENTICATED' || error.code === 'PASSWORD_CHANGE_REQUIRED') sessionListener?.(error.code);
  return error;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options, 'application/json');
  const data = parseJson(await response.text());
  if (!response.ok) throw toError(response, data);
  return data as T;
}

/** A file the server sent, with the name from Content-Disposition (or the fallback). */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/** Fetches a file (e.g. an xlsx); errors arrive as JSON and become ApiError like any other request. */
export async function fetchFile(method: string, path: string, fallbackName: string, options: RequestOptions = {}): Promise<DownloadedFile> {
  const response = await send(method, path, options, '*/*');
  if (!response.ok) throw toError(response, parseJson(await response.text()));
  const blob = options.onProgress ? await readWithProgress(response, options.onProgress) : await response.blob();
  return { blob, fileName: fileNameFrom(response.headers.get('Content-Disposition'), fallbackName) };
}

async function readWithProgress(response: Response, onProgress: ProgressListener): Promise<Blob> {
  const reader = response.body?.getReader();
  if (!reader) return response.blob();
  const length = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  onProgress(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received, total);
  }
  return new Blob(chunks, { type: response.headers.get('Content-Type') ?? undefined });
}

/** Hands a downloaded file to the browser as a download. */
export function saveFile({ blob, fileName }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
};
