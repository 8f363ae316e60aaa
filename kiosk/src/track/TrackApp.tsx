/**
 * `/track` (a form) and `/track/{code}`. First render is this shell only (the code form, loading,
 * lookup problems); the record view (Record.tsx) loads while the record is fetched, so it costs no
 * extra wait and keeps the first render within one round trip (14 KB gzip, scripts/page-weights.ts).
 */
import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { parseTrackingCode } from '#shared/tracking-code';
import { api, type ApiError } from '../common/api.ts';
import { lazy } from '../common/lazy.ts';
import { SiteHeader } from '../common/SiteHeader.tsx';
import type { Tracking } from './InfoReply.tsx';
import { t } from './strings.ts';

type State = { kind: 'form' } | { kind: 'invalid'; code: string } | { kind: 'loading' } | { kind: 'error'; error: ApiError; code: string } | { kind: 'found'; data: Tracking };

const state = signal<State>({ kind: 'form' });
const record = lazy(() => import('./Record.tsx'));
/** A newer view of the record on screen (after the citizen's reply), without a loading step. */
const show = (data: Tracking) => void (state.value = { kind: 'found', data });
const NO_VIEW: ApiError = { status: 0, code: 'network', message: 'the record view did not load' };

function codeInPath(): string | undefined {
  const raw = location.pathname.split('/')[2];
  return raw ? decodeURIComponent(raw) : undefined;
}

export async function lookup(typed = codeInPath()) {
  if (!typed) return void (state.value = { kind: 'form' });
  const code = parseTrackingCode(typed);
  if (!code) return void (state.value = { kind: 'invalid', code: typed });
  if (location.pathname !== `/track/${code}`) history.replaceState(null, '', `/track/${code}`);
  state.value = { kind: 'loading' };
  // The record and the code that shows it, in parallel: one wait for both.
  const [result, view] = await Promise.all([api<Tracking>(`/api/feedback/${code}`), record.load().catch(() => undefined)]);
  if (!result.ok) state.value = { kind: 'error', error: result.error, code };
  else state.value = view ? { kind: 'found', data: result.data } : { kind: 'error', error: NO_VIEW, code };
}

addEventListener('popstate', () => void lookup());

function CodeForm({ initial = '' }: { initial?: string }) {
  return (
    <form
      class="code-form"
      onSubmit={(e) => {
        e.preventDefault();
        void lookup(String(new FormData(e.currentTarget).get('code') ?? '').trim());
      }}
    >
      <label for="code">{t('codeLabel')}</label>
      <p class="hint" id="code-hint">{t('intro')}</p>
      <div class="inline">
        <input id="code" name="code" defaultValue={initial} autoComplete="off" autoCapitalize="characters" spellcheck={false} aria-describedby="code-hint" required />
        <button class="primary">{t('lookup')}</button>
      </div>
    </form>
  );
}

function Problem({ children }: { children: preact.ComponentChildren }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div class="notice bad" role="alert" tabIndex={-1} ref={ref}>
      {children}
    </div>
  );
}

/** A link to another tracking code: looked up in place (history kept), a new tab still works. */
const followLink = (code: string) => (e: MouseEvent) => {
  if (e.ctrlKey || e.metaKey || e.shiftKey) return;
  e.preventDefault();
  history.pushState(null, '', `/track/${code}`);
  void lookup(code);
};

export function TrackApp() {
  const s = state.value;
  const Found = record.module.value?.Found;
  return (
    <>
      <SiteHeader />
      <main class="page" id="main">
        <h1>{t('title')}</h1>
        {s.kind === 'loading' && <p aria-live="polite">{t('loading')}</p>}
        {s.kind === 'invalid' && <Problem>{t('invalid', { code: s.code })}</Problem>}
        {s.kind === 'error' && (
          <Problem>
            <p>{s.error.status === 404 ? t('notFound', { code: s.code }) : s.error.code === 'network' ? t('network') : t('server')}</p>
            {s.error.status !== 404 && (
              <button type="button" onClick={() => void lookup(s.code)}>
                {t('retry')}
              </button>
            )}
          </Problem>
        )}
        {s.kind === 'found' && Found && <Found data={s.data} onView={show} onFollow={followLink} />}
        {s.kind !== 'loading' && (
          <section class="another" aria-label={s.kind === 'found' ? t('another') : undefined}>
            {s.kind === 'found' && <h2>{t('another')}</h2>}
            <CodeForm initial={s.kind === 'invalid' ? s.code : ''} key={s.kind} />
          </section>
        )}
      </main>
    </>
  );
}
