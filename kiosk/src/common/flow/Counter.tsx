/**
 * "12/4000 ký tự" under a limited field, so the limit is known before it bites; close to the limit
 * it says how many are left, at the limit that nothing more is taken.
 */
import { t } from './step-strings.ts';

export function Counter({ id, length, max }: { id: string; length: number; max: number }) {
  const left = max - length;
  const near = left <= Math.max(20, max / 10);
  return (
    // Existing classes only: this page's stylesheet is part of the QR page's 14 KB first render.
    <p id={id} class={near ? 'error' : 'hint'}>
      {left <= 0 ? t('countFull', { max }) : near ? t('countLeft', { n: length, max, left }) : t('count', { n: length, max })}
    </p>
  );
}
