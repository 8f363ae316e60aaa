/**
 * The rating flow, shared by the kiosk and the QR page: faces → reasons and procedure → comment →
 * contact (turns it into a petition) → thank-you (supplied by the page). Every step can send at once.
 * Only the faces are needed for first render; the other steps load right after (`loadSteps`).
 */
import { signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { Face } from './Face.tsx';
import type { Flow } from './model.ts';
import { t, type FlowKey } from './strings.ts';

const RATINGS = [5, 4, 3, 2, 1];

export type FlowProps = {
  flow: Flow;
  procedures: { code: string; name: string }[];
  /** The catalog's evaluation criteria (chips after the faces). */
  criteria?: { id: string; vi: string; en: string }[];
  onSend: (kind: 'rating' | 'pakn') => void;
  busy?: boolean;
  thanks: ComponentChildren;
};

const steps = signal<typeof import('./steps.tsx') | undefined>(undefined);
let loading: Promise<unknown> | undefined;
export const loadSteps = () => (loading ??= import('./steps.tsx').then((module) => (steps.value = module)));

export function FlowView(props: FlowProps) {
  const step = props.flow.step.value;
  const loaded = steps.value;
  if (step !== 'rate' && step !== 'thanks' && !loaded) void loadSteps();
  return (
    <div key={`${props.flow.round.value}-${step}`}>
      {step === 'rate' && <RateStep {...props} />}
      {step === 'details' && loaded && <loaded.DetailsStep {...props} />}
      {step === 'comment' && loaded && <loaded.CommentStep {...props} />}
      {step === 'contact' && loaded && <loaded.ContactStep {...props} />}
      {step === 'thanks' && props.thanks}
    </div>
  );
}

let firstHeading = true;

/** Moves focus to a new step's heading so screen readers announce it (not on page load). */
export function StepHeading({ children }: { children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!firstHeading) ref.current?.focus();
    firstHeading = false;
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} class="step-title">
      {children}
    </h1>
  );
}

function RateStep({ flow }: FlowProps) {
  return (
    <section>
      <StepHeading>{t('question')}</StepHeading>
      <ul class="faces">
        {RATINGS.map((value) => (
          <li key={value}>
            <button type="button" class="face" aria-pressed={flow.rating.value === value} onClick={() => flow.rate(value)}>
              <Face level={value} />
              <span>{t(`rating${value}` as FlowKey)}</span>
            </button>
          </li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" onClick={() => flow.go('comment')}>
          {t('commentOnly')}
        </button>
      </div>
    </section>
  );
}

let submitModule: Promise<typeof import('./submit.ts')> | undefined;
/** The validator and body builder (with zod/mini), fetched once right after first render. */
export const loadSubmit = () => (submitModule ??= import('./submit.ts'));
