/**
 * Fetching from /api with one error shape for the pages: the API's `{ error: { code, message } }`,
 * or `network` when the server could not be reached, so every page can say what went wrong.
 */
export type ApiError = { status: number; code: string; message: string };
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export async function api<T>(path: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<ApiResult<T>> {
  const { timeoutMs = 15_000, ...rest } = init;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(path, { ...rest, signal: controller.signal, headers: { accept: 'application/json', ...rest.headers } });
    const body = await response.json().catch(() => undefined);
    if (response.ok) return { ok: true, data: body as T };
    const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    return { ok: false, error: { status: response.status, code: error?.code ?? 'http_' + response.status, message: error?.message ?? response.statusText } };
  } catch {
    return { ok: false, error: { status: 0, code: 'network', message: 'network unreachable' } };
  } finally {
    clearTimeout(timer);
  }
}

export function postJson<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<ApiResult<T>> {
  return api<T>(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
}

/** Shapes the API returns that several pages read. */
export type CounterInfo = {
  id: string;
  name: string;
  department: { id: string; name: string; answerSlaWorkingDays: number };
  procedures: { code: string; name: string }[];
  /** The official on duty at the counter: a name only. */
  onDuty?: { name: string } | null;
  /** The evaluation criteria citizens choose from (labels in both languages). */
  criteria?: { id: string; vi: string; en: string }[];
};
export type Receipt = {
  trackingCode: string;
  kind: 'rating' | 'pakn';
  status: 'received';
  department: { id: string; name: string };
  receivedAt: string;
  dueAt: string | null;
};
