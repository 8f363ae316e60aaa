import { expect, test } from 'vitest';
import { hotlineOf, indexCatalog, TRIAGE_DEPARTMENT_ID, type Department } from '#shared/catalog';

const department = (id: string, publicPhone?: string): Department => ({ id, name: id, answerSlaWorkingDays: 10, ...(publicPhone ? { publicPhone } : {}) });
const departments = indexCatalog({
  departments: [department(TRIAGE_DEPARTMENT_ID, '028 3822 6688'), department('so-tu-phap', '024 3825 3536'), department('so-xay-dung')],
  counters: [],
  procedures: [],
}).departments;

test("a poster's number is its department's own hotline when it publishes one", () => {
  expect(hotlineOf(departments, 'so-tu-phap')).toBe('024 3825 3536');
});

test("else the centre's (the triage department's), also for a department no longer in the catalog", () => {
  expect(hotlineOf(departments, 'so-xay-dung')).toBe('028 3822 6688');
  expect(hotlineOf(departments, 'da-giai-the')).toBe('028 3822 6688');
});

test('no number at all when neither publishes one', () => {
  const bare = indexCatalog({ departments: [department(TRIAGE_DEPARTMENT_ID), department('so-xay-dung')], counters: [], procedures: [] }).departments;

  expect(hotlineOf(bare, 'so-xay-dung')).toBeUndefined();
});
