import { describe, expect, it } from 'vitest';
import { computeMonth } from '#shared/stats/month';
import { ALL, catalog, deptA, deptB, LATER } from './fixtures.ts';

const feb = (minAnsweredForRank = 3) => computeMonth(ALL, '2026-02', { catalog, now: LATER, minAnsweredForRank });
const dept = (id: string, minAnsweredForRank?: number) => feb(minAnsweredForRank).departments.find((d) => d.id === id)!;

describe('computeMonth: one department, hand-computed', () => {
  it('counts what was received in the local month, by kind and channel, without spam', () => {
    // Arrange: A1 A2 A3 A5 A7 (petitions) and RA1 RA2 (ratings); A4, A6 are January's; A8 is spam.
    // Act
    const a = dept('dept-a');
    // Assert
    expect(a.received).toBe(7);
    expect(a.receivedByKind).toEqual({ rating: 2, pakn: 5 });
    expect(a.receivedByChannel).toEqual({ kiosk: 2, qr: 1, web: 3, phone: 1, letter: 0, counter: 0 });
  });

  it('counts answers published in the month whenever received, with working-day percentiles', () => {
    const a = dept('dept-a');
    // A1 same day = 0; A2 Saturday → Monday = 1; A3 across Tết = 1; A4 from January = 21 (late).
    expect(a.answered).toBe(4);
    expect(a.answeredOnTime).toBe(3);
    expect(a.onTimeRate).toBe(0.75);
    // Sorted [0, 1, 1, 22]: median = 2nd value, p90 = 4th value (nearest rank).
    expect(a.medianResponseWorkingDays).toBe(1);
    expect(a.p90ResponseWorkingDays).toBe(22);
  });

  it('counts ratings and the satisfaction rate', () => {
    const a = dept('dept-a');
    // 5, 4, 2, 3, 5, 1 (A8's 1 is spam).
    expect(a.ratings).toEqual({ '1': 1, '2': 1, '3': 1, '4': 1, '5': 2 });
    expect(a.satisfactionRate).toBe(3 / 6);
  });

  it('counts records open at the end of the month, and those overdue, whenever received', () => {
    const a = dept('dept-a');
    // A5 (due 25 Feb), A6 (January, due 10 Feb, answered in March), A7 (due in March).
    expect(a.openAtEnd).toBe(3);
    expect(a.openOverdue).toBe(2);
  });

  it('computes the Decision 766 petition indicators', () => {
    const { pakn } = dept('dept-a');
    // Petitions received: A1 A2 A3 A5 A7. Dissatisfied: A1 (answer rated dissatisfied; A3's service
    // rating 2 does not count). Overdue: A5. (5 − 2) ÷ 5.
    expect(pakn).toEqual({ received: 5, answered: 4, answeredOnTime: 3, onTimeRate: 0.75, dissatisfied: 1, overdue: 1, satisfactionRate: 0.6 });
  });
});

describe('computeMonth: month boundary in Asia/Ho_Chi_Minh', () => {
  it('puts 23:30 on 31 January in January and 00:15 on 1 February (UTC: 31 January) in February', () => {
    const jan = computeMonth(ALL, '2026-01', { catalog, now: LATER });
    const b = (stats: typeof jan) => stats.departments.find((d) => d.id === 'dept-b')!;
    expect(b(jan).ratings).toEqual({ '1': 0, '2': 0, '3': 0, '4': 0, '5': 1 });
    expect(b(feb()).ratings).toEqual({ '1': 0, '2': 0, '3': 0, '4': 1, '5': 0 });
    expect(b(feb()).received).toBe(2);
  });

  it('places ratings in the local hour × weekday heatmap of their counter', () => {
    const counter = feb().counters.find((c) => c.id === 'quay-b')!;
    expect(counter.ratingsByHour[0]![0]).toBe(1); // Sunday 1 Feb, 00:15 local
    expect(counter.ratingsByHour.flat().reduce((a, b) => a + b, 0)).toBe(1);
  });
});

describe('computeMonth: ranking', () => {
  it('ranks by on time ÷ (answered + open overdue) then median, and sets a department below the minimum apart', () => {
    const stats = feb(3);
    expect(stats.departments.map((d) => [d.id, d.rank, d.rankingRate])).toEqual([
      ['dept-c', 1, 1], // 3 answers, all on time, median 2
      ['dept-a', 2, 3 / 6], // 4 answers, 3 on time, and 2 open overdue at the end of February (A5, A6)
      ['dept-b', null, 1], // 1 quick answer: 100 % on time, median 0, but below the minimum
    ]);
  });

  it('uses a minimum of 10 answers by default', () => {
    const stats = computeMonth(ALL, '2026-02', { catalog, now: LATER });
    expect(stats.minAnsweredForRank).toBe(10);
    expect(stats.departments.every((d) => d.rank === null)).toBe(true);
  });
});

describe('computeMonth: totals and published answers', () => {
  it('adds every department up and reports what was excluded', () => {
    const { totals } = feb();
    expect(totals.received).toBe(7 + 2 + 3);
    expect(totals.answered).toBe(4 + 1 + 3);
    expect(totals.onTimeRate).toBe(7 / 8);
    // [0, 0, 1, 1, 2, 2, 2, 22]: median = 4th, p90 = 8th.
    expect(totals.medianResponseWorkingDays).toBe(1);
    expect(totals.p90ResponseWorkingDays).toBe(22);
    expect(totals.excluded).toEqual({ spam: 1, misuse: 0 });
  });

  it('publishes petitions answered in the month with their texts byte for byte as approved', () => {
    const { answers } = feb();
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ departmentId: 'dept-a', question: 'Đề nghị gọi lại khi có kết quả.', answer: 'Đã tiếp thu.' });
  });

  it('is about the running month as of now while it runs', () => {
    const stats = computeMonth([...deptA, ...deptB], '2026-02', { catalog, now: new Date('2026-02-24T05:00:00Z') });
    expect(stats.closed).toBe(false);
    expect(stats.asOf).toBe('2026-02-24T12:00:00+07:00');
    // A6 is overdue (due 10 Feb); A5 was received today at 09:00 and is due tomorrow.
    expect(stats.departments[0]!.openOverdue + stats.departments[1]!.openOverdue + stats.departments[2]!.openOverdue).toBe(1);
  });
});

describe('computeMonth: misuse', () => {
  it('excludes a burst of ratings from one kiosk (misuse rule) and keeps a single tap', async () => {
    const { rec } = await import('./fixtures.ts');
    const tap = (i: number, deviceId = 'kiosk-1') =>
      rec(`T${i}`, { kind: 'rating', channel: 'kiosk', dueAt: null, rating: 1, deviceId, receivedAt: `2026-02-05T10:00:0${i}+07:00` });
    const burst = [0, 1, 2, 3, 4].map((i) => tap(i));
    const honest = tap(9, 'kiosk-2');
    const stats = computeMonth([...ALL, ...burst, honest], '2026-02', { catalog, now: LATER });
    expect(stats.totals.excluded).toEqual({ spam: 1, misuse: 5 });
    expect(stats.totals.received).toBe(feb().totals.received + 1);
    expect(stats.totals.ratings['1']).toBe(feb().totals.ratings['1'] + 1);
  });
});
