/**
 * What the statistics need to know about one feedback record, and in which local months it
 * matters. Month markers (functions/lib/month-markers.ts) store exactly this copy, so the
 * publication job never needs the record itself (nor its contact data). Pure.
 */
import { OPEN_STATUSES, type AnswerRatingValue, type FeedbackRecord } from '../feedback.ts';
import { departmentInMonth } from '../routing.ts';
import { addMonths, endOfLocalDay, lastDayOfMonth, localMonthOf, type LocalMonth } from '../time.ts';

export type StatsRecord = Pick<
  FeedbackRecord,
  'trackingCode' | 'kind' | 'channel' | 'status' | 'counterId' | 'departmentId' | 'procedureCode' | 'rating' | 'deviceId' | 'submittedAt' | 'receivedAt' | 'dueAt'
> & {
  /** When the answer was published (`record.answer.answeredAt`). */
  answeredAt?: string;
  /** When it stopped being open work: answer published, closed, or moved to a non-open status. */
  resolvedAt?: string;
  /** A petition's published question and answer, exactly as approved (`record.answer`): never recomputed from the record. */
  question?: string;
  answerText?: string;
  /** The citizen's latest rating of the published answer (Decision 766). */
  answerRating?: AnswerRatingValue;
  /** A further petition about the result was sent (Decision 766 counts it as not satisfied). */
  followedUp?: true;
};

const earliest = (...instants: (string | undefined)[]) =>
  instants.filter((x): x is string => Boolean(x)).sort((a, b) => Date.parse(a) - Date.parse(b))[0];

/** When the record left the open statuses (rejected, duplicate, spam…), from its status history. */
function leftOpenAt(record: FeedbackRecord): string | undefined {
  if (OPEN_STATUSES.includes(record.status)) return undefined;
  return [...(record.history ?? [])].reverse().find((h) => h.to === record.status)?.at;
}

/** The copy for `month` (its department then: see departmentInMonth), or as the record is now. */
export function toStatsRecord(record: FeedbackRecord, month?: LocalMonth): StatsRecord {
  // A duplicate notice is published like an answer but answers nothing: the record counts as it did (resolved, not answered).
  const published = record.answer?.kind === 'duplicate' ? undefined : record.answer;
  const answeredAt = published?.answeredAt;
  const open = OPEN_STATUSES.includes(record.status);
  // A non-open record with no recorded moment (older data) counts as resolved at its last update.
  const resolvedAt = earliest(answeredAt, record.closedAt, leftOpenAt(record)) ?? (open ? undefined : record.updatedAt);
  const petition = record.kind === 'pakn';
  const copy: StatsRecord = {
    trackingCode: record.trackingCode,
    kind: record.kind,
    channel: record.channel,
    status: record.status,
    counterId: record.counterId,
    departmentId: month ? departmentInMonth(record, month) : record.departmentId,
    procedureCode: record.procedureCode,
    rating: record.rating,
    deviceId: record.deviceId,
    submittedAt: record.submittedAt,
    receivedAt: record.receivedAt,
    // Only a petition has a deadline (older records gave ratings' comments one: not counted).
    dueAt: petition ? record.dueAt : null,
    answeredAt,
    resolvedAt,
    // The approved public texts only: never the citizen's comment, never their contact data.
    question: petition ? published?.question : undefined,
    answerText: petition ? published?.text : undefined,
    answerRating: record.answerRating?.rating,
    followedUp: record.followUps?.length ? true : undefined,
  };
  for (const key of Object.keys(copy) as (keyof StatsRecord)[]) if (copy[key] === undefined) delete copy[key];
  return copy;
}

export const isSpam = (r: Pick<StatsRecord, 'status'>) => r.status === 'spam';

export const endOfMonth = (month: LocalMonth) => endOfLocalDay(lastDayOfMonth(month));

/** Neither answered nor closed at `instant` (received by then). */
export function isOpenAt(r: StatsRecord, instant: string): boolean {
  const t = Date.parse(instant);
  return Date.parse(r.receivedAt) <= t && (!r.resolvedAt || Date.parse(r.resolvedAt) > t);
}

/**
 * Local months other than the receipt month in which the statistics need this record: the month
 * its answer was published, and every month at whose end it was still open (up to `nowMonth`,
 * since the future is unknown). Only records with something to answer; never spam.
 */
export function markerMonths(r: StatsRecord, nowMonth: LocalMonth): LocalMonth[] {
  if (isSpam(r) || r.dueAt === null) return [];
  const receiptMonth = localMonthOf(r.receivedAt);
  const months = new Set<LocalMonth>();
  if (r.answeredAt) months.add(localMonthOf(r.answeredAt));
  const lastOpen = r.resolvedAt ? addMonths(localMonthOf(r.resolvedAt), -1) : nowMonth;
  for (let m = receiptMonth; m <= lastOpen && m <= nowMonth; m = addMonths(m, 1)) months.add(m);
  months.delete(receiptMonth);
  return [...months].sort();
}
