/**
 * Library code takes the clock from its caller (issue 10): a function given `now` that reads the
 * wall clock underneath works in production and breaks the day its test's fixed date is past.
 * So in functions/lib and shared only the named entry points read it; everything else is handed `now`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
/** Where reading the wall clock is the point: one reading per request, and log lines' own time. */
const ENTRY_POINTS = new Set(['functions/lib/http.ts', 'functions/lib/log.ts']);
const WALL_CLOCK = /\bDate\.now\(\)|\bnew Date\(\s*\)/;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

describe('the wall clock', () => {
  it('is read in functions/lib and shared only by the entry points', () => {
    const offenders = [...sources('functions/lib'), ...sources('shared')]
      .filter((file) => !ENTRY_POINTS.has(file))
      .flatMap((file) =>
        readFileSync(join(ROOT, file), 'utf8')
          .split('\n')
          .map((line, i) => ({ at: `${file}:${i + 1}`, line: line.trim() }))
          .filter(({ line }) => WALL_CLOCK.test(line) && !line.startsWith('//') && !line.startsWith('*')),
      );

    expect(offenders).toEqual([]);
  });

  it('is read by a job handler once and handed down (no `now = new Date()` defaults in jobs)', () => {
    const defaults = readdirSync(join(ROOT, 'functions'))
      .filter((name) => name.endsWith('.ts'))
      .filter((name) => /[(,]\s*now(\s*:\s*Date)?\s*=\s*new Date\(\)|now\s*\?\?\s*new Date\(\)/.test(readFileSync(join(ROOT, 'functions', name), 'utf8')));

    expect(defaults).toEqual([]);
  });
});
