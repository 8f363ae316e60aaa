/**
 * Once an answer is published: how satisfied the citizen is with it (the latest rating stands), and
 * a follow-up petition about the result. Loaded after first render (TrackApp imports it when an
 * answer is on screen). One Idempotency-Key per draft, reused by "Thử lại", so a retry after a lost
 * response is recorded once.
 */
import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { ANSWER_RATINGS, type AnswerRatingValue } from '#shared/schemas';
import { RATE_ANCHOR } from '#shared/notifications';
import { newIdempotencyKey } from '#shared/offline-queue';
import { normalizeText } from '#shared/text';
import { postJson, type ApiError } from '../common/api.ts';
import { formatDateTime } from '../common/i18n.ts';
import { t, type AnswerKey } from './answer-strings.ts';
import { Announce } from './Announce.tsx';
import type { Tracking } from './InfoReply.tsx';
import { checkReply, MAX_REPLY, type ReplyProblem } from './reply-check.ts';
import './answer.css';

type Draft = { code: string; body: string; key: string };
const freshKey = () => newIdempotencyKey(crypto.getRandomValues(new Uint8Array(16)));
/** Reuses the key while the same thing is sent again for the same record. */
const draftFor = (last: Draft | undefined, code: string, body: unknown): Draft => {
  const text = JSON.stringify(body);
  return last?.code === code && last.body === text ? last : { code, body: text, key: freshKey() };
};

const rating = { code: signal(''), choice: signal<AnswerRatingValue | undefined>(undefined), comment: signal(''), sending: signal(false), problem: signal<AnswerKey | undefined>(undefined), error: signal<ApiError | undefined>(undefined), thanked: signal(false) };
const followUp = { text: signal(''), sending: signal(false), problem: signal<AnswerKey | undefined>(undefined), error: signal<ApiError | undefined>(undefined), sent: signal<string | undefined>(undefined) };
let ratingDraft: Draft | undefined;
let followDraft: Draft | undefined;

/** Another record on screen: start over. */
function reset(code: string) {
  if (rating.code.value === code) return;
  rating.code.value = code;
  rating.choice.value = undefined;
  rating.comment.value = followUp.text.value = '';
  rating.problem.value = rating.error.value = followUp.problem.value = followUp.error.value = followUp.sent.value = undefined;
  rating.thanked.value = false;
  ratingDraft = followDraft = undefined;
}

const TEXT_PROBLEM: Record<ReplyProblem, AnswerKey> = { replyEmpty: 'textEmpty', replyLong: 'textLong', replyChars: 'textChars' };
const retryable = (error: ApiError) => error.code === 'network' || error.status === 429 || error.status >= 500;
const errorKey = (error: ApiError): AnswerKey => (error.code === 'network' ? 'network' : retryable(error) ? 'busy' : 'failed');

async function sendRating(onView: (view: Tracking) => void) {
  const draft = ratingDraft;
  if (!draft || rating.sending.value) return;
  rating.sending.value = true;
  rating.error.value = undefined;
  const result = await postJson<Tracking>(`/api/feedback/${draft.code}/answer-rating`, JSON.parse(draft.body), { 'idempotency-key': draft.key });
  rating.sending.value = false;
  if (rating.code.value !== draft.code) return;
  if (!result.ok) return void (rating.error.value = result.error);
  ratingDraft = undefined;
  rating.thanked.value = true;
  rating.comment.value = '';
  onView(result.data);
}

function submitRating(code: string, onView: (view: Tracking) => void) {
  if (!rating.choice.value) return void (rating.problem.value = 'ratePick');
  const comment = normalizeText(rating.comment.value);
  if (comment) {
    const checked = checkReply(comment);
    if ('problem' in checked) return void (rating.problem.value = TEXT_PROBLEM[checked.problem]);
  }
  rating.problem.value = undefined;
  ratingDraft = draftFor(ratingDraft, code, { rating: rating.choice.value, ...(comment ? { comment } : {}) });
  void sendRating(onView);
}

async function sendFollowUp() {
  const draft = followDraft;
  if (!draft || followUp.sending.value) return;
  followUp.sending.value = true;
  followUp.error.value = undefined;
  const result = await postJson<{ trackingCode: string }>(`/api/feedback/${draft.code}/follow-up`, JSON.parse(draft.body), { 'idempotency-key': draft.key });
  followUp.sending.value = false;
  if (rating.code.value !== draft.code) return;
  if (!result.ok) return void (followUp.error.value = result.error);
  followDraft = undefined;
  followUp.text.value = '';
  followUp.sent.value = result.data.trackingCode;
}

function submitFollowUp(code: string) {
  const checked = checkReply(followUp.text.value);
  if ('problem' in checked) return void (followUp.problem.value = TEXT_PROBLEM[checked.problem]);
  followUp.problem.value = undefined;
  followDraft = draftFor(followDraft, code, { text: checked.text });
  void sendFollowUp();
}

