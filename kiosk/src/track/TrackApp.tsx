/** `/track` (a form) and `/track/{code}`: status, an open information request to answer, timeline, department, due date and the published answer. */
import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { parseTrackingCode } from '#shared/tracking-code';
import { api, type ApiError } from '../common/api.ts';
import { formatDateTime } from '../common/i18n.ts';
import { SiteHeader } from '../common/SiteHeader.tsx';
import { InfoReply, replyFor, type Tracking } from './InfoReply.tsx';
import { t, type TrackKey } from './strings.ts';

type State = { kind: 'form' } | { kind: 'invalid'; code: string } | { kind: 'loading' } | { kind: 'error'; error: ApiError; code: string } | { kind: 'found'; data: Tracking };

const state = signal<State>({ kind: 'form' });
/** The answer's rating and follow-up forms: loaded once an answer is on screen, outside the first render. */
type Feedback = typeof import('./AnswerFeedback.tsx');
const feedback = signal<Feedback | undefined>(undefined);
let feedbackModule: Promise<Feedback> | undefined;
const loadFeedback = () => (feedbackModule ??= import('./AnswerFeedback.tsx').then((module) => (feedback.value = module)));
/** A newer view of the record on screen (after the citizen's reply), without a loading step. */
const show = (data: Tracking) => void (state.value = { kind: 'found', data });

function codeInPath(): string | undefined {
  const raw = location.pathname.split('/')[2];
  return raw ? decodeURIComponent(raw) : undefined;
}

export async function lookup(typed = codeInPath()) {
  if (!typed) return void (state.value = { kind: 'form' });
  const code = parseTrackingCode(typed);
  if (!code) return void (state.value = { kind: 'invalid', code: typed });
  if (location.pathname !== `/track/${code}`) history.replaceState(null, '', `/track/${code}`);
  replyFor(code);
  state.value = { kind: 'loading' };
  const result = await api<Tracking>(`/api/feedback/${code}`);
  state.value = result.ok ? { kind: 'found', data: result.data } : { kind: 'error', error: result.error, code };
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

const statusLabel = (status: string) => t(`status_${status}` as TrackKey);

function Found({ data }: { data: Tracking }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const overdue = data.dueAt && !data.answer && Date.parse(data.dueAt) < Date.now();
  useEffect(() => void (data.answer && loadFeedback()), [data.answer]);
  const Feedback = data.answer ? feedback.value?.AnswerFeedback : undefined;
  return (
    <article class="tracking" aria-labelledby="tracking-title">
      <h2 id="tracking-title" tabIndex={-1} ref={heading}>
        <span class="code">{data.trackingCode}</span> · {t(`kind_${data.kind}` as TrackKey)}
      </h2>
      <div class={`status-now status-${data.status}`}>
        <p class="label">{t('current')}</p>
        <p class="value" data-testid="status">{statusLabel(data.status)}</p>
        <p>{t(`explain_${data.status}` as TrackKey)}</p>
      </div>
      <InfoReply data={data} onView={show} />
      <dl class="facts">
        <dt>{t('department')}</dt>
        <dd>{data.department.name}</dd>
        <dt>{t('received')}</dt>
        <dd>{formatDateTime(data.receivedAt)}</dd>
        <dt>{t('due')}</dt>
        <dd>
          {data.dueAt ? formatDateTime(data.dueAt, false) : t('dueNone')}
          {overdue && <strong class="overdue"> ({t('overdue')})</strong>}
        </dd>
        {data.duplicateOf && (
          <>
            <dt>{t('duplicateOf')}</dt>
            <dd>
              {t('duplicateHint')}{' '}
              <a class="code" href={`/track/${data.duplicateOf}`} data-testid="duplicate-of" onClick={followLink(data.duplicateOf)}>
                {data.duplicateOf}
              </a>
            </dd>
          </>
        )}
        {data.followUpOf && (
          <>
            <dt>{t('followUpOf')}</dt>
            <dd>
              <a class="code" href={`/track/${data.followUpOf}`} data-testid="follow-up-of">
                {data.followUpOf}
              </a>
            </dd>
          </>
        )}
        {data.followUps && (
          <>
            <dt>{t('followUps')}</dt>
            <dd data-testid="follow-ups">
              {data.followUps.map((code, i) => (
                <span key={code}>
                  {i > 0 && ', '}
                  <a class="code" href={`/track/${code}`}>
                    {code}
                  </a>
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
      <h3>{t('timeline')}</h3>
      <ol class="timeline">
        {data.timeline.map((step, i) => (
          <li key={i} aria-current={i === data.timeline.length - 1 ? 'step' : undefined}>
            <strong>{statusLabel(step.status)}</strong> <span class="hint">{formatDateTime(step.at)}</span>
          </li>
        ))}
      </ol>
      <h3>{t('answer')}</h3>
      {data.answer ? (
        <blockquote class="answer" data-testid="answer">
          {data.answer.question && (
            <p class="hint" data-testid="answer-question">
              {t('publishedQuestion')}: {data.answer.question}
            </p>
          )}
          <p class="answer-text">{data.answer.text}</p>
          <footer class="hint">{t('answeredAt', { at: formatDateTime(data.answer.answeredAt) })}</footer>
        </blockquote>
      ) : (
        <p class="hint">{t('noAnswer')}</p>
      )}
      {Feedback && <Feedback data={data} onView={show} />}
    </article>
  );
}

export function TrackApp() {
  const s = state.value;
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
        {s.kind === 'found' && <Found data={s.data} />}
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
