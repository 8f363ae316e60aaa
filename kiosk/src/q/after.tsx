/**
 * Sending from the phone. One Idempotency-Key per draft (common/flow/draft.ts), from its first send
 * to its receipt: a double tap, "Thử lại", or "Gửi" again after a reload all end in one record.
 * The send control is guarded synchronously (a second tap in the same frame finds `inFlight` set,
 * before any re-render could disable the button).
 */
import { signal } from '@preact/signals';
import { newIdempotencyKey } from '#shared/offline-queue';
import { postJson, type ApiError, type Receipt } from '../common/api.ts';
import { formatDateTime } from '../common/i18n.ts';
import { loadSubmit } from '../common/flow/FlowView.tsx';
import type { Draft } from '../common/flow/draft.ts';
import { draft } from './keep.ts';

export { keepDraft } from './keep.ts';
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

let pending: { key: string; body: unknown; flow: Flow; draft: Draft } | undefined;
/** True from the tap until the answer: a second tap, or "Thử lại" meanwhile, does nothing. */
let inFlight = false;
/** The round (flow.round) whose receipt is on screen: that draft is never sent again. */
let sentRound: number | undefined;

async function guarded(work: () => Promise<void>) {
  if (inFlight) return;
  inFlight = true;
  busy.value = true;
  try {
    await work();
  } finally {
    inFlight = false;
    busy.value = false;
  }
}

async function post() {
  // Read once: `pending` is cleared by the answer, never while this send is in flight.
  const sent = pending;
  if (!sent) return;
  sendError.value = undefined;
  const result = await postJson<Receipt>('/api/feedback', sent.body, { 'idempotency-key': sent.key });
  if (!result.ok) {
    sendError.value = result.error;
    return;
  }
  sentRound = sent.flow.round.peek();
  receipt.value = result.data;
  sent.draft.clear();
  sent.flow.go('thanks');
  pending = undefined;
}

export function send(flow: Flow, counterId: string, kind: 'rating' | 'pakn'): Promise<void> {
  if (sentRound === flow.round.peek()) return Promise.resolve();
  return guarded(async () => {
    flow.options.deviceId ??= browserId();
    const { checkedInput } = await loadSubmit();
    const input = checkedInput(flow, counterId, kind);
    if (!input) return;
    const mark = draft.sendMark(() => newIdempotencyKey(crypto.getRandomValues(new Uint8Array(16))), new Date());
    // The first send's instant: the same draft sent again is the same body, so the API replays its receipt.
    pending = { key: mark.key, body: { ...input, submittedAt: mark.submittedAt }, flow, draft };
    await post();
  });
}

const retry = () => void guarded(post);

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
        <button type="button" class="primary" onClick={retry} disabled={busy.value}>
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
          {r.dueAt && <p data-testid="due-date">{t('dueAt', { date: formatDateTime(r.dueAt, false) })}</p>}
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

