/** The inbox's state as signals, and the calls that change it. Components only read and call. */
import { computed, signal } from '@preact/signals';
import type { Official } from '#shared/auth';
import { ALL_DEPARTMENTS } from '#shared/catalog';
import { withKnownStates, type InboxItem, type inboxDetailView, type KnownState } from '#shared/inbox';
import type { ScopedTemplate } from '#shared/templates';
import { errorSentence } from '#shared/labels';
import { api, type ApiError, type ApiResult } from '../common/api.ts';
import { lang } from '../common/i18n.ts';
import { authHeader, forgetSession, renewIfDue, signInError } from './auth.ts';
import { t } from './strings.ts';

export type Detail = ReturnType<typeof inboxDetailView> & { warnings?: string[] };
export type Me = {
  official: Official;
  departments: { id: string; name: string; own: boolean; counters: { id: string; name: string }[] }[];
  allDepartments: { id: string; name: string }[];
  categories: string[];
};
export type Alert = { counterId: string; counterName: string; satisfied: number; count: number; threshold: number; windowDays: number };
export type Filters = { status: string; kind: string; counterId: string; overdue: boolean; from: string; to: string; q: string; view?: string };

export const EMPTY_FILTERS: Filters = { status: 'open', kind: '', counterId: '', overdue: false, from: '', to: '', q: '' };

export const me = signal<Me | undefined>(undefined);
export const departmentId = signal<string>('');
export const filters = signal<Filters>({ ...EMPTY_FILTERS });
export const items = signal<InboxItem[]>([]);
export const counts = signal<Record<string, number>>({});
/** Items in each view (tab): mine, awaiting-approval, due-soon. */
export const viewCounts = signal<Record<string, number>>({});
export const nextCursor = signal<string | null>(null);
export const listState = signal<{ kind: 'idle' | 'loading' } | { kind: 'error'; error: ApiError }>({ kind: 'idle' });
export const selectedCode = signal<string | undefined>(undefined);
export const detail = signal<{ kind: 'none' } | { kind: 'loading'; code: string } | { kind: 'found'; data: Detail } | { kind: 'error'; code: string; error: ApiError }>({ kind: 'none' });
export const checked = signal<Set<string>>(new Set());
export const alerts = signal<Alert[]>([]);
/** `details`: one line per item that failed (bulk results). */
export const flash = signal<{ tone: 'ok' | 'bad' | 'warn'; text: string; details?: string[] } | undefined>(undefined);
/** Which action form is open in the detail pane (r opens `answer`). */
export const openForm = signal<string | undefined>(undefined);

/** Officials of each department to assign to (GET /api/inbox/officials), loaded when first needed. */
export const officials = signal<Record<string, { id: string; name: string }[]>>({});
export async function loadOfficials(departmentId: string): Promise<void> {
  if (officials.value[departmentId]) return;
  const result = await call<{ officials: { id: string; name: string }[] }>(`/api/inbox/officials?departmentId=${encodeURIComponent(departmentId)}`);
  if (result.ok) officials.value = { ...officials.value, [departmentId]: result.data.officials };
}
/** Answer templates of each department (GET /api/inbox/templates), loaded when an answer form opens. */
export const templates = signal<Record<string, ScopedTemplate[]>>({});
export async function loadTemplates(departmentId: string, again = false): Promise<void> {
  if (templates.value[departmentId] && !again) return;
  const result = await call<{ templates: ScopedTemplate[] }>(`/api/inbox/templates?departmentId=${encodeURIComponent(departmentId)}`);
  if (result.ok) templates.value = { ...templates.value, [departmentId]: result.data.templates };
}

/** Saves (or with `remove`, removes) a template, then reloads the department's list. The saved one, or undefined on failure (flashed). */
export async function saveTemplate(departmentId: string, body: Record<string, unknown>): Promise<ScopedTemplate | undefined> {
  const result = await call<ScopedTemplate>('/api/inbox/templates', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body.shareWithAll ? body : { ...body, departmentId }),
  });
  if (!result.ok) {
    flash.value = { tone: 'bad', text: t('actionFailed', { message: errorText(result.error) }) };
    return undefined;
  }
  await loadTemplates(departmentId, true);
  return result.data;
}
/** An official's name from the loaded lists (an id stays as it is until they load). */
export const officialName = (departmentId: string, id: string) => officials.value[departmentId]?.find((o) => o.id === id)?.name ?? id;

