import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fontsModule } from '../../scripts/letter-fonts.ts';

describe('functions/lib/letter-fonts.ts', () => {
  it('is what scripts/letter-fonts.ts makes from the installed @fontsource/noto-sans (run it after an upgrade)', () => {
    expect(readFileSync(new URL('../../functions/lib/letter-fonts.ts', import.meta.url), 'utf8')).toBe(fontsModule());
  });
});
