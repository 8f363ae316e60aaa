/**
 * What this tablet remembers: its counter (`/kiosk?counter=ID` once, then kept), a device id for
 * the misuse rule, the idle timeout (`?idle=SECONDS`, default 30) and large-text mode. The
 * counter's details are cached so the kiosk starts without network.
 */
import { effect, signal } from '@preact/signals';
import { api, type ApiError, type CounterInfo } from '../common/api.ts';

const params = new URLSearchParams(location.search);

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function write(key: string, value: string) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage unavailable: settings last for this visit only.
  }
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return 'kiosk-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
const requested = params.get('counter');
if (requested && ID_PATTERN.test(requested)) write('gopy.kiosk.counter', requested);

export const counterId = read('gopy.kiosk.counter') ?? undefined;
export const invalidCounterParam = requested !== null && !ID_PATTERN.test(requested) ? requested : undefined;

const storedDevice = read('gopy.kiosk.device');
export const deviceId = storedDevice ?? randomId();
if (!storedDevice) write('gopy.kiosk.device', deviceId);

const idleParam = Number(params.get('idle'));
if (idleParam >= 1) write('gopy.kiosk.idle', String(idleParam));
export const idleMs = (Number(read('gopy.kiosk.idle')) || 30) * 1000;

export const largeText = signal(read('gopy.kiosk.large') === '1');
effect(() => {
  document.documentElement.classList.toggle('large', largeText.value);
  write('gopy.kiosk.large', largeText.value ? '1' : '0');
});

const cacheKey = `gopy.kiosk.counterInfo.${counterId}`;
function cachedCounter(): CounterInfo | undefined {
  try {
    return JSON.parse(read(cacheKey) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

export const counter = signal<CounterInfo | undefined>(counterId ? cachedCounter() : undefined);
export const counterError = signal<ApiError | undefined>(undefined);

/** Refreshes the counter's details; without network the cached copy is kept and that is fine. */
export async function loadCounter(): Promise<void> {
  if (!counterId) return;
  const result = await api<CounterInfo>(`/api/counters/${encodeURIComponent(counterId)}`);
  if (result.ok) {
    counter.value = result.data;
    counterError.value = undefined;
    write(cacheKey, JSON.stringify(result.data));
  } else if (result.error.status === 404 || !counter.value) {
    counterError.value = result.error;
  }
}

export function chooseCounter(id: string) {
  write('gopy.kiosk.counter', id);
  location.search = `?counter=${encodeURIComponent(id)}`;
}
