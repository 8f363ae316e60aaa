/** Starting and ending duty at a counter: the orchestration of duty-store.ts, with its audit log. */
import { displayName, type Official } from '#shared/auth';
import { ForbiddenError, NotFoundError } from '#shared/errors';
import { attributionAt, COUNTER_CHANNELS, type Attribution, type Duty } from '#shared/duty';
import type { FeedbackInput } from '#shared/schemas';
import { toLocalIso } from '#shared/time';
import { loadCatalog } from './catalog-store.ts';
import { deleteDutyIfHeld, deleteOfficialDuty, getDuty, getOfficialDutyCounter, putDuty, putDutyEvent } from './duty-store.ts';

export type DutyView = { counterId: string | null; official: { id: string; name: string }; since: string | null };

const view = (official: Official, duty: Pick<Duty, 'counterId' | 'since'> | undefined): DutyView => ({
  counterId: duty?.counterId ?? null,
  official: { id: official.id, name: displayName(official) },
  since: duty?.since ?? null,
});

/** Where the official is on duty now: their item, confirmed by the counter's (they may have been replaced). */
export async function currentDuty(official: Official): Promise<DutyView> {
  const counterId = await getOfficialDutyCounter(official.id);
  const duty = counterId ? await getDuty(counterId, true) : undefined;
  return view(official, duty?.officialId === official.id ? duty : undefined);
}

/** Ends the official's duty wherever it is (idempotent: ending twice is fine). */
async function leave(official: Official, now: Date, except?: string): Promise<void> {
  const counterId = await getOfficialDutyCounter(official.id);
  if (!counterId || counterId === except) return;
  const held = await getDuty(counterId, true);
  await deleteDutyIfHeld(counterId, official.id);
  await deleteOfficialDuty(official.id);
  if (held?.officialId === official.id) {
    await putDutyEvent({ type: 'end', counterId, officialId: official.id, officialName: displayName(official), at: toLocalIso(now), by: official.id });
  }
}

/** Starts duty at a counter of the official's own department (replacing whoever is there), or ends it with null. */
export async function setDuty(official: Official, counterId: string | null, now: Date): Promise<DutyView> {
  if (counterId === null) {
    await leave(official, now);
    return view(official, undefined);
  }
  const counter = (await loadCatalog()).counters.get(counterId);
  if (!counter) throw new NotFoundError('Unknown counter', { code: 'unknown_counter' });
  // The admin has no counter: duty is a department official's, at their own department's counter.
  if (!official.departments.includes(counter.departmentId)) {
    throw new ForbiddenError("This counter belongs to another department: you can only be on duty at your own department's counters", { code: 'not_your_counter' });
  }
  const previous = await getDuty(counterId, true);
  if (previous?.officialId === official.id) return view(official, previous); // already there: unchanged
  await leave(official, now, counterId);
  const at = toLocalIso(now);
  const duty: Duty = { counterId, departmentId: counter.departmentId, officialId: official.id, officialName: displayName(official), since: at };
  await putDuty(duty);
  if (previous) await putDutyEvent({ type: 'replaced', counterId, officialId: previous.officialId, officialName: previous.officialName, at, by: official.id });
  await putDutyEvent({ type: 'start', counterId, officialId: official.id, officialName: duty.officialName, at, by: official.id });
  return view(official, duty);
}

/** The official a submission made at a counter is attributed to (kiosk and QR only; one GetItem). */
export async function attributionFor(input: Pick<FeedbackInput, 'counterId' | 'channel' | 'submittedAt'>, now: Date): Promise<Attribution | undefined> {
  if (!COUNTER_CHANNELS.includes(input.channel)) return undefined;
  return attributionAt(await getDuty(input.counterId), input.submittedAt ?? toLocalIso(now));
}

/** The counter's public duty line: a public servant's name, never an id or contact. */
export async function publicOnDuty(counterId: string, departmentId: string): Promise<{ name: string } | null> {
  const duty = await getDuty(counterId);
  return duty && duty.departmentId === departmentId ? { name: duty.officialName } : null;
}
