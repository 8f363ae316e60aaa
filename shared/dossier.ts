/**
 * Dossier numbers (mã hồ sơ) as one-stop systems print them on the receipt, e.g.
 * `000.00.15.H29-261110-0042`: the receiving agency's code (dotted groups), the day of receipt
 * (YYMMDD) and a sequence number. Agencies' codes vary in length, so the first part is loose;
 * the day must be a real date. Pure and without zod: the citizen pages use it in the first chunk.
 */
export const DOSSIER_NUMBER = /^[0-9A-Z]{1,4}(\.[0-9A-Z]{1,4}){1,5}-(\d{2})(\d{2})(\d{2})-\d{3,6}$/;
/** The same, anywhere in a text (a receipt's QR may hold a lookup URL rather than the bare number). */
const IN_TEXT = /[0-9A-Z]{1,4}(?:\.[0-9A-Z]{1,4}){1,5}-\d{6}-\d{3,6}/g;

/** Upper case, spaces removed: what people type from a receipt (`000.00.15.h29 - 261110 - 0042`). */
export const normalizeDossierNumber = (text: string) => text.normalize('NFC').toUpperCase().replace(/\s+/g, '');

export function isDossierNumber(text: string): boolean {
  const match = DOSSIER_NUMBER.exec(text);
  if (!match) return false;
  const [, , yy, mm, dd] = match;
  const month = Number(mm);
  const day = Number(dd);
  // Day of month checked against the month's length (year 20YY).
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2000 + Number(yy), month, 0)).getUTCDate();
}

/** The dossier number in a scanned QR code's text (the first valid one), or undefined. */
export function dossierFromQr(text: string): string | undefined {
  return normalizeDossierNumber(text).match(IN_TEXT)?.find(isDossierNumber);
}
