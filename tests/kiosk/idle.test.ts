/** The kiosk's idle rule: quiet period, then a countdown, then the reset; longer while a form holds input. */
import { describe, expect, test } from 'vitest';
import { ASK_MS, FORM_QUIET_MS, idlePhase, quietMs } from '../../kiosk/src/kiosk/idle.ts';

describe('kiosk idle', () => {
  test('a form holding input waits at least two minutes; an empty screen uses the tablet setting', () => {
    expect(quietMs(30_000, false)).toBe(30_000);
    expect(quietMs(30_000, true)).toBe(FORM_QUIET_MS);
    expect(FORM_QUIET_MS).toBeGreaterThanOrEqual(120_000);
    expect(quietMs(300_000, true)).toBe(300_000);
  });

  test('nothing happens during the quiet period, then the countdown of at least 20 s, then the reset', () => {
    expect(ASK_MS).toBeGreaterThanOrEqual(20_000);
    expect(idlePhase(29_999, 30_000)).toEqual({ kind: 'active' });
    expect(idlePhase(30_000, 30_000)).toEqual({ kind: 'asking', secondsLeft: ASK_MS / 1000 });
    expect(idlePhase(30_000 + ASK_MS - 1, 30_000)).toEqual({ kind: 'asking', secondsLeft: 1 });
    expect(idlePhase(30_000 + ASK_MS, 30_000)).toEqual({ kind: 'expired' });
  });

  test('a petition left for 60 s is neither asked about nor reset', () => {
    expect(idlePhase(60_000, quietMs(30_000, true))).toEqual({ kind: 'active' });
  });
});
