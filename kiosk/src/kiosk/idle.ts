/**
 * Idle without loss. The kiosk never resets without asking first: after a quiet period it shows
 * "are you still there?" with a countdown (ASK_MS), and only when nobody touches the screen during
 * the countdown does it go back to the start. While a form holds what the person chose or typed,
 * the quiet period is at least FORM_QUIET_MS: reading the consent notice or thinking is not leaving.
 */

/** The countdown shown before a reset (at least 20 s so an older person can react). */
export const ASK_MS = 30_000;
/** The shortest quiet period while a form holds input. */
export const FORM_QUIET_MS = 120_000;

export type IdlePhase = { kind: 'active' } | { kind: 'asking'; secondsLeft: number } | { kind: 'expired' };

/** How long the kiosk waits quietly before asking: the tablet's setting, longer while input is held. */
export function quietMs(settingMs: number, holdsInput: boolean): number {
  return holdsInput ? Math.max(settingMs, FORM_QUIET_MS) : settingMs;
}

/** Where the kiosk is after `sinceTouchMs` without a touch (pure: the page supplies the times). */
export function idlePhase(sinceTouchMs: number, quiet: number, ask = ASK_MS): IdlePhase {
  if (sinceTouchMs < quiet) return { kind: 'active' };
  if (sinceTouchMs < quiet + ask) return { kind: 'asking', secondsLeft: Math.ceil((quiet + ask - sinceTouchMs) / 1000) };
  return { kind: 'expired' };
}

/**
 * Watches touches, keys and input anywhere on the page and reports the phase once a second.
 * `quiet()` is asked on every tick, so it follows what the form holds right now.
 */
export function watchIdle(quiet: () => number, onPhase: (phase: IdlePhase) => void): { touch: () => void; stop: () => void } {
  let last = Date.now();
  const touch = () => {
    last = Date.now();
    onPhase({ kind: 'active' });
  };
  // A touch inside the prompt is answered by its own buttons (hiding it on pointerdown would eat their click).
  const listener = (event: Event) => {
    if (event.target instanceof Element && event.target.closest('[data-idle-prompt]')) last = Date.now();
    else touch();
  };
  const events = ['pointerdown', 'keydown', 'input', 'wheel'] as const;
  for (const name of events) document.addEventListener(name, listener, { capture: true, passive: true });
  const timer = setInterval(() => {
    const phase = idlePhase(Date.now() - last, quiet());
    if (phase.kind === 'expired') last = Date.now();
    onPhase(phase);
  }, 1000);
  return {
    touch,
    stop() {
      clearInterval(timer);
      for (const name of events) document.removeEventListener(name, listener, { capture: true });
    },
  };
}
