/** The optional steps after the faces, loaded right after first render (not needed to show the faces). */
import { MAX_ADDRESS, MAX_COMMENT, MAX_EMAIL, MAX_NAME, MAX_PHONE } from '#shared/limits';
import { LEGACY_REASONS } from '#shared/criteria';
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { lang } from '../i18n.ts';
import { Counter } from './Counter.tsx';
import { ProcedurePicker } from './ProcedurePicker.tsx';
import type { Flow } from './model.ts';
import { t, type StepKey } from './step-strings.ts';
import { StepHeading, type FlowProps } from './FlowView.tsx';

// The counter's evaluation criteria come with GET /api/counters/{id}; a counter cached by an older
// version has none, so the earlier chips stay.

function Errors({ flow }: { flow: Flow }) {
  const count = Object.keys(flow.errors.value).length;
  return (
    <p role="alert" class="error">
      {count ? t('fixErrors', { n: count }) : ''}
    </p>
  );
}

function FieldError({ flow, path }: { flow: Flow; path: string }) {
  const key = flow.errors.value[path];
  return key ? (
    <p class="error" id={`err-${path.replace(/\W/g, '-')}`}>
      {t(key as StepKey)}
    </p>
  ) : null;
}

function Footer(props: { primary: string; onPrimary: () => void; secondary?: string; onSecondary?: () => void; onBack: () => void; busy?: boolean }) {
  return (
    <div class="actions step-actions">
      <button type="button" class="primary big" onClick={props.onPrimary} disabled={props.busy}>
        {props.primary}
      </button>
      {props.secondary && (
        <button type="button" class="big" onClick={props.onSecondary} disabled={props.busy}>
          {props.secondary}
        </button>
      )}
      <button type="button" class="back" onClick={props.onBack}>
        ← {t('back')}
      </button>
    </div>
  );
}

const scanner = signal<typeof import('./scan.tsx') | undefined>(undefined);
const scanning = signal(false);

/** Mã hồ sơ: typed, or read from the receipt's QR code (the scanner loads on "Quét mã" only). */
function DossierField({ flow }: { flow: Flow }) {
  const invalid = Boolean(flow.errors.value['dossierNumber']);
  const Scanner = scanner.value?.Scanner;
  // The next person (kiosk) never finds the camera open: leaving the step closes it.
  useEffect(() => () => void (scanning.value = false), []);
  return (
    <div class="field">
      <label for="dossier">{t('dossier')}</label>
      <p class="hint" id="dossier-hint">{t('dossierHint')}</p>
      <input
        id="dossier"
        autocomplete="off"
        autocapitalize="characters"
        spellcheck={false}
        maxLength={60}
        aria-describedby="dossier-hint err-dossierNumber"
        aria-invalid={invalid}
        value={flow.dossierNumber.value}
        onInput={(e) => (flow.dossierNumber.value = e.currentTarget.value)}
      />
      <FieldError flow={flow} path="dossierNumber" />
      <button type="button" aria-expanded={scanning.value} onClick={() => void import('./scan.tsx').then((module) => ((scanner.value = module), (scanning.value = true)))}>
        {t('scan')}
      </button>
      {scanning.value && Scanner && (
        <Scanner
          onCode={(code) => {
            flow.dossierNumber.value = code;
            scanning.value = false;
            document.getElementById('dossier')?.focus();
          }}
          onClose={() => (scanning.value = false)}
        />
      )}
    </div>
  );
}

export function DetailsStep({ flow, procedures, criteria, onSend, busy }: FlowProps) {
  return (
    <section>
      <StepHeading>{t('detailsTitle')}</StepHeading>
      <p class="hint" id="reasons-hint">{t('detailsHint')}</p>
      <div class="chips" role="group" aria-describedby="reasons-hint">
        {(criteria ?? LEGACY_REASONS).map((c) => (
          <button type="button" key={c.id} class="chip" aria-pressed={flow.reasons.value.includes(c.id)} onClick={() => flow.toggleReason(c.id)}>
            {c[lang.value]}
          </button>
        ))}
      </div>
      {procedures.length > 0 && <ProcedurePicker flow={flow} procedures={procedures} />}
      <DossierField flow={flow} />
      <Errors flow={flow} />
      <Footer primary={t('send')} onPrimary={() => onSend('rating')} secondary={t('more')} onSecondary={() => flow.go('comment')} onBack={() => flow.go('rate')} busy={busy} />
    </section>
  );
}

