/** `/inbox`: sign-in, then list + detail side by side, Vietnamese first. */
import { signal } from '@preact/signals';
import { ALL_DEPARTMENTS } from '#shared/catalog';
import { LangToggle } from '../common/LangToggle.tsx';
import { session, signIn, signInError, signOut } from './auth.ts';
import { DetailPane } from './Detail.tsx';
import { IntakeButton, IntakeForm, intakeOpen } from './Intake.tsx';
import { Filters, List } from './List.tsx';
import { Views } from './Views.tsx';
import { DutyBar, inboxView, ViewTabs } from './Duty.tsx';
import { PerformancePanel } from './Performance.tsx';
import { alerts, departmentId, me, setDepartment } from './model.ts';
import { t } from './strings.ts';

/** `signing-in` while the code is exchanged on /inbox/callback. */
export const phase = signal<'signed-out' | 'signing-in' | 'ready'>(session.value ? 'ready' : 'signed-out');

function SignIn() {
  return (
    <main id="main" class="page signin">
      <h1>{t('title')}</h1>
      <p>{t('signInIntro')}</p>
      {signInError.value && <p class="notice bad" role="alert">{signInError.value}</p>}
      <button class="primary" type="button" onClick={() => void signIn()}>{t('signIn')}</button>
    </main>
  );
}

function Alerts() {
  if (!alerts.value.length) return null;
  return (
    <section class="notice warn alerts" role="status" aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t('alerts')}</h2>
      <ul>
        {alerts.value.map((a) => (
          <li key={a.counterId}>
            {t('alert', { counter: a.counterName, pct: Math.round(a.satisfied * 100), days: a.windowDays, count: a.count, threshold: Math.round(a.threshold * 100) })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Header() {
  const official = me.value?.official;
  const departments = me.value?.departments ?? [];
  return (
    <header class="topbar">
      <span class="brand">{t('title')}</span>
      {departments.length > 1 || official?.admin ? (
        <label class="dept">
          {t('department')}{' '}
          <select value={departmentId.value} onChange={(e) => setDepartment(e.currentTarget.value)}>
            {official?.admin && <option value={ALL_DEPARTMENTS}>{t('allDepartments')}</option>}
            {departments.map((d) => (
              <option value={d.id} key={d.id}>{d.name}</option>
            ))}
          </select>
        </label>
      ) : (
        <span class="dept">{departments[0]?.name}</span>
      )}
      <span class="who">
        {official && t('signedInAs', { name: official.username })}
        {official?.admin && ` (${t('admin')})`}
      </span>
      <LangToggle />
      <button type="button" onClick={() => void signOut()}>{t('signOut')}</button>
    </header>
  );
}

export function InboxApp() {
  if (phase.value === 'signing-in') return <p class="page" role="status">{t('signingIn')}</p>;
  if (phase.value === 'signed-out' || !session.value) return <SignIn />;
  return (
    <>
      <a class="skip" href="#list">{t('skip')}</a>
      <Header />
      <main id="main" class="inbox">
        <h1 class="sr-only">{t('title')}</h1>
        <Alerts />
        <DutyBar />
        <ViewTabs />
        {inboxView.value === 'performance' ? (
          <PerformancePanel />
        ) : (
          <>
            <div class="toolbar"><IntakeButton /></div>
            {intakeOpen.value && <IntakeForm />}
            <Filters />
            <Views />
            <p class="hint shortcuts">{t('shortcuts')}</p>
            <div class="panes">
              <List />
              <DetailPane />
            </div>
          </>
        )}
      </main>
    </>
  );
}
