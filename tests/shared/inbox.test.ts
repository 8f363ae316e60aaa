import { describe, expect, it } from 'vitest';
import { matchesStatusFilter, withKnownStates, type KnownState } from '#shared/inbox';

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
