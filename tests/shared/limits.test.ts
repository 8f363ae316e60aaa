/** Phone numbers as people write them, and the limits the pages show. */
import { describe, expect, test } from 'vitest';
import { phoneDigits } from '#shared/limits';
import { contactSchema } from '#shared/schemas';

describe('phone numbers', () => {
  test.each([
    ['(028) 3829 1234', '02838291234'],
    ['028 3829 1234', '02838291234'],
    ['028.3829.1234', '02838291234'],
    ['0912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['0912-345-678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['+84 (0) 28 3829 1234', '02838291234'],
    ['84912345678', '0912345678'],
    ['(0236) 382 1234', '02363821234'],
  ])('%s is accepted as %s', (written, digits) => {
    expect(phoneDigits(written)).toBe(digits);
    expect(contactSchema.safeParse({ name: 'An', phone: written }).success).toBe(true);
  });

  test.each(['12345', '0912 345', '0912 345 678 999', 'số 0912345678', '0012345678', '+1 415 555 0100', '(028) 3829 1234 ext 5'])('%s is refused', (written) => {
    expect(phoneDigits(written)).toBeUndefined();
    expect(contactSchema.safeParse({ name: 'An', phone: written }).success).toBe(false);
  });
});
