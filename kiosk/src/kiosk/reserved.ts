/**
 * Tracking codes reserved while online, so a petition queued offline shows its code at once.
 * The kiosk makes Idempotency-Keys ahead of time and asks the server for their codes
 * (`POST /api/kiosk/reserve-codes`: computed, nothing stored); each submission then takes one
 * pair, and the outbox sends it with that key, so the record gets exactly that code when the
 * network is back. Kept in localStorage: a reload or a power cut during an outage keeps the pool.
 */
import { newIdempotencyKey } from '#shared/offline-queue';
import { postJson } from '../common/api.ts';

export type Reserved = { key: string; trackingCode: string };

const STORAGE_KEY = 'gopy.kiosk.reserved';
/** Enough for a morning's outage at a busy counter; refilled below LOW. */
const BATCH = 20;
const LOW = 10;

function pool(): Reserved[] {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(stored) ? stored : [];
  } catch {
    return [];
  }
}

function save(items: Reserved[]) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(items));
  } catch {
    // No storage: submissions get fresh keys and show their code once sent, as before.
  }
}

/** The next reserved key and its code (removed from the pool: a key is used once), if any. */
export function takeReserved(): Reserved | undefined {
  const items = pool();
  const next = items.shift();
  if (next) save(items);
  return next;
}

let filling: Promise<void> | undefined;

/** Tops the pool up when it runs low; quietly does nothing offline (it is tried again later). */
export function topUp(deviceId: string): Promise<void> {
  if (pool().length >= LOW) return Promise.resolve();
  filling ??= (async () => {
    const keys = Array.from({ length: BATCH }, () => newIdempotencyKey(crypto.getRandomValues(new Uint8Array(16))));
    const result = await postJson<{ codes: Reserved[] }>('/api/kiosk/reserve-codes', { deviceId, keys });
    if (result.ok) save([...pool(), ...result.data.codes.filter((c) => keys.includes(c.key))]);
  })().finally(() => {
    filling = undefined;
  });
  return filling;
}
