/**
 * The citizen's answer to an official's information request, on the tracking page. One
 * Idempotency-Key per reply, reused by "Thử lại" (and by pressing "Gửi" again with the same text),
 * so a retry after a lost answer is recorded once.
 */
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { trackingView } from '#shared/feedback';
import { newIdempotencyKey } from '#shared/offline-queue';
import { normalizeText } from '#shared/text';
import { api, postJson, type ApiError } from '../common/api.ts';
import { formatDateTime } from '../common/i18n.ts';
import { lazy } from '../common/lazy.ts';
import { Announce } from './Announce.tsx';
import { t, type InfoKey } from './info-strings.ts';
import type { ReplyProblem } from './reply-check.ts';
import './info.css';

export type Tracking = ReturnType<typeof trackingView>;
type Outcome = { kind: 'sent'; text: string } | { kind: 'not_waiting' };

/** The reply being written for `code`; a lookup of another code starts over. */
export const reply = {
  code: signal(''),
  text: signal(''),
  sending: signal(false),
  problem: signal<ReplyProblem | undefined>(undefined),
  error: signal<ApiError | undefined>(undefined),
  outcome: signal<Outcome | undefined>(undefined),
};
/** The reply last sent: its key is reused while the same text is sent again. */
let pending: { code: string; text: string; key: string } | undefined;
/** From the tap until the answer: a second tap in the same frame does nothing. */
let submitting = false;

/** The reply being written and its key survive a reload of this tab until the answer arrives. */
const draftKey = (code: string) => `gopy.track.reply.${code}`;
function saveDraft(code: string) {
  try {
    if (!reply.text.value && !pending) sessionStorage.removeItem(draftKey(code));
    else sessionStorage.setItem(draftKey(code), JSON.stringify({ text: reply.text.value, pending: pending?.code === code ? pending : undefined }));
  } catch {
    // No storage: the reply lives as long as the page.
  }
}
function loadDraft(code: string) {
  try {
    const saved = JSON.parse(sessionStorage.getItem(draftKey(code)) ?? 'null');
    if (typeof saved?.text === 'string') reply.text.value = saved.text;
    if (saved?.pending?.code === code) pending = saved.pending;
  } catch {
    // Unreadable draft: start empty.
  }
}

/** The checker (with zod/mini, outside the first render), once loaded; it also knows the length limit. */
const check = lazy(() => import('./reply-check.ts'));

/** Called as a record is shown: a reply belongs to one record. */
function replyFor(code: string) {
  if (reply.code.value === code) return;
  reply.code.value = code;
  reply.text.value = '';
  reply.problem.value = reply.error.value = reply.outcome.value = undefined;
  pending = undefined;
  loadDraft(code);
}

async function post(onView: (view: Tracking) => void) {
  const sent = pending;
  if (!sent || reply.sending.value) return;
  reply.sending.value = true;
  reply.error.value = undefined;
  const result = await postJson<Tracking>(`/api/feedback/${sent.code}/info`, { text: sent.text }, { 'idempotency-key': sent.key });
  reply.sending.value = false;
  // Another code was looked up meanwhile: this answer is no longer what the page shows.
  if (reply.code.value !== sent.code) return;
  if (result.ok) {
    pending = undefined;
    reply.text.value = '';
    saveDraft(sent.code);
    reply.outcome.value = { kind: 'sent', text: sent.text };
    onView(result.data);
  } else if (result.error.code === 'not_waiting') {
    // Someone already dealt with the request (or answered): show the page as it is now.
    pending = undefined;
    reply.text.value = '';
    saveDraft(sent.code);
    const fresh = await api<Tracking>(`/api/feedback/${sent.code}`);
    reply.outcome.value = { kind: 'not_waiting' };
    if (fresh.ok) onView(fresh.data);
  } else {
    reply.error.value = result.error;
  }
}

async function submit(code: string, onView: (view: Tracking) => void) {
  if (submitting) return;
  submitting = true;
  try {
    await checkAndPost(code, onView);
  } finally {
    submitting = false;
  }
}

async function checkAndPost(code: string, onView: (view: Tracking) => void) {
  const checked = (await check.load()).checkReply(reply.text.value);
  if ('problem' in checked) {
    reply.problem.value = checked.problem;
    document.getElementById('info-reply')?.focus();
    return;
  }
  reply.problem.value = undefined;
  if (pending?.code !== code || pending.text !== checked.text) pending = { code, text: checked.text, key: newIdempotencyKey(crypto.getRandomValues(new Uint8Array(16))) };
  saveDraft(code);
  await post(onView);
}

