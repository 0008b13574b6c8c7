// Calls to the services through the web module (/api/<service>/v1/...): the session cookie goes
// along by itself; the browser never holds a token.
import type { Problem } from './domain/types';

export class ApiError extends Error {
  /** @param retryAfterSeconds what the server's Retry-After said (503 overloaded, 429), or null */
  constructor(readonly status: number, readonly problem: Problem, readonly retryAfterSeconds: number | null = null) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

/** Seconds to wait when the server is busy and Retry-After says nothing; the background sync's own period. */
const BUSY_DEFAULT_SECONDS = 30;
const BUSY_MAX_SECONDS = 300;

/**
 * The server refused for now and said when to come back (503 when it sheds load, 429): the delay in ms before
 * sending the same request again, or null when the failure is of another kind. Nothing was done on the server.
 */
export function busyRetryDelayMs(e: unknown): number | null {
  if (!(e instanceof ApiError) || (e.status !== 503 && e.status !== 429)) return null;
  const seconds = Math.min(Math.max(e.retryAfterSeconds ?? BUSY_DEFAULT_SECONDS, 1), BUSY_MAX_SECONDS);
  return seconds * 1000;
}

/** Retry-After in seconds (RFC 9110: a number of seconds, or an HTTP date), or null when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now: number = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** No answer at all: offline, or the connection dropped. The request may or may not have arrived. */
export class NetworkError extends Error {}

/** A body is sent as JSON, unless a content type says it is text already (e.g. a CSV file). */
export async function call<T>(path: string, init: { method?: string; body?: unknown; timeoutMs?: number;
  contentType?: string; headers?: Record<string, string> } = {}): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), init.timeoutMs ?? 30000);
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: { Accept: 'application/json',
        ...(init.body === undefined ? {} : { 'Content-Type': init.contentType ?? 'application/json' }), ...init.headers },
      body: init.body === undefined ? undefined : init.contentType ? String(init.body) : JSON.stringify(init.body),
      signal: controller.signal,
    });
  } catch (e) {
    throw new NetworkError(e instanceof Error ? e.message : String(e));
  } finally {
    clearTimeout(timer);
  }
  const text = await response.text().catch(() => { throw new NetworkError('respuesta cortada'); });
  const body = text ? safeJson(text) : null;
  if (!response.ok) {
    const problem: Problem = body && typeof body === 'object' ? body as Problem
      : { status: response.status, title: response.statusText };
    throw new ApiError(response.status, problem, retryAfterSeconds(response.headers.get('Retry-After')));
  }
  return body as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text.slice(0, 200) };
  }
}

/** One line a person can read for any failure of a call. */
export function explain(e: unknown): string {
  // Only lots wait on the phone to be sent (sync.ts): whatever else failed is not queued, so say to try again.
  if (e instanceof NetworkError) return 'Sin conexión: no llegó la respuesta; vuelva a intentarlo cuando haya señal';
  if (e instanceof ApiError) {
    if (e.status === 401) return 'Su sesión venció: vuelva a entrar';
    const fields = (e.problem.violations ?? []).map((v) => v.message).join('; ');
    return e.problem.detail ?? (fields || e.problem.title || `Error ${e.status}`);
  }
  return e instanceof Error ? e.message : String(e);
}

/** A file the services render (PDF, CSV, XLSX, JSON-LD), fetched with its media type and handed to the device to open or keep. */
export async function downloadFile(path: string, mediaType: string, fileName: string): Promise<boolean> {
  const response = await fetch(path, { headers: { Accept: mediaType }, credentials: 'same-origin' })
    .catch(() => null);
  if (!response?.ok) return false;
  saveFile(await response.blob(), fileName);
  return true;
}

/** Hands a file to the device to open or keep, under a name. */
export function saveFile(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

export function downloadPdf(path: string, fileName: string): Promise<boolean> {
  return downloadFile(path, 'application/pdf', fileName);
}

/** The same table the screen shows, as the service writes it for a spreadsheet. */
export function downloadCsv(path: string, fileName: string): Promise<boolean> {
  return downloadFile(path, 'text/csv', fileName);
}
