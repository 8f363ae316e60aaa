/** Calls `onIdle` after `ms` without a touch, key or input anywhere on the page. */
export function watchIdle(ms: number, onIdle: () => void): () => void {
  let last = Date.now();
  const touch = () => {
    last = Date.now();
  };
  const events = ['pointerdown', 'keydown', 'input', 'wheel'] as const;
  for (const name of events) document.addEventListener(name, touch, { capture: true, passive: true });
  const timer = setInterval(() => {
    if (Date.now() - last >= ms) {
      touch();
      onIdle();
    }
  }, Math.min(1000, ms / 4));
  return () => {
    clearInterval(timer);
    for (const name of events) document.removeEventListener(name, touch, { capture: true });
  };
}
