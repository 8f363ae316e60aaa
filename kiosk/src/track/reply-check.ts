/**
 * The citizen's reply checked with the API's own schema before sending. Loaded after first render
 * (it brings zod/mini), as soon as a reply form is on screen.
 */
import { infoReplySchema, MAX_COMMENT } from '#shared/schemas';
import { normalizeText } from '#shared/text';

export const MAX_REPLY = MAX_COMMENT;

export type ReplyProblem = 'replyEmpty' | 'replyLong' | 'replyChars';

/** The text as the API will store it, or what is wrong with it. */
export function checkReply(raw: string): { text: string } | { problem: ReplyProblem } {
  const text = normalizeText(raw);
  const parsed = infoReplySchema.safeParse({ text });
  if (parsed.success) return parsed.data;
  const code = parsed.error.issues[0]?.code;
  return { problem: code === 'too_small' ? 'replyEmpty' : code === 'too_big' ? 'replyLong' : 'replyChars' };
}
