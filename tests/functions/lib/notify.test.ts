import { afterEach, describe, expect, it } from 'vitest';
import { departmentAddress } from '#functions/lib/notify';

afterEach(() => {
  delete process.env.DEPARTMENT_ALERT_EMAIL;
});

describe('departmentAddress', () => {
  it('prefers the department’s own mailbox from the catalog', () => {
    process.env.DEPARTMENT_ALERT_EMAIL = '{departmentId}@example.gov.vn';

    expect(departmentAddress({ id: 'so-tu-phap', alertEmail: 'motcua.stp@hcm.gov.vn' })).toBe('motcua.stp@hcm.gov.vn');
  });

  it('fills DEPARTMENT_ALERT_EMAIL’s {departmentId} otherwise', () => {
    process.env.DEPARTMENT_ALERT_EMAIL = 'pakn+{departmentId}@example.gov.vn';

    expect(departmentAddress({ id: 'so-xay-dung' })).toBe('pakn+so-xay-dung@example.gov.vn');
  });

  it('has no address when neither is configured: only the inbox shows it', () => {
    expect(departmentAddress({ id: 'so-xay-dung' })).toBeUndefined();
  });
});
