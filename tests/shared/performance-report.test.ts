import { describe, expect, it } from 'vitest';
import { DEFAULT_CRITERIA } from '#shared/criteria';
import { computePerformance } from '#shared/performance';
import { performanceReportRows } from '#shared/performance-report';

const window = { month: '2026-03', asOf: '2026-03-31T23:59:59+07:00' };
const empty = computePerformance([], { departmentId: 'd', window, criteria: DEFAULT_CRITERIA, counters: new Map([['q1', 'Quầy 1']]) });

describe('performanceReportRows', () => {
  it('ends with the criteria and every definition, Vietnamese then English', () => {
    // Act
    const rows = performanceReportRows({ ...empty, department: { name: 'Sở Tư pháp' } }, DEFAULT_CRITERIA);

    // Assert
    expect(rows[1]).toEqual(['Đơn vị / Department', 'Sở Tư pháp']);
    expect(rows).toContainEqual(['Công chức giải quyết', 'The official serving']);
    const definitions = rows.slice(rows.findIndex((r) => r[0] === 'Định nghĩa / Definitions') + 1);
    expect(definitions).toContainEqual(['Quá hạn / Overdue', expect.stringMatching(/^Chưa trả lời .* \/ Open past the deadline/)]);
    expect(definitions.every((r) => r.length === 2 && String(r[0]).includes(' / '))).toBe(true);
  });

  it('lists the duty log in words when there is one', () => {
    // Arrange
    const dutyLog = [{ at: '2026-03-02T07:30:00+07:00', counter: 'Quầy 1', type: 'replaced' as const, official: 'Nguyễn Thị Lan' }];

    // Act
    const rows = performanceReportRows({ ...empty, department: { name: 'Sở Tư pháp' }, dutyLog }, DEFAULT_CRITERIA);

    // Assert
    expect(rows).toContainEqual(['2026-03-02T07:30:00+07:00', 'Quầy 1', 'Được người khác thay / Replaced by another official', 'Nguyễn Thị Lan']);
    expect(performanceReportRows({ ...empty, department: { name: 'Sở Tư pháp' } }, DEFAULT_CRITERIA)).not.toContainEqual(['Nhật ký trực quầy / Duty log']);
  });
});
