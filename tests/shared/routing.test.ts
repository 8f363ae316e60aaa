import { describe, expect, it } from 'vitest';
import { indexCatalog, TRIAGE_DEPARTMENT_ID } from '#shared/catalog';
import { departmentInMonth, routeFeedback } from '#shared/routing';

const catalog = indexCatalog({
  departments: [
    { id: 'so-tu-phap', name: 'Sở Tư pháp', answerSlaWorkingDays: 10 },
    { id: 'ubnd-phuong', name: 'UBND phường', answerSlaWorkingDays: 5 },
  ],
  counters: [
    { id: 'quay-1', name: 'Quầy 1', departmentId: 'ubnd-phuong', procedureCodes: ['2.001417'] },
    { id: 'quay-mo-coi', name: 'Quầy cũ', departmentId: 'da-giai-the', procedureCodes: [] },
  ],
  procedures: [{ code: '2.001417', name: 'Cấp Phiếu lý lịch tư pháp', departmentId: 'so-tu-phap' }],
});
const at = '2026-10-01T09:00:00+07:00';

describe('routing', () => {
  it('sends an item to the department that owns its procedure, even from another counter', () => {
    expect(routeFeedback({ counterId: 'quay-1', procedureCode: '2.001417' }, catalog, at)).toMatchObject({ to: 'so-tu-phap', rule: 'procedure', by: 'system', at });
  });

  it('falls back to the counter’s department', () => {
    expect(routeFeedback({ counterId: 'quay-1' }, catalog, at)).toMatchObject({ to: 'ubnd-phuong', rule: 'counter' });
  });

  it('falls back to the central triage queue when no owner is known', () => {
    expect(routeFeedback({ counterId: 'quay-mo-coi' }, catalog, at)).toMatchObject({ to: TRIAGE_DEPARTMENT_ID, rule: 'triage' });
  });
});

describe('departmentInMonth', () => {
  const record = {
    departmentId: 'so-xay-dung',
    routing: [
      { at: '2026-09-15T10:00:00+07:00', by: 'system', to: 'so-tu-phap', rule: 'counter' as const, reason: 'quầy' },
      // 23:30 local on 31 October is already 1 November in UTC: it still belongs to October.
      { at: '2026-10-31T23:30:00+07:00', by: 'tuphap.lan', from: 'so-tu-phap', to: 'so-xay-dung', rule: 'manual' as const, reason: 'thẩm quyền' },
    ],
  };

  it('counts a record for the department that owned it at the end of each month', () => {
    expect(['2026-09', '2026-10', '2026-11'].map((month) => departmentInMonth(record, month))).toEqual(['so-tu-phap', 'so-xay-dung', 'so-xay-dung']);
  });

  it('falls back to the current department for a record without routing history', () => {
    expect(departmentInMonth({ departmentId: 'so-tai-chinh' }, '2026-09')).toBe('so-tai-chinh');
  });
});
