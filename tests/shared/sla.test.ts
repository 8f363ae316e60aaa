import { describe, expect, it } from 'vitest';
import { slaBadge } from '#shared/sla';

// Wednesday 11 March 2026, 10:00 local.
const NOW = '2026-03-11T10:00:00+07:00';

describe('slaBadge (working days)', () => {
  it('counts working days left, skipping the weekend', () => {
    expect(slaBadge('2026-03-13T23:59:59+07:00', NOW)).toMatchObject({ state: 'soon', workingDays: 2, vi: 'còn 2 ngày' });
    expect(slaBadge('2026-03-16T23:59:59+07:00', NOW)).toMatchObject({ state: 'ok', workingDays: 3, vi: 'còn 3 ngày' });
  });
  it('due today', () => {
    expect(slaBadge('2026-03-11T23:59:59+07:00', NOW)).toMatchObject({ state: 'today', vi: 'hạn hôm nay' });
  });
  it('overdue in working days', () => {
    expect(slaBadge('2026-03-06T23:59:59+07:00', NOW)).toMatchObject({ state: 'overdue', workingDays: -3, vi: 'quá hạn 3 ngày' });
  });
  it('paused while waiting for the citizen; nothing for done work or bare ratings', () => {
    expect(slaBadge('2026-03-06T23:59:59+07:00', NOW, { paused: true }).state).toBe('paused');
    expect(slaBadge('2026-03-06T23:59:59+07:00', NOW, { done: true }).state).toBe('none');
    expect(slaBadge(null, NOW).state).toBe('none');
  });
});
