/** The counter tablet: the flow, a thank-you with tracking code and QR, the staff status mark. */
import { signal } from '@preact/signals';
import { FlowView, loadSubmit } from '../common/flow/FlowView.tsx';
import { createFlow } from '../common/flow/model.ts';
import { LangToggle } from '../common/LangToggle.tsx';
import { Qr } from '../common/Qr.tsx';
import { enqueue, failed, online, receipts, stalled, waiting } from './outbox.ts';
import { ChooseCounter } from './ChooseCounter.tsx';
import { chooseCounter, counter, counterError, counterId, deviceId, idleMs, invalidCounterParam, largeText, loadCounter } from './settings.ts';
import { ASK_MS, quietMs, watchIdle } from './idle.ts';
import { takeReserved, topUp } from './reserved.ts';
import { IdlePrompt, setIdlePhase } from './IdlePrompt.tsx';
import { formatDateTime, lang } from '../common/i18n.ts';
import { t } from './strings.ts';

export const flow = createFlow({ channel: 'kiosk', deviceId });
/** Idempotency-Key of the submission on the thank-you screen, and its code when reserved in advance. */
const sentKey = signal<string | undefined>(undefined);
const reservedCode = signal<string | undefined>(undefined);

/** One record per person: the round (flow.round) already queued, and a tap being handled. */
let queuedRound: number | undefined;
let sending = false;

async function send(kind: 'rating' | 'pakn') {
  // Checked and set before any await: a second tap in the same frame finds it set.
  if (!counterId || sending || queuedRound === flow.round.peek()) return;
  sending = true;
  try {
    const { checkedInput } = await loadSubmit();
    const input = checkedInput(flow, counterId, kind);
    if (!input) return;
    queuedRound = flow.round.peek();
    const reserved = takeReserved();
    sentKey.value = enqueue(input, reserved?.key);
    reservedCode.value = reserved?.trackingCode;
    void topUp(deviceId);
    flow.go('thanks'); // never waits for the network: the outbox sends in the background
  } finally {
    sending = false;
  }
}

/** The next person starts with the defaults: every choice cleared, Vietnamese, normal text. */
function startOver() {
  sentKey.value = undefined;
  reservedCode.value = undefined;
  flow.reset();
  lang.value = 'vi';
  largeText.value = false;
  idle?.touch();
}

/** On a form step the person is writing or choosing: they get the longer quiet period. */
const inForm = () => flow.step.value === 'details' || flow.step.value === 'comment' || flow.step.value === 'contact';
/** Something the next person should not inherit. */
const needsReset = () => flow.isDirty() || lang.value !== 'vi' || largeText.value;

/** After the countdown: a rating already tapped is kept (the person chose it), unsent text is dropped, all is cleared. */
async function onIdle() {
  const { toInput } = await loadSubmit();
  const tappedOnly = flow.step.value !== 'thanks' && flow.rating.value !== undefined;
  const partial = tappedOnly && counterId ? toInput(flow, counterId, 'rating', true) : undefined;
  startOver();
  if (partial) enqueue(partial);
}

let idle: ReturnType<typeof watchIdle> | undefined;

export function startKiosk() {
  idle = watchIdle(
    () => quietMs(idleMs, inForm()),
    (phase) => {
      // Nothing to clear: no question, the screen is already as the next person should find it.
      if (phase.kind !== 'active' && !needsReset()) return setIdlePhase({ kind: 'active' });
      if (phase.kind === 'expired') {
        setIdlePhase({ kind: 'active' });
        void onIdle();
      } else setIdlePhase(phase);
    },
  );
  void loadCounter();
  // Who is on duty changes during the day: refresh the counter (and its cached copy) each minute.
  setInterval(() => void loadCounter(), 60_000);
  void topUp(deviceId);
  addEventListener('online', () => void topUp(deviceId));
}

function StatusMark() {
  const parts = [
    !online.value && t('statusOffline'),
    waiting.value > 0 && t('statusWaiting', { n: waiting.value }),
    failed.value > 0 && t('statusFailed', { n: failed.value }),
  ].filter(Boolean);
  return (
    <p class={`status-mark ${parts.length ? 'pending' : ''}`} role="status" data-waiting={waiting.value}>
      {parts.length ? parts.join(' · ') : `✓ ${t('statusAllSent')}`}
    </p>
  );
}

function Thanks() {
  const receipt = sentKey.value ? receipts.value[sentKey.value] : undefined;
  // Known before sending when the key was reserved: an offline petition still gets its code.
  const code = receipt?.trackingCode ?? reservedCode.value;
  const trackUrl = code && `${location.origin}/track/${code}`;
  const waitingToSend = !receipt && !(online.value && !(sentKey.value && stalled.value.has(sentKey.value)));
  return (
    <section class="thanks">
      <h1 tabIndex={-1}>{t('thanks')}</h1>
      {code && trackUrl && (
        <div class="receipt">
          <p>
            {t('codeLabel')}: <strong class="code" data-testid="tracking-code">{code}</strong>
          </p>
          {receipt?.dueAt && <p data-testid="due-date">{t('dueAt', { date: formatDateTime(receipt.dueAt, false) })}</p>}
          <Qr text={trackUrl} label={t('qrLabel', { code })} size={220} />
          <p>{t('scanToTrack')}</p>
        </div>
      )}
      {!receipt && !waitingToSend && <p aria-live="polite">{t('sending')}</p>}
      {waitingToSend && (
        <p class="notice" data-testid="saved-offline">
          {code ? t('savedOfflineWithCode') : t('savedOffline')}
        </p>
      )}
      <p class="hint">{t('autoReturn', { quiet: Math.round(idleMs / 1000), ask: ASK_MS / 1000 })}</p>
      <div class="actions center">
        <button type="button" class="primary big" onClick={startOver}>
          {t('done')}
        </button>
      </div>
    </section>
  );
}

export function KioskApp() {
  if (!counterId || invalidCounterParam) return <ChooseCounter />;
  const error = counterError.value;
  return (
    <>
      <header class="topbar">
        <div>
          <span class="brand">{counter.value?.name ?? t('title')}</span>
          {counter.value && <span class="hint"> · {counter.value.department.name}</span>}
          {counter.value?.onDuty && <span class="hint"> · {t('onDuty', { name: counter.value.onDuty.name })}</span>}
        </div>
        <div class="tools">
          <StatusMark />
          <button type="button" class="large-toggle" aria-pressed={largeText.value} onClick={() => (largeText.value = !largeText.value)}>
            {t('largeText')}
          </button>
          <LangToggle />
        </div>
      </header>
      <main class="kiosk-main" id="main">
        {error?.status === 404 ? (
          <div class="notice bad" role="alert">
            <p>{t('unknownCounter', { id: counterId })}</p>
            <button type="button" onClick={() => chooseCounter('')}>
              {t('chooseOther')}
            </button>
          </div>
        ) : (
          <>
            {error && <p class="notice warn">{t('noNetwork')}</p>}
            <FlowView flow={flow} procedures={counter.value?.procedures ?? []} criteria={counter.value?.criteria} onSend={(kind) => void send(kind)} thanks={<Thanks />} />
            {inForm() && <p class="hint idle-note">{t('formWait', { minutes: quietMs(idleMs, true) / 60_000, ask: ASK_MS / 1000 })}</p>}
          </>
        )}
      </main>
      <IdlePrompt onStay={() => idle?.touch()} onStartOver={startOver} />
    </>
  );
}
