/**
 * "Are you still there?": large, in the middle of the screen, with the seconds left before the
 * kiosk starts over for the next person. Any touch keeps everything as it is.
 */
import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { IdlePhase } from './idle.ts';
import { t } from './strings.ts';

export const idlePhaseNow = signal<IdlePhase>({ kind: 'active' });

/** Only a change of kind or of the seconds shown re-renders (touches arrive many times a second). */
export function setIdlePhase(phase: IdlePhase) {
  const current = idlePhaseNow.value;
  const same = current.kind === phase.kind && (phase.kind !== 'asking' || (current.kind === 'asking' && current.secondsLeft === phase.secondsLeft));
  if (!same) idlePhaseNow.value = phase;
}

export function IdlePrompt({ onStay, onStartOver }: { onStay: () => void; onStartOver: () => void }) {
  const phase = idlePhaseNow.value;
  const ref = useRef<HTMLButtonElement>(null);
  const asking = phase.kind === 'asking';
  useEffect(() => {
    if (asking) ref.current?.focus();
  }, [asking]);
  if (phase.kind !== 'asking') return null;
  return (
    <div class="idle-backdrop" data-idle-prompt>
      <div class="idle-prompt" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-count">
        <h2 id="idle-title">{t('stillThere')}</h2>
        <p id="idle-count" class="idle-count" aria-live="polite">
          {t('stillThereCount', { n: phase.secondsLeft })}
        </p>
        <div class="actions center">
          <button type="button" class="primary big" ref={ref} onClick={onStay}>
            {t('stay')}
          </button>
          <button type="button" class="big" onClick={onStartOver}>
            {t('startOver')}
          </button>
        </div>
      </div>
    </div>
  );
}
