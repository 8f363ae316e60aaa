/**
 * The published measures of one group of records (a department, a counter, or everything) for one
 * local month, exactly as defined on the public page (see DEFINITIONS in definitions.ts). Pure.
 */
import { calendar } from '../calendar.ts';
import { CHANNELS, KINDS, type Channel, type Kind } from '../schemas.ts';
import { localDayOf, localMonthOf, type LocalMonth } from '../time.ts';
import { nearestRank } from './percentile.ts';
import { isOpenAt, type StatsRecord } from './record.ts';

export type RatingCounts = { '1': number; '2': number; '3': number; '4': number; '5': number };

export type PetitionMeasures = {
  /** Petitions received in M. */
  received: number;
  answered: number;
  answeredOnTime: number;
  onTimeRate: number | null;
  /**
   * Petitions received in M whose answer the citizen rated `dissatisfied`, or about whose result a
   * further petition was sent (as known when computed: a later rating changes the month).
   */
  dissatisfied: number;
  /** Petitions received in M answered after their deadline, or open past it at the end of M. */
  overdue: number;
  /** Decision 766: (petitions − (dissatisfied ∪ overdue)) ÷ petitions; one petition is subtracted once. */
  satisfactionRate: number | null;
};

export type Measures = {
  received: number;
  receivedByKind: Record<Kind, number>;
  receivedByChannel: Record<Channel, number>;
  /** Answers published in M to what had a deadline (petitions): comments to read are never in on-time figures. */
  answered: number;
  answeredOnTime: number;
  onTimeRate: number | null;
  /** The ranking's rate: answered on time ÷ (answered + open overdue at the end of M), so a backlog counts. */
  rankingRate: number | null;
  medianResponseWorkingDays: number | null;
  p90ResponseWorkingDays: number | null;
  ratings: RatingCounts;
  satisfactionRate: number | null;
  /** Open (neither answered nor closed) at the end of M: the backlog carried into the next month. */
  openAtEnd: number;
  openOverdue: number;
  pakn: PetitionMeasures;
};

export type MonthWindow = {
  month: LocalMonth;
  /** The end of M, or now while M is running: "at the end of M" means at this instant. */
  asOf: string;
};

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const before = (a: string, b: string) => Date.parse(a) <= Date.parse(b);
const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export const receivedIn = (r: StatsRecord, month: LocalMonth) => localMonthOf(r.receivedAt) === month;
export const answeredIn = (r: StatsRecord, month: LocalMonth) => Boolean(r.answeredAt) && localMonthOf(r.answeredAt!) === month;
/** An answer that counts in the on-time figures: to something with a deadline. */
const deadlineAnsweredIn = (r: StatsRecord, month: LocalMonth) => r.dueAt !== null && answeredIn(r, month);
/** Decision 766's "không hài lòng": the answer rated dissatisfied, or a further petition about the result. */
export const dissatisfiedWithResult = (r: StatsRecord) => r.answerRating === 'dissatisfied' || r.followedUp === true;
/** Published at or before the deadline (a record without deadline cannot be late). */
export const answeredOnTime = (r: StatsRecord) => r.dueAt === null || before(r.answeredAt!, r.dueAt);
export const responseWorkingDays = (r: StatsRecord) => calendar.workingDaysBetween(localDayOf(r.receivedAt), localDayOf(r.answeredAt!));
export const isOpenOverdue = (r: StatsRecord, asOf: string) => r.dueAt !== null && isOpenAt(r, asOf) && Date.parse(r.dueAt) < Date.parse(asOf);

/** Late as seen at `asOf`: answered after the deadline, or still open with the deadline passed. */
function overdueAt(r: StatsRecord, asOf: string): boolean {
  if (r.dueAt === null) return false;
  if (r.answeredAt && before(r.answeredAt, asOf)) return !answeredOnTime(r);
  return isOpenOverdue(r, asOf);
}

/** True when the record counts for the month at all (received, answered, or open at its end). */
export const relevantTo = (r: StatsRecord, { month, asOf }: MonthWindow) =>
  receivedIn(r, month) || answeredIn(r, month) || (r.dueAt !== null && isOpenAt(r, asOf));

function petitionMeasures(records: readonly StatsRecord[], { month, asOf }: MonthWindow): PetitionMeasures {
  const petitions = records.filter((r) => r.kind === 'pakn');
  const received = petitions.filter((r) => receivedIn(r, month));
  const answered = petitions.filter((r) => answeredIn(r, month));
  const onTime = answered.filter(answeredOnTime).length;
  // The answer's rating, not the service rating given at the counter before any answer existed.
  const dissatisfied = received.filter(dissatisfiedWithResult);
  const overdue = received.filter((r) => overdueAt(r, asOf));
  const unsatisfied = new Set([...dissatisfied, ...overdue]).size;
  return {
    received: received.length,
    answered: answered.length,
    answeredOnTime: onTime,
    onTimeRate: ratio(onTime, answered.length),
    dissatisfied: dissatisfied.length,
    overdue: overdue.length,
    satisfactionRate: ratio(received.length - unsatisfied, received.length),
  };
}

/** Measures of `records` (already without spam and misuse) for the month. */
export function measure(records: readonly StatsRecord[], window: MonthWindow): Measures {
  const { month, asOf } = window;
  const received = records.filter((r) => receivedIn(r, month));
  const answered = records.filter((r) => deadlineAnsweredIn(r, month));
  const days = answered.map(responseWorkingDays);
  const onTime = answered.filter(answeredOnTime).length;
  const receivedByKind = zeros(KINDS);
  const receivedByChannel = zeros(CHANNELS);
  const ratings = zeros(['1', '2', '3', '4', '5'] as const);
  for (const r of received) {
    receivedByKind[r.kind]++;
    receivedByChannel[r.channel]++;
    if (r.rating !== undefined) ratings[String(r.rating) as keyof RatingCounts]++;
  }
  const rated = ratings['1'] + ratings['2'] + ratings['3'] + ratings['4'] + ratings['5'];
  const open = records.filter((r) => r.dueAt !== null && isOpenAt(r, asOf));
  const openOverdue = open.filter((r) => isOpenOverdue(r, asOf)).length;
  return {
    received: received.length,
    receivedByKind,
    receivedByChannel,
    answered: answered.length,
    answeredOnTime: onTime,
    onTimeRate: ratio(onTime, answered.length),
    rankingRate: ratio(onTime, answered.length + openOverdue),
    medianResponseWorkingDays: nearestRank(days, 50),
    p90ResponseWorkingDays: nearestRank(days, 90),
    ratings,
    satisfactionRate: ratio(ratings['4'] + ratings['5'], rated),
    openAtEnd: open.length,
    openOverdue,
    pakn: petitionMeasures(records, window),
  };
}