export function CommentStep({ flow, onSend, busy }: FlowProps) {
  const invalid = Boolean(flow.errors.value['comment'] ?? flow.errors.value['rating|comment']);
  return (
    <section>
      <StepHeading>{t('commentTitle')}</StepHeading>
      <div class="field">
        <label for="comment">{t('commentLabel')}</label>
        <p class="hint" id="comment-hint">{t(flow.rating.value === undefined ? 'commentHintRequired' : 'commentHint', { max: MAX_COMMENT })}</p>
        <textarea
          id="comment"
          maxLength={MAX_COMMENT}
          rows={5}
          aria-describedby="comment-hint comment-count err-comment err-rating-comment"
          aria-invalid={invalid}
          value={flow.comment.value}
          onInput={(e) => (flow.comment.value = e.currentTarget.value)}
        />
        <Counter id="comment-count" length={flow.comment.value.length} max={MAX_COMMENT} />
        <FieldError flow={flow} path="comment" />
        <FieldError flow={flow} path="rating|comment" />
      </div>
      <Errors flow={flow} />
      <Footer
        primary={t('send')}
        onPrimary={() => onSend('rating')}
        secondary={t('wantAnswer')}
        onSecondary={() => flow.go('contact')}
        onBack={() => flow.go(flow.rating.value ? 'details' : 'rate')}
        busy={busy}
      />
    </section>
  );
}

const MAX_LENGTH = { name: MAX_NAME, phone: MAX_PHONE, email: MAX_EMAIL, address: MAX_ADDRESS };
/** Fields long enough for a person to reach the limit show a counter; the others only stop at it. */
const COUNTED = new Set(['name', 'address']);

function TextField({ flow, path, label, type = 'text', autocomplete }: { flow: Flow; path: 'name' | 'phone' | 'email' | 'address'; label: string; type?: string; autocomplete: string }) {
  const errorPath = `contact.${path}`;
  const counted = COUNTED.has(path);
  const either = path === 'phone' || path === 'address' ? flow.errors.value['contact.phone|contact.address'] : undefined;
  return (
    <div class="field">
      <label for={`contact-${path}`}>{label}</label>
      <input
        id={`contact-${path}`}
        type={type}
        autoComplete={autocomplete}
        inputMode={path === 'phone' ? 'tel' : undefined}
        aria-invalid={Boolean(flow.errors.value[errorPath] ?? either)}
        aria-describedby={`err-contact-${path}${counted ? ` count-${path}` : ''}`}
        maxLength={MAX_LENGTH[path]}
        value={flow[path].value}
        onInput={(e) => (flow[path].value = e.currentTarget.value)}
      />
      {counted && <Counter id={`count-${path}`} length={flow[path].value.length} max={MAX_LENGTH[path]} />}
      <FieldError flow={flow} path={errorPath} />
    </div>
  );
}

export function ContactStep({ flow, onSend, busy }: FlowProps) {
  return (
    <section>
      <StepHeading>{t('contactTitle')}</StepHeading>
      <p class="notice">{t('contactHint')}</p>
      {flow.errors.value['comment'] && (
        <p class="error">
          {t('err.comment')}{' '}
          <button type="button" onClick={() => flow.go('comment')}>
            {t('commentLabel')}
          </button>
        </p>
      )}
      <TextField flow={flow} path="name" label={t('name')} autocomplete="name" />
      <TextField flow={flow} path="phone" label={t('phone')} type="tel" autocomplete="tel" />
      <TextField flow={flow} path="address" label={t('address')} autocomplete="street-address" />
      <FieldError flow={flow} path="contact.phone|contact.address" />
      <TextField flow={flow} path="email" label={t('email')} type="email" autocomplete="email" />
      <div class="field consent">
        <input id="consent" type="checkbox" checked={flow.consent.value} aria-invalid={Boolean(flow.errors.value['consent'])} aria-describedby="err-consent" onChange={(e) => (flow.consent.value = e.currentTarget.checked)} />
        <label for="consent">{t('consentText')}</label>
      </div>
      <FieldError flow={flow} path="consent" />
      <div class="field consent">
        <input id="allow-publication" type="checkbox" checked={flow.allowPublication.value} onChange={(e) => (flow.allowPublication.value = e.currentTarget.checked)} />
        <label for="allow-publication">{t('allowPublicationText')}</label>
      </div>
      <Errors flow={flow} />
      <Footer primary={t('sendPetition')} onPrimary={() => onSend('pakn')} secondary={t('skipToSend')} onSecondary={() => onSend('rating')} onBack={() => flow.go('comment')} busy={busy} />
    </section>
  );
}
