import { useEffect, useRef } from 'preact/hooks';

/** Focused when it appears, so keyboard and screen-reader users land on the news. */
export function Announce({ role, class: className, children }: { role: 'alert' | 'status'; class: string; children: preact.ComponentChildren }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div class={className} role={role} tabIndex={-1} ref={ref}>
      {children}
    </div>
  );
}
