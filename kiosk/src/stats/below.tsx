/** The sections below the statistics page's summary, loaded after first render (Deferred.tsx). */
import { lang } from '../common/i18n.ts';
import type { PublishedMonth } from '#shared/stats/publication';
import { DEFINITIONS } from './definitions.ts';
import { t } from './strings.ts';

export { Answers } from './Answers.tsx';
export { Charts } from './Charts.tsx';
export { DepartmentTable } from './DepartmentTable.tsx';

export function OpenData({ data }: { data: PublishedMonth }) {
  return (
    <>
      <p>{t('openDataIntro')}</p>
      <ul>
        <li>
          <a href={`/stats/${data.month}.json`}>{t('json', { m: data.month })}</a>
        </li>
        <li>
          <a href={`/stats/${data.month}.csv`} download>
            {t('csv', { m: data.month })}
          </a>
        </li>
        <li>
          <a href="/stats/index.json">{t('indexFile')}</a>
        </li>
      </ul>
      <dl class="definitions">
        {DEFINITIONS.map((d) => (
          <div key={d.term}>
            <dt>
              <code>{d.term}</code>
            </dt>
            <dd>{d[lang.value]}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
