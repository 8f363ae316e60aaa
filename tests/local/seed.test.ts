import { afterAll, expect, it } from 'vitest';
import { startLocalStore, type LocalStore } from '#local/stack';
import { localMonthOf } from '#shared/time';

let store: LocalStore | undefined;
afterAll(() => store?.close());

it('seeds over 200 demo items without errors and names every month they touch, oldest first, none in the future', async () => {
  // Act
  store = await startLocalStore({ persist: false, seed: true });

  // Assert: `npm start` publishes these months, so the 12-month charts show the whole history.
  const seeded = store.seeded!;
  expect(seeded.errors).toBe(0);
  expect(seeded.items).toBeGreaterThanOrEqual(200);
  expect(seeded.months.length).toBeGreaterThanOrEqual(3);
  expect(seeded.months).toEqual([...seeded.months].sort());
  expect(seeded.months.at(-1)! <= localMonthOf(new Date())).toBe(true);
}, 60_000);
