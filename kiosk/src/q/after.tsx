/**
 * Sending from the phone. One Idempotency-Key per submission, reused by "Thử lại", so a retry after
 * a lost answer never creates a second record.
 */
import { signal } from '@preact/signals';
import { newIdempotencyKey } from '#shared/offline-queue';
import { postJson, type ApiError, type Receipt } from '../common/api.ts';
import { loadSubmit } from '../common/flow/FlowView.tsx';
import type { Flow } from '../common/flow/model.ts';
import { t } from './after-strings.ts';

export const busy = signal(false);
const sendError = signal<ApiError | undefined>(undefined);
const receipt = signal<Receipt | undefined>(undefined);
/** A random id kept by this browser, only so the misuse rule can spot bursts of taps. */
function browserId(): string | undefined {
  try {
    let id = localStorage.getItem('gopy.device');
    if (!id) localStorage.setItem('gopy.device', (id = newIdempotencyKey(crypto.getRandomValues(new Uint8Array(12))).slice(2)));
    return id;
  } catch {
    return undefined;
  }
}

let pending: { key: string; body: unknown; flow: Flow } | undefined;

async function post() {
  if (!pending) return;
  busy.value = true;
  sendError.value = undefined;
  const result = await postJson<Receipt>('/api/feedback', pending.body, { 'idempotency-key': pending.key });
  busy.value = false;
  if (!result.ok) {
    sendError.value = result.error;
    return;
  }
  receipt.value = result.data;
  pending.flow.go('thanks');
  pending = undefined;
}

export async function send(flow: Flow, counterId: string, kind: 'rating' | 'pakn') {
  flow.options.deviceId ??= browserId();
  const { checkedInput } = await loadSubmit();
  const input = checkedInput(flow, counterId, kind);
  if (!input) return;
  pending = { key: newIdempotencyKey(crypto.getRandomValues(new Uint8Array(16))), body: input, flow };
  await post();
}

function again(flow: Flow) {
  receipt.value = undefined;
  flow.reset();
}

export function SendError() {
  const error = sendError.value;
  if (!error) return null;
  const text =
    error.code === 'network' ? t('network') : error.status >= 500 || error.status === 429 ? t('server', { code: error.status }) : t('refused', { message: error.message });
  const retryable = error.code === 'network' || error.status >= 500 || error.status === 429;
  return (
    <div class="notice bad" role="alert">
      <p>{text}</p>
      {retryable && (
        <button type="button" class="primary" onClick={() => void post()} disabled={busy.value}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

export function Thanks({ flow }: { flow: Flow }) {
  const r = receipt.value;
  return (
    <section class="thanks">
      <h1 tabIndex={-1}>{t('thanks')}</h1>
      {r && (
        <>
          <p>
            {t('codeLabel')}: <strong class="code" data-testid="tracking-code">{r.trackingCode}</strong>
          </p>
          <p>{t('keepCode')}</p>
          <div class="actions center">
            <a class="button primary" href={`/track/${r.trackingCode}`}>
              {t('track')}
            </a>
            <button type="button" onClick={() => again(flow)}>
              {t('again')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