function SendError({ error, retry, sending }: { error: ApiError; retry: () => void; sending: boolean }) {
  return (
    <Announce role="alert" class="notice bad">
      <p>{t(errorKey(error))}</p>
      {retryable(error) && (
        <button type="button" class="primary" disabled={sending} onClick={retry}>
          {t('retry')}
        </button>
      )}
    </Announce>
  );
}

function RatingForm({ data, onView }: { data: Tracking; onView: (view: Tracking) => void }) {
  const current = data.answerRating;
  const { choice, sending, problem, error } = rating;
  return (
    <form class="rate-form" noValidate aria-busy={sending.value} onSubmit={(e) => (e.preventDefault(), submitRating(data.trackingCode, onView))}>
      <fieldset aria-describedby={`rate-why${problem.value === 'ratePick' ? ' rate-problem' : ''}`}>
        <legend>{t('rateTitle')}</legend>
        <p class="hint" id="rate-why">{t('rateWhy')}</p>
        {current && !rating.thanked.value && <p data-testid="rated">{t('rated', { rating: t(`rating_${current.rating}`), at: formatDateTime(current.at) })}</p>}
        <div class="choices">
          {ANSWER_RATINGS.map((value) => (
            <label key={value} class={`choice choice-${value}`}>
              <input type="radio" name="answer-rating" value={value} checked={(choice.value ?? current?.rating) === value} onChange={() => ((choice.value = value), (problem.value = undefined))} />
              {t(`rating_${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {problem.value === 'ratePick' && <p id="rate-problem" class="error">{t('ratePick')}</p>}
      <label for="rate-comment">{t('rateComment')}</label>
      <textarea
        id="rate-comment"
        rows={3}
        value={rating.comment.value}
        onInput={(e) => (rating.comment.value = e.currentTarget.value)}
        aria-invalid={problem.value && problem.value !== 'ratePick' ? 'true' : undefined}
        aria-describedby={problem.value && problem.value !== 'ratePick' ? 'rate-comment-problem' : undefined}
      />
      {problem.value && problem.value !== 'ratePick' && <p id="rate-comment-problem" class="error">{t(problem.value, { max: MAX_REPLY })}</p>}
      {error.value && <SendError error={error.value} sending={sending.value} retry={() => void sendRating(onView)} />}
      {rating.thanked.value && current && (
        <Announce role="status" class="notice ok">
          <p>{t('rateThanks')}</p>
          <p data-testid="rated">{t('rated', { rating: t(`rating_${current.rating}`), at: formatDateTime(current.at) })}</p>
        </Announce>
      )}
      <div class="actions">
        <button class="primary big" disabled={sending.value}>
          {sending.value ? t('rateSending') : current ? t('rateChange') : t('rateSend')}
        </button>
      </div>
    </form>
  );
}

function FollowUpForm({ code }: { code: string }) {
  const { text, sending, problem, error, sent } = followUp;
  if (sent.value) {
    return (
      <Announce role="status" class="notice ok">
        <p>
          {t('followSent')}
          <a href={`/track/${sent.value}`} class="code" data-testid="follow-up-code">
            {sent.value}
          </a>
        </p>
      </Announce>
    );
  }
  return (
    <details class="follow-up">
      <summary>{t('followTitle')}</summary>
      <form noValidate aria-busy={sending.value} onSubmit={(e) => (e.preventDefault(), submitFollowUp(code))}>
        <p class="hint" id="follow-why">{t('followWhy')}</p>
        <label for="follow-text">{t('followLabel')}</label>
        <textarea
          id="follow-text"
          rows={5}
          value={text.value}
          onInput={(e) => ((text.value = e.currentTarget.value), (problem.value = undefined))}
          aria-invalid={problem.value ? 'true' : undefined}
          aria-describedby={`follow-why${problem.value ? ' follow-problem' : ''}`}
        />
        {problem.value && <p id="follow-problem" class="error">{t(problem.value, { max: MAX_REPLY })}</p>}
        {error.value && <SendError error={error.value} sending={sending.value} retry={() => void sendFollowUp()} />}
        <div class="actions">
          <button class="primary" disabled={sending.value}>
            {sending.value ? t('rateSending') : t('followSend')}
          </button>
        </div>
      </form>
    </details>
  );
}

export function AnswerFeedback({ data, onView }: { data: Tracking; onView: (view: Tracking) => void }) {
  reset(data.trackingCode);
  const section = useRef<HTMLElement>(null);
  // The answer notice links here (SMS and e-mail): bring the question into view.
  useEffect(() => {
    if (location.hash === RATE_ANCHOR) section.current?.scrollIntoView();
  }, []);
  return (
    <section class="answer-feedback" id={RATE_ANCHOR.slice(1)} ref={section} aria-label={t('rateTitle')}>
      <RatingForm data={data} onView={onView} />
      <FollowUpForm code={data.trackingCode} />
    </section>
  );
}
