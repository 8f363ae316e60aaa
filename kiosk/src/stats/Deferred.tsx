/**
 * A section below the fold: its heading at once (for heading navigation and a stable outline), its
 * body — the ranking table, the charts, the answers, the definitions, all in below.tsx — only when
 * it comes near the screen, when the keyboard moves on from the summary (Tab), or when the page is
 * printed. First render then costs only the summary (Lighthouse mobile ≥ 98, docs/BENCHMARKS.md);
 * the placeholder keeps about the section's height, and a section is drawn before it scrolls into
 * view, so nothing on screen moves.
 */
import type { ComponentChildren } from 'preact';
import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { PublishedMonth } from '#shared/stats/publication';
import { lazy } from '../common/lazy.ts';
import { useLocalSignal } from './local-signal.ts';
import { t, type Key } from './strings.ts';

type Below = typeof import('./below.tsx');
const below = lazy<Below>(() => import('./below.tsx'));
/** Every section shows: the keyboard left the summary, or the page is being printed. */
const everything = signal(false);
const showEverything = () => {
  everything.value = true;
  below.start();
};
addEventListener('keydown', (e) => e.key === 'Tab' && showEverything());
addEventListener('beforeprint', showEverything);

/** How far below the screen a section starts drawing: about a flick of the thumb. */
const NEAR = '200px 0px';

/** The sections under the summary, in page order, with about the height each takes on a phone. */
const SECTIONS: { id: string; title: Key; height: string; body: keyof Below }[] = [
  { id: 'ranking', title: 'departments', height: '32rem', body: 'DepartmentTable' },
  { id: 'charts', title: 'charts', height: '90rem', body: 'Charts' },
  { id: 'answers', title: 'answers', height: '60rem', body: 'Answers' },
  { id: 'open-data', title: 'openData', height: '50rem', body: 'OpenData' },
];

export function BelowTheSummary({ data }: { data: PublishedMonth }) {
  return (
    <>
      {SECTIONS.map((section) => (
        <Deferred key={section.id} id={section.id} title={t(section.title)} height={section.height}>
          {(below) => {
            const Body = below[section.body];
            return <Body data={data} />;
          }}
        </Deferred>
      ))}
    </>
  );
}

function Deferred({ id, title, height, children }: { id: string; title: string; height: string; children: (module: Below) => ComponentChildren }) {
  const placeholder = useRef<HTMLDivElement>(null);
  const near = useLocalSignal(false);
  useEffect(() => {
    // The code comes once the summary is on screen and the browser is idle, so a scroll rarely waits for it.
    const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
    idle(below.start);
  }, []);
  useEffect(() => {
    if (!placeholder.current) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        near.value = true;
        below.start();
        observer.disconnect();
      },
      { rootMargin: NEAR },
    );
    observer.observe(placeholder.current);
    return () => observer.disconnect();
  }, []);
  const module = below.module.value;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {module && (near.value || everything.value) ? children(module) : <div ref={placeholder} class="deferred" style={{ minHeight: height }} />}
    </section>
  );
}
