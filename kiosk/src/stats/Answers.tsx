/** Published answers to petitions, searchable by text, procedure and department (already redacted). */
import { useRef } from 'preact/hooks';
import { formatDateTime } from '../common/i18n.ts';
import type { PublishedMonth } from '#shared/stats/publication';
import { formatCount } from './format.ts';
import { ANSWERS_PAGE, answerDepartment, answerQuery, answersShown, filterAnswers } from './model.ts';
import { t } from './strings.ts';

export function Answers({ data }: { data: PublishedMonth }) {
  const names = new Map(data.departments.map((d) => [d.id, d.name]));
  const matching = filterAnswers(data.answers, names);
  const shown = matching.slice(0, answersShown.value);
  const list = useRef<HTMLOListElement>(null);
  const showMore = () => {
    const first = shown.length;
    answersShown.value += ANSWERS_PAGE;
    // Keyboard and screen-reader users continue at the first newly shown answer.
    requestAnimationFrame(() => (list.current?.children[first] as HTMLElement | undefined)?.focus());
  };
  return (
    <>
      <p class="hint">{t('answersIntro')}</p>
      <div class="filters">
        <div class="field">
          <label for="answer-search">{t('search')}</label>
          <input id="answer-search" type="search" value={answerQuery.value} onInput={(e) => (answerQuery.value = (e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="answer-department">{t('department')}</label>
          <select id="answer-department" value={answerDepartment.value} onChange={(e) => (answerDepartment.value = (e.target as HTMLSelectElement).value)}>
            <option value="">{t('allDepartments')}</option>
            {data.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p role="status">{t('answersCount', { n: formatCount(matching.length) })}</p>
      {shown.length === 0 ? (
        <p>{t('noAnswers')}</p>
      ) : (
        <ol class="answers" ref={list}>
          {shown.map((a, i) => (
            <li key={i} tabIndex={-1}>
              <p class="hint">
                {names.get(a.departmentId) ?? a.departmentId}
                {a.procedureName && ` · ${a.procedureCode} ${a.procedureName}`} · {t('answeredOn', { d: formatDateTime(a.answeredAt, false) })}
              </p>
              <p>
                <strong>{t('question')}:</strong> {a.question}
              </p>
              <p>
                <strong>{t('answer')}:</strong> {a.answer}
              </p>
            </li>
          ))}
        </ol>
      )}
      {matching.length > shown.length && (
        <button type="button" class="more" onClick={showMore}>
          {t('moreAnswers', { n: formatCount(Math.min(ANSWERS_PAGE, matching.length - shown.length)), shown: formatCount(shown.length), total: formatCount(matching.length) })}
        </button>
      )}
    </>
  );
}
