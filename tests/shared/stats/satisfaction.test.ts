/**
 * Decision 766 exactly: a petition's answer rated dissatisfied, or followed up, lowers its
 * department's pakn.satisfactionRate; a low service rating at the counter alone does not. And the
 * ranking counts the backlog: on time ÷ (answered + open overdue at the end of the month).
 */
import { describe, expect, it } from 'vitest';
import { computeMonth } from '#shared/stats/month';
import { rankDepartments } from '#shared/stats/rank';
import type { StatsRecord } from '#shared/stats/record';
import { catalog, LATER, rec } from './fixtures.ts';

/** Four petitions of dept-a received and answered on time in February. */
const answeredOnTime = (code: string, extra: Partial<StatsRecord> = {}) =>
  rec(code, { receivedAt: '2026-02-02T09:00:00+07:00', status: 'answered', answeredAt: '2026-02-03T09:00:00+07:00', resolvedAt: '2026-02-03T09:00:00+07:00', ...extra });
const base = () => ['P1', 'P2', 'P3', 'P4'].map((code) => answeredOnTime(code));
const paknOf = (records: StatsRecord[]) => computeMonth(records, '2026-02', { catalog, now: LATER }).departments.find((d) => d.id === 'dept-a')!.pakn;
const totalPaknOf = (records: StatsRecord[]) => computeMonth(records, '2026-02', { catalog, now: LATER }).totals.pakn;
const replace = (records: StatsRecord[], code: string, extra: Partial<StatsRecord>) => records.map((r) => (r.trackingCode === code ? { ...r, ...extra } : r));

describe('pakn.satisfactionRate (Decision 766)', () => {
  it('is 1 when every petition was answered on time and nobody complained', () => {
    expect(paknOf(base())).toMatchObject({ received: 4, dissatisfied: 0, overdue: 0, satisfactionRate: 1 });
  });

  it('drops by one petition when its answer is rated dissatisfied, per department and in total', () => {
    const records = replace(base(), 'P2', { answerRating: 'dissatisfied' });

    expect(paknOf(records)).toMatchObject({ dissatisfied: 1, satisfactionRate: 3 / 4 });
    expect(totalPaknOf(records)).toMatchObject({ dissatisfied: 1, satisfactionRate: 3 / 4 });
  });

  it('drops by one petition when a further petition about its result was sent', () => {
    expect(paknOf(replace(base(), 'P3', { followedUp: true }))).toMatchObject({ dissatisfied: 1, satisfactionRate: 3 / 4 });
  });

  it('does not move for a low service rating at the counter, nor for an answer rated acceptable', () => {
    const records = replace(replace(base(), 'P1', { rating: 1 }), 'P2', { rating: 2, answerRating: 'acceptable' });

    expect(paknOf(records)).toMatchObject({ dissatisfied: 0, satisfactionRate: 1 });
  });

  it('subtracts a petition once when it is dissatisfied, followed up and overdue', () => {
    const late = { answeredAt: '2026-02-26T09:00:00+07:00', resolvedAt: '2026-02-26T09:00:00+07:00', dueAt: '2026-02-10T23:59:59+07:00' };
    const records = replace(replace(base(), 'P1', { ...late, answerRating: 'dissatisfied', followedUp: true }), 'P4', { answerRating: 'dissatisfied' });

    expect(paknOf(records)).toMatchObject({ received: 4, dissatisfied: 2, overdue: 1, satisfactionRate: 2 / 4 });
  });

  it('counts a petition in its receipt month only', () => {
    const january = rec('J', { receivedAt: '2026-01-26T09:00:00+07:00', status: 'answered', answeredAt: '2026-02-03T09:00:00+07:00', resolvedAt: '2026-02-03T09:00:00+07:00', answerRating: 'dissatisfied' });

    expect(paknOf([...base(), january])).toMatchObject({ received: 4, dissatisfied: 0, satisfactionRate: 1 });
  });

  it('keeps the counter’s service rating in ratings and the top-level satisfactionRate', () => {
    const stats = computeMonth(replace(base(), 'P1', { rating: 1 }), '2026-02', { catalog, now: LATER });

    expect(stats.totals.ratings['1']).toBe(1);
    expect(stats.totals.satisfactionRate).toBe(0);
  });
});

describe('on-time figures count only what asks for an answer', () => {
  it('leaves a rating’s comment out of answered, on time and overdue, even when a reply was written', () => {
    const comment = rec('C', { kind: 'rating', receivedAt: '2026-02-02T09:00:00+07:00', dueAt: null, status: 'answered', answeredAt: '2026-02-20T09:00:00+07:00', resolvedAt: '2026-02-20T09:00:00+07:00' });
    const openComment = rec('D', { kind: 'rating', receivedAt: '2026-02-02T09:00:00+07:00', dueAt: null });

    const a = computeMonth([...base(), comment, openComment], '2026-02', { catalog, now: LATER }).departments.find((d) => d.id === 'dept-a')!;

    expect(a).toMatchObject({ received: 6, answered: 4, answeredOnTime: 4, openAtEnd: 0, openOverdue: 0 });
  });
});

describe('rankDepartments counts the backlog', () => {
  it('puts a department that answered 10 of 22 with 4 overdue below one that answered nearly all', () => {
    // Department x: 10 answers all on time, 4 open overdue → 10 ÷ 14. Department y: 18 of 20 on time, none overdue → 18 ÷ 20.
    const x = { id: 'x', name: 'x', answered: 10, openOverdue: 4, rankingRate: 10 / 14, medianResponseWorkingDays: 1 };
    const y = { id: 'y', name: 'y', answered: 20, openOverdue: 0, rankingRate: 18 / 20, medianResponseWorkingDays: 3 };

    expect(rankDepartments([x, y], 10).map((d) => [d.id, d.rank])).toEqual([['y', 1], ['x', 2]]);
  });

  it('ranks a department with few answers but a large overdue backlog rather than setting it apart', () => {
    const backlog = { id: 'b', name: 'b', answered: 2, openOverdue: 12, rankingRate: 2 / 14, medianResponseWorkingDays: 1 };

    expect(rankDepartments([backlog], 10)[0]!.rank).toBe(1);
  });

  it('computes the rate from the month: on time ÷ (answered + open overdue at its end)', () => {
    const overdue = rec('O', { receivedAt: '2026-02-02T09:00:00+07:00', dueAt: '2026-02-10T23:59:59+07:00' });

    const a = computeMonth([...base(), overdue], '2026-02', { catalog, now: LATER }).departments.find((d) => d.id === 'dept-a')!;

    expect([a.onTimeRate, a.rankingRate]).toEqual([1, 4 / 5]);
  });
});
