/**
 * A record on screen: status, department, dates, timeline and the published answer. Loaded while
 * the record itself is fetched (TrackApp's `lookup`), so it adds no wait and stays out of the first
 * render; the information-request reply and the answer's rating forms load only when the record
 * needs them.
 */
import { useEffect, useRef } from 'preact/hooks';
import { formatDateTime } from '../common/i18n.ts';
import { lazy } from '../common/lazy.ts';
import type { Tracking } from './InfoReply.tsx';
import { t, type RecordKey } from './record-strings.ts';
import './record.css';

/** The answer to an information request: only for a record with an open request (or just answered). */
const info = lazy(() => import('./InfoReply.tsx'));
/** The answer's rating and follow-up forms: only once an answer is on screen. */
const feedback = lazy(() => import('./AnswerFeedback.tsx'));

const statusLabel = (status: string) => t(`status_${status}` as RecordKey);

export function Found({ data, onView, onFollow }: { data: Tracking; onView: (view: Tracking) => void; onFollow: (code: string) => (e: MouseEvent) => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const overdue = data.dueAt && !data.answer && Date.parse(data.dueAt) < Date.now();
  useEffect(() => void (data.infoRequest && info.start()), [data.infoRequest]);
  useEffect(() => void (data.answer && feedback.start()), [data.answer]);
  const Info = info.module.value?.InfoReply;
  const Feedback = data.answer ? feedback.module.value?.AnswerFeedback : undefined;
  return (
    <article class="tracking" aria-labelledby="tracking-title">
      <h2 id="tracking-title" tabIndex={-1} ref={heading}>
        <span class="code">{data.trackingCode}</span> · {t(`kind_${data.kind}` as RecordKey)}
      </h2>
      <div class={`status-now status-${data.status}`}>
        <p class="label">{t('current')}</p>
        <p class="value" data-testid="status">{statusLabel(data.status)}</p>
        <p>{t(`explain_${data.status}` as RecordKey)}</p>
      </div>
      {Info && <Info data={data} onView={onView} />}
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
              <a class="code" href={`/track/${data.duplicateOf}`} data-testid="duplicate-of" onClick={onFollow(data.duplicateOf)}>
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
      {Feedback && <Feedback data={data} onView={onView} />}
    </article>
  );
}
