/**
 * The QR landing page on the citizen's phone: the same flow as the kiosk, sent directly. One
 * Idempotency-Key per submission, reused by "Thử lại", so a retry after a lost answer never doubles.
 */
import { signal } from '@preact/signals';
import { api, type ApiError, type CounterInfo } from '../common/api.ts';
import { FlowView } from '../common/flow/FlowView.tsx';
import { createFlow } from '../common/flow/model.ts';
import { SiteHeader } from '../common/SiteHeader.tsx';
import { t } from './strings.ts';

export const counterId = decodeURIComponent(location.pathname.split('/')[2] ?? '');
// The device id (for the misuse rule) is set when sending, by after.tsx.
export const flow = createFlow({ channel: 'qr' });
const counter = signal<CounterInfo | undefined>(undefined);
const counterError = signal<ApiError | undefined>(undefined);
/** Sending, the thank-you and send errors: loaded right after first render. */
const after = signal<typeof import('./after.tsx') | undefined>(undefined);
export const loadAfter = () => import('./after.tsx').then((module) => (after.value = module));

export async function loadCounter() {
  counterError.value = undefined;
  const result = await api<CounterInfo>(`/api/counters/${encodeURIComponent(counterId)}`);
  if (result.ok) counter.value = result.data;
  else counterError.value = result.error;
}

export function QrApp() {
  const c = counter.value;
  const error = counterError.value;
  return (
    <>
      <SiteHeader />
      <main class="page" id="main">
        <p class="counter-line" aria-live="polite">
          {c ? (
            <>
              <strong>{c.name}</strong>
              <br />
              <span class="hint">{c.department.name}</span>
              {c.onDuty && (
                <>
                  <br />
                  {t('onDuty', { name: c.onDuty.name })}
                </>
              )}
            </>
          ) : error ? null : (
            <span class="hint">{t('loading')}</span>
          )}
        </p>
        {error?.status === 404 ? (
          <p class="notice bad" role="alert">
            {t('unknownCounter', { id: counterId })} <a href="/">{t('home')}</a>
          </p>
        ) : (
          <>
            {error && (
              <div class="notice bad" role="alert">
                <p>{t('network')}</p>
                <button type="button" onClick={() => void loadCounter()}>
                  {t('retry')}
                </button>
              </div>
            )}
            <FlowView
              flow={flow}
              procedures={c?.procedures ?? []}
              criteria={c?.criteria}
              onSend={(kind) => void loadAfter().then((module) => module.send(flow, counterId, kind))}
              busy={after.value?.busy.value}
              thanks={after.value && <after.value.Thanks flow={flow} />}
            />
            {after.value && <after.value.SendError />}
          </>
        )}
      </main>
    </>
  );
}
