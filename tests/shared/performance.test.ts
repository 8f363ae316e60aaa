import { describe, expect, it } from 'vitest';
import { DEFAULT_CRITERIA } from '#shared/criteria';
import { computePerformance, wilson, type PerformanceRecord } from '#shared/performance';

const rating = (rating: number, extra: Partial<PerformanceRecord> = {}): PerformanceRecord => ({
  trackingCode: `GY-${Math.random()}`, kind: 'rating', channel: 'kiosk', status: 'received', counterId: 'q1', departmentId: 'd',
  rating, receivedAt: '2026-03-02T09:00:00+07:00', dueAt: null, ...extra,
});
const options = { departmentId: 'd', window: { month: '2026-03', asOf: '2026-03-31T23:59:59+07:00' }, criteria: DEFAULT_CRITERIA, counters: new Map([['q1', 'Quầy 1']]), minRatings: 3 };

describe('performance', () => {
  it('Wilson interval: known values, and none without data', () => {
    const [lo, hi] = wilson(8, 10)!;
    expect(lo).toBeCloseTo(0.4902, 3);
    expect(hi).toBeCloseTo(0.9433, 3);
    expect(wilson(0, 0)).toBeNull();
    expect(wilson(5, 5)![1]).toBe(1);
  });

  it('shows a rate only from the minimum count, and counts petitions per assignee', () => {
    const records = [
      rating(5, { officialId: 'a', officialName: 'An' }),
      rating(4, { officialId: 'a', officialName: 'An' }),
      rating(1, { officialId: 'a', officialName: 'An', reasons: ['official'] }),
      rating(5, { officialId: 'b', officialName: 'Bình' }),
      { ...rating(3), kind: 'pakn' as const, assignee: 'a', dueAt: '2026-03-10T23:59:59+07:00' },
    ];
    const view = computePerformance(records, options);
    const an = view.officials.find((o) => o.officialId === 'a')!;
    expect(an).toMatchObject({ ratings: 3, satisfied: 2, satisfaction: 2 / 3, low: 1, petitions: { assigned: 1, open: 1, overdue: 1 } });
    expect(an.lowCriteria).toEqual([{ id: 'official', vi: 'Công chức giải quyết', en: 'The official serving', count: 1 }]);
    expect(view.officials.find((o) => o.officialId === 'b')).toMatchObject({ ratings: 1, satisfaction: null, interval: null });
    expect(view.unattributed).toMatchObject({ ratings: 1 });
  });

  it("an official's own view holds only their row, no counters", () => {
    const view = computePerformance([rating(5, { officialId: 'a', officialName: 'An' }), rating(1, { officialId: 'b', officialName: 'Bình' })], {
      ...options,
      onlyOfficial: { id: 'b', username: 'binh' },
    });
    expect(view.officials.map((o) => o.officialId)).toEqual(['b']);
    expect(view.counters).toEqual([]);
    expect(view.unattributed).toBeNull();
  });

  it("counts an official's petitions carried over from earlier months, but only the month's own ratings", () => {
    // Arrange: a February petition still open in March, one answered in March, and a February rating.
    const petition = (extra: Partial<PerformanceRecord>): PerformanceRecord => ({
      ...rating(3), kind: 'pakn', assignee: 'a', receivedAt: '2026-02-20T09:00:00+07:00', dueAt: '2026-03-06T23:59:59+07:00', ...extra,
    });
    const records = [
      petition({ status: 'in_progress' }),
      petition({ status: 'answered', answeredAt: '2026-03-05T10:00:00+07:00', resolvedAt: '2026-03-05T10:00:00+07:00' }),
      rating(1, { officialId: 'a', officialName: 'An', receivedAt: '2026-02-27T09:00:00+07:00' }),
    ];
    // Act
    const view = computePerformance(records, options);
    // Assert
    const an = view.officials.find((o) => o.officialId === 'a')!;
    expect(an.petitions).toEqual({ assigned: 2, open: 1, overdue: 1, answered: 1, answeredOnTime: 1 });
    expect(an.ratings).toBe(0);
    expect(view.trend).toEqual([]);
  });
});
