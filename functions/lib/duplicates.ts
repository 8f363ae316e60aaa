/**
 * The original's published answer also reaches the citizens of its duplicates, whichever is
 * published first. An approved duplicate leaves a link item next to the original
 * (`FB#original` / `DUPLICATE#code`): a put of a fixed key, so writing it again changes nothing, and
 * the original's own writes (a full conditional put of its record) can never lose it.
 *
 * Without transactions, each side writes first and reads the other after: the duplicate's approval
 * writes its link, then reads the original; the original's approval saved its answer, then reads
 * the links. Whatever the interleaving, at least one of them sees the other; if both do, the
 * notice's fixed outbox id keeps it single.
 */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { FeedbackRecord } from '#shared/feedback';
import { ORIGINAL_ANSWERED, originalAnsweredMessages } from '#shared/notifications';
import { answerForDuplicates } from '#shared/publication';
import { toLocalIso } from '#shared/time';
import { dynamo, tableName } from './dynamo.ts';
import { getCase } from './inbox-store.ts';
import { DUPLICATE_PREFIX, keys } from './keys.ts';
import { log } from './log.ts';
import { publicBaseUrl } from './notify.ts';
import { enqueue } from './outbox.ts';
import { queryAll } from './query.ts';

/** Notes an approved duplicate next to its original (idempotent: the same key every time). */
export async function putDuplicateLink(originalCode: string, duplicateCode: string, now: Date): Promise<void> {
  await dynamo().send(
    new PutItemCommand({ TableName: tableName(), Item: marshall({ ...keys.duplicateLink(originalCode, duplicateCode), entity: 'duplicate-link', duplicate: duplicateCode, at: toLocalIso(now) }) }),
  );
}

/** The approved duplicates of an original (one strongly consistent Query on its partition). */
export async function listDuplicateLinks(originalCode: string): Promise<string[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': { S: keys.feedback(originalCode).pk }, ':prefix': { S: DUPLICATE_PREFIX } },
    ConsistentRead: true,
  });
  return items.map((item) => String(unmarshall(item).duplicate));
}

/** Queues the original's answer to the duplicate's citizen, once per pair (a fixed outbox id). */
async function tellDuplicate(duplicate: FeedbackRecord, original: FeedbackRecord, now: Date): Promise<void> {
  const answer = answerForDuplicates(original);
  if (!answer || duplicate.duplicateOf !== original.trackingCode) return;
  const messages = originalAnsweredMessages(duplicate, { trackingCode: original.trackingCode, text: answer.text }, publicBaseUrl());
  const ref = { trackingCode: duplicate.trackingCode, departmentId: duplicate.departmentId, kind: ORIGINAL_ANSWERED };
  await enqueue(messages, ref, now, `${ORIGINAL_ANSWERED}-${original.trackingCode}`);
}

/**
 * After `record`'s public text was approved: a duplicate links itself to its original and, if the
 * original is already answered, its citizen is told at once; an original's answer goes to every
 * approved duplicate. Never throws: the approval has happened.
 */
export async function forwardToDuplicates(record: FeedbackRecord, now: Date): Promise<void> {
  try {
    if (record.answer?.kind === 'duplicate' && record.duplicateOf) {
      await putDuplicateLink(record.duplicateOf, record.trackingCode, now);
      const original = await getCase(record.duplicateOf);
      if (original) await tellDuplicate(record, original, now);
    } else if (answerForDuplicates(record)) {
      for (const code of await listDuplicateLinks(record.trackingCode)) {
        const duplicate = await getCase(code);
        if (duplicate) await tellDuplicate(duplicate, record, now);
      }
    }
  } catch (error) {
    log('error', 'forwarding an answer to duplicates failed', { error, trackingCode: record.trackingCode });
  }
}
