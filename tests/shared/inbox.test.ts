import { describe, expect, it } from 'vitest';
import { dueIsProvisional, matchesStatusFilter, withKnownStates, type KnownState } from '#shared/inbox';

const row = (trackingCode: string, status: KnownState['status'], departmentId = 'so-tu-phap') => ({ trackingCode, status, departmentId, comment: trackingCode });
const view = { status: 'open', departmentId: 'so-tu-phap', allDepartments: false };

describe('withKnownStates', () => {
  it('shows the status our write returned instead of a lagging index read', () => {
    const known = new Map<string, KnownState>([['A', { status: 'acknowledged', departmentId: 'so-tu-phap' }]]);

    expect(withKnownStates([row('A', 'received'), row('B', 'received')], known, view)).toEqual([row('A', 'acknowledged'), row('B', 'received')]);
  });

  it('drops rows our writes closed from the open view, and rows rerouted away from the department', () => {
    const known = new Map<string, KnownState>([
      ['A', { status: 'closed', departmentId: 'so-tu-phap' }],
      ['B', { status: 'transferred', departmentId: 'so-xay-dung' }],
    ]);

    expect(withKnownStates([row('A', 'answered'), row('B', 'acknowledged'), row('C', 'received')], known, view)).toEqual([row('C', 'received')]);
  });

  it('keeps a rerouted row in the admin’s all-departments view, with its new department', () => {
    const known = new Map<string, KnownState>([['B', { status: 'transferred', departmentId: 'so-xay-dung' }]]);

    expect(withKnownStates([row('B', 'acknowledged')], known, { ...view, allDepartments: true })).toEqual([row('B', 'transferred', 'so-xay-dung')]);
  });
});

describe('matchesStatusFilter', () => {
  it.each([
    ['received', 'open', true],
    ['closed', 'open', false],
    ['closed', 'done', true],
    ['transferred', 'done', false],
    ['spam', 'spam', true],
    ['spam', undefined, true],
  ] as const)('%s with filter %s → %s', (status, filter, expected) => {
    expect(matchesStatusFilter(status, filter)).toBe(expected);
  });
});

describe('dueIsProvisional', () => {
  it('marks a deadline counted through a year with no announced days off, and only that', () => {
    // 2026 is announced (shared/holidays.json); 2027 is not (as of this data): its Tết days are computed.
    const inAnnouncedYear = { receivedAt: '2026-11-20T09:00:00+07:00', dueAt: '2026-12-04T23:59:59+07:00' };
    const intoComputedYear = { receivedAt: '2026-12-28T09:00:00+07:00', dueAt: '2027-01-11T23:59:59+07:00' };

    expect(dueIsProvisional(inAnnouncedYear)).toBe(false);
    expect(dueIsProvisional(intoComputedYear)).toBe(true);
    expect(dueIsProvisional({ receivedAt: '2027-03-01T09:00:00+07:00', dueAt: null })).toBe(false); // nothing to answer
  });
});