export const department = computed(() => me.value?.departments.find((d) => d.id === departmentId.value));
/** The admin's view of every department's queue: rows then name their department. */
export const viewingAll = computed(() => departmentId.value === ALL_DEPARTMENTS);
/** Counters the filter offers: the department's, or every counter when viewing all. */
export const counters = computed(() =>
  viewingAll.value
    ? (me.value?.departments ?? []).flatMap((d) => d.counters.map((c) => ({ id: c.id, name: `${d.name} · ${c.name}` })))
    : (department.value?.counters ?? []),
);
export const departmentName = (id: string) => me.value?.allDepartments.find((d) => d.id === id)?.name ?? id;

/** Every call goes through here: a 401 ends the session (the page then offers to sign in again). */
export async function call<T>(path: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  await renewIfDue();
  const result = await api<T>(path, { ...init, headers: { ...authHeader(), ...(init.headers as Record<string, string>) } });
  if (!result.ok && result.error.status === 401) {
    forgetSession();
    signInError.value = t('sessionExpired');
  }
  return result;
}

/** An API error as a sentence in the page's language (never the server's English message). */
export const errorText = (error: ApiError): string => errorSentence(error.code, lang.value);

export async function loadMe(): Promise<boolean> {
  const result = await call<Me>('/api/inbox/me');
  if (!result.ok) {
    listState.value = { kind: 'error', error: result.error };
    return false;
  }
  me.value = result.data;
  // The admin starts with every department's queue; an official with their own department.
  departmentId.value ||= result.data.official.admin ? ALL_DEPARTMENTS : (result.data.departments.find((d) => d.own)?.id ?? result.data.departments[0]?.id ?? '');
  return true;
}

