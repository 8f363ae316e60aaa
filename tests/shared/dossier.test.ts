import { describe, expect, it } from 'vitest';
import { dossierFromQr, isDossierNumber, normalizeDossierNumber } from '#shared/dossier';
import { feedbackInputSchema } from '#shared/schemas';

describe('dossier numbers', () => {
  it('accepts the receipt format and refuses lookalikes', () => {
    expect(isDossierNumber('000.00.15.H29-261110-0042')).toBe(true);
    expect(isDossierNumber('G01.123-260228-000123')).toBe(true);
    expect(isDossierNumber('000.00.15.H29-261310-0042')).toBe(false); // month 13
    expect(isDossierNumber('000.00.15.H29-260230-0042')).toBe(false); // 30 February
    expect(isDossierNumber('hồ sơ số 42')).toBe(false);
    expect(isDossierNumber('000.00.15.H29-261110')).toBe(false);
  });

  it('normalizes what people type and finds the number inside a scanned lookup URL', () => {
    expect(normalizeDossierNumber(' 000.00.15.h29 - 261110 - 0042 ')).toBe('000.00.15.H29-261110-0042');
    expect(dossierFromQr('https://dichvucong.example.vn/tra-cuu?ma=000.00.15.H29-261110-0042')).toBe('000.00.15.H29-261110-0042');
    expect(dossierFromQr('no code here')).toBeUndefined();
  });

  it('is validated on submissions', () => {
    const base = { counterId: 'stp-quay-02', kind: 'rating', channel: 'qr', rating: 4 } as const;
    expect(feedbackInputSchema.safeParse({ ...base, dossierNumber: '000.00.15.H29-261110-0042' }).success).toBe(true);
    expect(feedbackInputSchema.safeParse({ ...base, dossierNumber: 'abc' }).success).toBe(false);
  });
});
