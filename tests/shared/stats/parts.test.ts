import { describe, expect, it } from 'vitest';
import { monthCsv } from '#shared/stats/csv';
import { computeMonth } from '#shared/stats/month';
import { nearestRank } from '#shared/stats/percentile';
import { monthsToPublish, type StatsIndex } from '#shared/stats/publication';
import { rankDepartments } from '#shared/stats/rank';
import { ALL, catalog, LATER } from './fixtures.ts';

describe('nearestRank', () => {
  it('takes the ceil(p × n ÷ 100)-th smallest value', () => {
    expect(nearestRank([3, 1, 2, 4], 50)).toBe(2);
    expect(nearestRank([5], 90)).toBe(5);
    expect(nearestRank([], 50)).toBeNull();
    // 0.9 × 70 is 63.000…01 in floating point; the rank must still be 63.
    expect(nearestRank(Array.from({ length: 70 }, (_, i) => i + 1), 90)).toBe(63);
  });
});

describe('rankDepartments', () => {
  it('gives exact ties the same rank', () => {
    const d = (id: string, rankingRate: number, median: number) => ({ id, name: id, answered: 20, openOverdue: 0, rankingRate, medianResponseWorkingDays: median });
    const ranked = rankDepartments([d('a', 0.9, 2), d('b', 0.9, 2), d('c', 0.95, 3), d('d', 0.9, 1)], 10);
    expect(ranked.map((x) => [x.id, x.rank])).toEqual([['c', 1], ['d', 2], ['a', 3], ['b', 3]]);
  });
});

describe('monthCsv', () => {
  it('starts with a BOM, quotes names with commas, one row per total, department and counter', () => {
    const csv = monthCsv(computeMonth(ALL, '2026-02', { catalog, now: LATER, minAnsweredForRank: 3 }));
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(csv.startsWith('\uFEFFscope,id,name,')).toBe(true);
    expect(lines).toHaveLength(1 + 1 + 3 + 3); // header, total, departments, counters
    expect(lines.find((l) => l.startsWith('department,dept-b,'))).toMatch(/^department,dept-b,"Sở B, phường",dept-b,,2,/);
    expect(lines.find((l) => l.startsWith('department,dept-a,'))).toContain(',4,3,0.75,1,22,');
  });
});

describe('monthsToPublish', () => {
  const index = (months: [string, boolean][]): StatsIndex => ({ updatedAt: '', months: months.map(([month, closed]) => ({ month, closed }) as never) });
  const now = new Date('2026-11-01T03:00:00Z');

  it('publishes the previous and the running month by default', () => {
    expect(monthsToPublish(undefined, now, 'default')).toEqual(['2026-10', '2026-11']);
    expect(monthsToPublish(index([['2026-10', false], ['2026-09', true]]), now, 'closed')).toEqual(['2026-10']);
    expect(monthsToPublish(undefined, now, 'running')).toEqual(['2026-11']);
  });

  it('catches up months missed since the last closed one, oldest first', () => {
    expect(monthsToPublish(index([['2026-07', true]]), now, 'default')).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
  });
});
