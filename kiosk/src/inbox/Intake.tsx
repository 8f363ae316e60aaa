/**
 * "Nhập phản ánh, kiến nghị": officials enter what came by phone, letter or in person (POST
 * /api/inbox/intake). One Idempotency-Key per opened form, so a double click or a resend after a
 * network error never enters the same petition twice.
 */
import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { CHANNEL_LABELS, errorSentence, KIND_LABELS, labelOf } from '#shared/labels';
import { INTAKE_CHANNELS, KINDS, PROCEDURE_CODE } from '#shared/schemas';
import { localDayOf } from '#shared/time';
import { lang } from '../common/i18n.ts';
import { td } from './daily-strings.ts';
import { call, counters, flash, loadList, select } from './model.ts';

export const intakeOpen = signal(false);
const newKey = () => `intake-${crypto.randomUUID()}`;

type Procedure = { code: string; name: string };

// The form's state as signals (one form at a time): the pages share one small framework chunk.
const procedures = signal<Procedure[]>([]);
const busy = signal(false);
const error = signal<string | undefined>(undefined);

/** Procedures matching what was typed, for the datalist (the catalog search ignores diacritics). */
let lookup: ReturnType<typeof setTimeout> | undefined;
function findProcedures(typed: string) {
  clearTimeout(lookup);
  const q = typed.split(' — ')[0]!.trim();
  if (q.length < 2) return void (procedures.value = []);
  lookup = setTimeout(async () => {
    const result = await call<Procedure[]>(`/api/procedures?q=${encodeURIComponent(q)}`);
    if (result.ok) procedures.value = result.data.slice(0, 20);
  }, 200);
}

export function IntakeButton() {
  return (
    <button type="button" class="primary intake-open" aria-expanded={intakeOpen.value} onClick={() => (intakeOpen.value = !intakeOpen.value)}>
      {td('intakeOpen')}
    </button>
  );
}

export function IntakeForm() {
  const key = useRef(newKey());
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    error.value = undefined;
    heading.current?.focus();
  }, []);
  const today = localDayOf(new Date());
  const l = lang.value;

  const submit = async (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    const consentForm = value('consentForm');
    const code = value('procedure')?.split(' — ')[0]?.trim();
    const day = value('receivedOn');
    const body = {
      channel: value('channel'),
      kind: value('kind'),
      counterId: value('counterId'),
      comment: value('comment'),
      procedureCode: code && PROCEDURE_CODE.test(code) ? code : undefined,
      dossierNumber: value('dossierNumber'),
      contact: value('name') ? { name: value('name'), phone: value('phone'), email: value('email'), address: value('address') } : undefined,
      consent: consentForm === 'oral' || consentForm === 'written',
      consentForm: consentForm === 'none' ? undefined : consentForm,
      // A day before today: received at noon that day (the deadline counts from the local day).
      receivedAt: day && day < today ? `${day}T12:00:00+07:00` : undefined,
    };
    busy.value = true;
    error.value = undefined;
    const result = await call<{ trackingCode: string }>('/api/inbox/intake', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key.current },
      body: JSON.stringify(body),
    });
    busy.value = false;
    if (!result.ok) return void (error.value = td('failed', { message: errorSentence(result.error.code, lang.value) }));
    key.current = newKey();
    intakeOpen.value = false;
    await loadList();
    await select(result.data.trackingCode);
    flash.value = { tone: 'ok', text: td('saved', { code: result.data.trackingCode }) };
  };

  return (
    <form class="intake action-form" onSubmit={(e) => void submit(e)} aria-labelledby="intake-title">
      <h2 id="intake-title" tabIndex={-1} ref={heading}>{td('intakeTitle')}</h2>
      <p class="hint">{td('intakeIntro')}</p>
      {error.value && <p class="notice bad" role="alert">{error.value}</p>}
      <div class="intake-grid">
        <div class="field">
          <label for="in-channel">{td('channel')}</label>
          <select id="in-channel" name="channel" required>
            {INTAKE_CHANNELS.map((c) => <option value={c} key={c}>{labelOf(CHANNEL_LABELS, c, l)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="in-kind">{td('kind')}</label>
          <select id="in-kind" name="kind">
            {[...KINDS].reverse().map((k) => <option value={k} key={k}>{labelOf(KIND_LABELS, k, l)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="in-counter">{td('counter')}</label>
          <select id="in-counter" name="counterId" required>
            {counters.value.map((c) => <option value={c.id} key={c.id}>{c.name}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="in-day">{td('receivedOn')}</label>
          <input id="in-day" name="receivedOn" type="date" defaultValue={today} max={today} required />
        </div>
      </div>
      <div class="field">
        <label for="in-procedure">{td('procedure')}</label>
        <input id="in-procedure" name="procedure" list="in-procedures" autoComplete="off" onInput={(e) => findProcedures(e.currentTarget.value)} aria-describedby="in-procedure-hint" />
        <datalist id="in-procedures">
          {procedures.value.map((p) => <option value={`${p.code} — ${p.name}`} key={p.code} />)}
        </datalist>
        <p class="hint" id="in-procedure-hint">{td('procedureHint')}</p>
      </div>
      <div class="field">
        <label for="in-dossier">{td('dossierNumber')}</label>
        <input id="in-dossier" name="dossierNumber" maxLength={60} autoComplete="off" />
      </div>
      <div class="field">
        <label for="in-comment">{td('comment')}</label>
        <textarea id="in-comment" name="comment" required maxLength={4000} />
      </div>
      <fieldset>
        <legend>{td('contactHint')}</legend>
        <div class="intake-grid">
          <div class="field"><label for="in-name">{td('name')}</label><input id="in-name" name="name" maxLength={120} autoComplete="off" /></div>
          <div class="field"><label for="in-phone">{td('phone')}</label><input id="in-phone" name="phone" type="tel" inputMode="tel" maxLength={20} autoComplete="off" /></div>
          <div class="field"><label for="in-email">{td('email')}</label><input id="in-email" name="email" type="email" maxLength={254} autoComplete="off" /></div>
          <div class="field"><label for="in-address">{td('address')}</label><input id="in-address" name="address" maxLength={300} autoComplete="off" /></div>
        </div>
      </fieldset>
      <fieldset>
        <legend>{td('consent')}</legend>
        {(['none', 'oral', 'written'] as const).map((c) => (
          <label class="check" key={c}>
            <input type="radio" name="consentForm" value={c} defaultChecked={c === 'none'} /> {td(`consent_${c}`)}
          </label>
        ))}
      </fieldset>
      <div class="actions">
        <button class="primary" type="submit" disabled={busy.value}>{busy.value ? td('saving') : td('save')}</button>
        <button type="button" onClick={() => (intakeOpen.value = false)}>{td('cancel')}</button>
      </div>
    </form>
  );
}