const retryable = (error: ApiError) => error.code === 'network' || error.status === 429 || error.status >= 500;

function errorKey(error: ApiError): InfoKey {
  if (error.code === 'network') return 'replyNetwork';
  if (error.status === 429) return 'replyTooMany';
  if (error.status >= 500) return 'replyBusy';
  if (error.status === 404) return 'replyUnknown';
  if (error.status === 400) return 'replyInvalid';
  return 'replyFailed';
}

function SendError({ error, onView }: { error: ApiError; onView: (view: Tracking) => void }) {
  return (
    <Announce role="alert" class="notice bad">
      <p>{t(errorKey(error), { max: check.module.value?.MAX_REPLY ?? '' })}</p>
      {retryable(error) && (
        <button type="button" class="primary" disabled={reply.sending.value} onClick={() => void post(onView)}>
          {t('retry')}
        </button>
      )}
    </Announce>
  );
}

function ReplyForm({ code, onView }: { code: string; onView: (view: Tracking) => void }) {
  useEffect(check.start, []);
  const { sending, problem, error } = reply;
  const length = normalizeText(reply.text.value).length;
  const max = check.module.value?.MAX_REPLY;
  const over = max === undefined ? 0 : length - max;
  return (
    <form
      class="reply-form"
      noValidate
      aria-busy={sending.value}
      onSubmit={(e) => {
        e.preventDefault();
        void submit(code, onView);
      }}
    >
      <label for="info-reply">{t('replyLabel')}</label>
      <p class="hint" id="info-privacy">
        {t('replyPrivacy')}
      </p>
      <textarea
        id="info-reply"
        rows={6}
        value={reply.text.value}
        onInput={(e) => {
          reply.text.value = e.currentTarget.value;
          saveDraft(code);
          if (problem.value) problem.value = undefined;
        }}
        aria-invalid={problem.value ? 'true' : undefined}
        aria-describedby={`info-privacy info-count${problem.value ? ' info-problem' : ''}`}
      />
      <p id="info-count" class={over > 0 ? 'counter error' : 'counter hint'}>
        {max === undefined ? t('replyCountPlain', { n: length }) : t(over > 0 ? 'replyCountOver' : 'replyCount', { n: length, max, over })}
      </p>
      {problem.value && (
        <p id="info-problem" class="error">
          {t(problem.value, { max: max ?? '' })}
        </p>
      )}
      {error.value && <SendError error={error.value} onView={onView} />}
      <div class="actions">
        <button class="primary big" disabled={sending.value}>
          {sending.value ? t('replySending') : t('replySend')}
        </button>
      </div>
      <p class="sr-only" aria-live="polite">
        {sending.value ? t('replySending') : ''}
      </p>
    </form>
  );
}

/** Under the current status: the request, the form, then what became of the reply. */
export function InfoReply({ data, onView }: { data: Tracking; onView: (view: Tracking) => void }) {
  replyFor(data.trackingCode);
  const outcome = reply.code.value === data.trackingCode ? reply.outcome.value : undefined;
  const request = data.infoRequest;
  if (!request && !outcome) return null;
  return (
    <section class={request ? 'info-request' : 'info-request done'} aria-labelledby="info-title">
      <h3 id="info-title">{request ? t('infoTitle') : t('replySentTitle')}</h3>
      {outcome?.kind === 'sent' && (
        <Announce role="status" class="notice ok">
          <p>{t('replySent')}</p>
          <p class="hint">{t('replySentText')}</p>
          <p class="reply-text" data-testid="reply-sent">
            {outcome.text}
          </p>
        </Announce>
      )}
      {outcome?.kind === 'not_waiting' && (
        <Announce role="status" class="notice">
          <p>{t('replyNotWaiting')}</p>
        </Announce>
      )}
      {request && (
        <>
          <blockquote class="request">
            <p class="request-text" data-testid="info-request">
              {request.text}
            </p>
            <footer class="hint">{t('infoAskedAt', { at: formatDateTime(request.requestedAt) })}</footer>
          </blockquote>
          <p class="hint">{t('infoWhy')}</p>
          {!outcome && <ReplyForm code={data.trackingCode} onView={onView} />}
        </>
      )}
    </section>
  );
}
