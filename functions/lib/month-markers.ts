/**
 * Seam for the statistics index: called after every write of a feedback record so the record is
 * findable in each local month the statistics need it in. Owned by the statistics work (issue 5).
 */
import type { FeedbackRecord } from '#shared/feedback';

export async function writeMonthMarkers(_record: FeedbackRecord): Promise<void> {
  // Receipt month is already indexed on the record itself (gsi2); other months are added here.
}