export function queryString(extra: Record<string, string> = {}): string {
  const f = filters.value;
  const params = new URLSearchParams();
  if (departmentId.value) params.set('departmentId', departmentId.value);
  if (f.status) params.set('status', f.status);
  if (f.kind) params.set('kind', f.kind);
  if (f.counterId) params.set('counterId', f.counterId);
  if (f.overdue) params.set('overdue', 'true');
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  if (f.q.trim()) params.set('q', f.q.trim());
  if (f.view) params.set('view', f.view);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

let listRequest = 0;
/** States our own writes returned, kept briefly: in AWS the list's index may lag them for a moment. */
const recentWrites = new Map<string, KnownState & { until: number }>();
const RECENT_MS = 30_000;
function remember(code: string, state: KnownState) {
  recentWrites.set(code, { ...state, until: Date.now() + RECENT_MS });
}
function recentStates(): Map<string, KnownState> {
  for (const [code, state] of recentWrites) if (state.until < Date.now()) recentWrites.delete(code);
  return recentWrites;
}

export async function loadList(append = false): Promise<void> {
  const request = ++listRequest;
  listState.value = { kind: 'loading' };
  const result = await call<{ items: InboxItem[]; nextCursor: string | null; counts: { byStatus: Record<string, number>; byView?: Record<string, number> } }>(
    `/api/inbox?${queryString(append && nextCursor.value ? { cursor: nextCursor.value } : {})}`,
  );
  if (request !== listRequest) return; // a newer filter change won
  if (!result.ok) {
    listState.value = { kind: 'error', error: result.error };
    return;
  }
  const view = { status: filters.value.status, departmentId: departmentId.value, allDepartments: viewingAll.value };
  items.value = withKnownStates(append ? [...items.value, ...result.data.items] : result.data.items, recentStates(), view);
  counts.value = result.data.counts.byStatus;
  if (result.data.counts.byView) viewCounts.value = result.data.counts.byView;
  nextCursor.value = result.data.nextCursor;
  listState.value = { kind: 'idle' };
  if (!append) checked.value = new Set();
  // A selective search can come back empty with more to read: keep reading a few pages for the user.
  if (!result.data.items.length && result.data.nextCursor && emptyRounds < 5) {
    emptyRounds++;
    return loadList(true);
  }
  emptyRounds = 0;
}
let emptyRounds = 0;

export async function loadAlerts(): Promise<void> {
  const result = await call<{ alerts: Alert[] }>(`/api/inbox/alerts?departmentId=${encodeURIComponent(departmentId.value)}`);
  alerts.value = result.ok ? result.data.alerts : [];
}

export function setFilters(change: Partial<Filters>): void {
  filters.value = { ...filters.value, ...change };
  void loadList();
}

export function setDepartment(id: string): void {
  departmentId.value = id;
  filters.value = { ...filters.value, counterId: '' };
  void loadList();
  void loadAlerts();
}

/** Shows a record: /inbox/{code} in the address bar, so a link opens the same record. */
export async function select(code: string | undefined, options: { push?: boolean } = {}): Promise<void> {
  if (selectedCode.value !== code) flash.value = undefined;
  selectedCode.value = code;
  openForm.value = undefined;
  const path = code ? `/inbox/${code}` : '/inbox';
  if (options.push !== false && location.pathname !== path) history.pushState(null, '', path);
  if (!code) return void (detail.value = { kind: 'none' });
  detail.value = { kind: 'loading', code };
  const result = await call<Detail>(`/api/inbox/${encodeURIComponent(code)}`);
  if (selectedCode.value !== code) return;
  detail.value = result.ok ? { kind: 'found', data: result.data } : { kind: 'error', code, error: result.error };
}

/** Moves the selection up or down the list (j/k). */
export function move(step: 1 | -1): void {
  const list = items.value;
  if (!list.length) return;
  const at = list.findIndex((i) => i.trackingCode === selectedCode.value);
  const next = list[Math.min(list.length - 1, Math.max(0, at === -1 ? 0 : at + step))]!;
  void select(next.trackingCode);
  document.getElementById(`item-${next.trackingCode}`)?.scrollIntoView({ block: 'nearest' });
}

export async function act(code: string, body: Record<string, unknown>): Promise<boolean> {
  const result = await call<Detail>(`/api/inbox/${encodeURIComponent(code)}/actions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!result.ok) {
    flash.value = { tone: 'bad', text: t('actionFailed', { message: errorText(result.error) }) };
    if (result.error.code === 'concurrent_update') await select(code, { push: false });
    return false;
  }
  const late = result.data.warnings?.includes('transfer_deadline_passed');
  flash.value = { tone: late ? 'warn' : 'ok', text: late ? t('transferLate') : t('done') };
  detail.value = { kind: 'found', data: result.data };
  openForm.value = undefined;
  remember(result.data.trackingCode, { status: result.data.status, departmentId: result.data.departmentId });
  void loadList();
  return true;
}

export async function bulk(type: 'acknowledge' | 'close'): Promise<void> {
  const trackingCodes = [...checked.value];
  if (!trackingCodes.length) return;
  const result = await call<{ results: { trackingCode: string; ok: boolean; status?: KnownState['status']; error?: { code: string } }[] }>('/api/inbox/bulk-actions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type, trackingCodes }),
  });
  if (!result.ok) {
    flash.value = { tone: 'bad', text: t('actionFailed', { message: errorText(result.error) }) };
    return;
  }
  const ok = result.data.results.filter((r) => r.ok).length;
  const rows = new Map(items.value.map((item) => [item.trackingCode, item]));
  for (const r of result.data.results) {
    const row = rows.get(r.trackingCode);
    if (r.ok && r.status && row) remember(r.trackingCode, { status: r.status, departmentId: row.departmentId });
  }
  // Report once the list shows the new statuses, so the message never contradicts the rows.
  await loadList();
  if (selectedCode.value) await select(selectedCode.value, { push: false });
  const details = result.data.results.filter((r) => !r.ok).map((r) => `${r.trackingCode}: ${errorSentence(r.error?.code ?? '', lang.value)}`);
  flash.value = { tone: ok === trackingCodes.length ? 'ok' : 'warn', text: t('bulkDone', { ok, failed: trackingCodes.length - ok }), details };
}

/** Downloads an export with the bearer token (a plain link could not send it). */
export const download = (format: 'csv' | 'xlsx') => downloadFile(`/api/inbox/export.${format}?${queryString()}`, `gop-y.${format}`);

/** The answer letter of a record, to print (PDF). */
export const downloadLetter = (code: string) => downloadFile(`/api/inbox/${code}/letter.pdf`, `tra-loi-${code}.pdf`);

async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const response = await fetch(path, { headers: authHeader() }).catch(() => undefined);
  if (!response?.ok) {
    const code = response ? ((await response.json().catch(() => undefined)) as { error?: { code?: string } } | undefined)?.error?.code ?? '' : 'network';
    flash.value = { tone: 'bad', text: t('actionFailed', { message: errorSentence(code, lang.value) }) };
    return;
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
