/** The original's published answer also reaches the duplicate's citizen, whichever is published first, once. */
import { describe, expect, it } from 'vitest';
import { forwardToDuplicates } from '#functions/lib/duplicates';
import { getCase } from '#functions/lib/inbox-store';
import { duePending } from '#functions/lib/outbox';
import { answeredPetition, inboxTestApi, submitPetition } from '../support/inbox.ts';

const stack = inboxTestApi({ lan: 'tuphap.lan', minh: 'tuphap.minh' });

const act = (code: string, body: unknown, headers = stack.who.lan) => stack.api.request('POST', `/api/inbox/${code}/actions`, { headers, body });
const BINH = { name: 'Trần Thị Bình', phone: '0987 654 321', email: 'binh.tran@example.vn' };
const ANSWER = 'Đơn vị đã tiếp thu và điều chỉnh quy trình tiếp nhận.'; // answeredPetition's answer

/** A petition of Bình's marked a duplicate of `original` by Lan and approved by Minh. */
async function approvedDuplicate(original: string): Promise<string> {
  const code = await submitPetition(stack.api, 'so-tu-phap', { contact: BINH });
  for (const [body, who] of [
    [{ type: 'duplicate', of: original, summary: 'Đề nghị công khai thời gian giải quyết.' }, stack.who.lan],
    [{ type: 'approve' }, stack.who.minh],
  ] as const) {
    const response = await act(code, body, who);
    expect(response.status, response.text).toBe(200);
  }
  return code;
}

/** Lan acknowledges and answers `code`, Minh approves: the answer is published. */
async function answerAndApprove(code: string, text: string): Promise<void> {
  for (const [body, who] of [
    [{ type: 'acknowledge' }, stack.who.lan],
    [{ type: 'answer', text, summary: 'Công khai thời gian giải quyết.' }, stack.who.lan],
    [{ type: 'approve' }, stack.who.minh],
  ] as const) {
    const response = await act(code, body, who);
    expect(response.status, response.text).toBe(200);
  }
}

/** The notices of the original's answer queued for the duplicate's citizen. */
const forwarded = async (duplicate: string) =>
  (await duePending(new Date(Date.now() + 60_000), 1000)).filter((m) => m.ref.trackingCode === duplicate && m.ref.kind === 'original-answered');

describe('the original’s answer reaches the duplicate’s citizen', () => {
  it('original answered first: the duplicate’s approval tells its citizen at once (SMS and e-mail, the answer and the original’s page)', async () => {
    const original = await answeredPetition(stack.api, 'so-tu-phap');

    const duplicate = await approvedDuplicate(original);

    const notices = await forwarded(duplicate);
    expect(notices.map((m) => [m.channel, m.to]).sort()).toEqual([
      ['email', 'binh.tran@example.vn'],
      ['sms', '0987654321'],
    ]);
    const mail = notices.find((m) => m.channel === 'email')!;
    expect(mail.text).toContain(ANSWER);
    expect(mail.text).toContain(`/track/${original}`);
    expect(notices.find((m) => m.channel === 'sms')!.text).toMatch(new RegExp(`^[\\x20-\\x7e]{1,160}$`));
  });

  it('duplicate approved first: nothing yet; the original’s answer then reaches it', async () => {
    const original = await submitPetition(stack.api, 'so-tu-phap');
    const duplicate = await approvedDuplicate(original);
    expect(await forwarded(duplicate)).toEqual([]);

    await answerAndApprove(original, 'Sở sẽ công khai thời gian giải quyết từng hồ sơ.');

    const notices = await forwarded(duplicate);
    expect(notices).toHaveLength(2);
    expect(notices.find((m) => m.channel === 'email')!.text).toContain('Sở sẽ công khai thời gian giải quyết từng hồ sơ.');
  });

  it('nothing doubled when both sides run again (a replay, or both approvals racing)', async () => {
    const original = await submitPetition(stack.api, 'so-tu-phap');
    const duplicate = await approvedDuplicate(original);
    await answerAndApprove(original, 'Đã trả lời.');

    await forwardToDuplicates((await getCase(original))!, new Date());
    await forwardToDuplicates((await getCase(duplicate))!, new Date());

    expect((await forwarded(duplicate)).map((m) => m.channel).sort()).toEqual(['email', 'sms']);
  });

  it('a duplicate whose contact data was erased gets nothing', async () => {
    const original = await submitPetition(stack.api, 'so-tu-phap');
    const duplicate = await approvedDuplicate(original);
    expect((await act(duplicate, { type: 'erase-contact', reason: 'Người gửi đề nghị xoá.' })).status).toBe(200);

    await answerAndApprove(original, 'Đã trả lời.');

    expect(await forwarded(duplicate)).toEqual([]);
  });
});
