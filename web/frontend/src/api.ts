// Calls to the services through the web module (/api/<service>/v1/...): the session cookie goes
// along by itself; the browser never holds a token.
import type { Problem } from './domain/types';

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
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
    throw new ApiError(response.status, problem);
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
  if (e instanceof NetworkError) return 'Sin conexión: se enviará cuando vuelva la señal';
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
