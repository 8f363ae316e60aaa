/**
 * Length limits of what citizens type, in one small module without zod: the API's schemas check
 * them and the pages show them (counters, hints) before they bite, from the same numbers.
 */
export const MAX_COMMENT = 4000;
export const MAX_NAME = 120;
export const MAX_ADDRESS = 300;
export const MAX_EMAIL = 254;
export const MAX_PHONE = 20;

/**
 * A Vietnamese phone number in any of its usual written forms, as the digits to dial from Vietnam
 * ("0" + 9 digits for a mobile, "0" + 10 for a landline with its area code), or undefined.
 * Accepts spaces, dots, dashes and parentheses between digits ("(028) 3829 1234", "0912.345.678"),
 * and +84 / 84 with or without the trunk 0 ("+84 (0) 28 3829 1234").
 */
export function phoneDigits(written: string): string | undefined {
  if (written.length > MAX_PHONE || !/^\+?[\d ().-]+$/.test(written)) return undefined;
  let digits = written.replace(/[ ().-]/g, '');
  if (digits.startsWith('+84')) digits = '0' + digits.slice(3);
  else if (digits.startsWith('84') && digits.length >= 11 && !digits.startsWith('840')) digits = '0' + digits.slice(2);
  if (digits.startsWith('00')) digits = digits.slice(1); // "+84 (0) 28 …": the trunk 0 written twice
  return /^0[1-9]\d{8,9}$/.test(digits) ? digits : undefined;
}
