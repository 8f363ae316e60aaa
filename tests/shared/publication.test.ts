/** Every public text is drafted by one official and published, as previewed, when a second one approves. */
import { describe, expect, it } from 'vitest';
import { inboxDetailView } from '#shared/inbox';
import { previewOf } from '#shared/publication';
import { toStatsRecord } from '#shared/stats/record';
import { applyAction, type Action, type CaseRecord } from '#shared/workflow';
import { catalog, lan, minh, petitionRecord } from './workflow-fixtures.ts';

const NOW = '2026-03-10T10:00:00+07:00';
const COMMENT = 'Tôi là Phạm Thị Hồng Nhung, ở Số 45 ngõ 12 phố Huế, đề nghị niêm yết lệ phí.';
const CONTACT = { name: 'Phạm Thị Hồng Nhung', phone: '0916 222 333', address: 'Số 45 ngõ 12 phố Huế, Hai Bà Trưng' };
const petition = (overrides: Partial<CaseRecord> = {}) => petitionRecord({ status: 'acknowledged', comment: COMMENT, contact: CONTACT, ...overrides });
const act = (record: CaseRecord, action: Action, official = lan) => applyAction(record, action, { official, now: NOW, catalog });
const ANSWER = 'Kính gửi bà PHAM THI HONG NHUNG (ĐT (0916) 222 333, nhà 45 phố Huế): Sở đã niêm yết; hỏi thêm ĐT 024 3825 3536.';

describe('publication: drafted by one, approved by a second official', () => {
  it('without the citizen’s consent the summary is the question; the answer loses the contact data but keeps the department’s hotline', () => {
    const drafted = act(petition(), { type: 'answer', text: ANSWER, summary: 'Đề nghị niêm yết lệ phí.' }).record;

    const { record } = act(drafted, { type: 'approve' }, minh);

    expect(record.answer).toEqual({
      kind: 'answer',
      text: 'Kính gửi bà [họ tên] (ĐT [số điện thoại], nhà [địa chỉ]): Sở đã niêm yết; hỏi thêm ĐT 024 3825 3536.',
      question: 'Đề nghị niêm yết lệ phí.',
      answeredAt: NOW,
      by: 'tuphap.minh',
      draftBy: 'tuphap.lan',
    });
  });

  it('a petition without consent needs the official’s summary (400 summary_required)', () => {
    expect(() => act(petition(), { type: 'answer', text: 'Trả lời' })).toThrow(expect.objectContaining({ statusCode: 400, code: 'summary_required' }));
  });

  it('with consent the citizen’s words are the question, redacted of their own contact data', () => {
    const drafted = act(petition({ allowPublication: true }), { type: 'answer', text: 'Trả lời' }).record;

    const { record } = act(drafted, { type: 'approve' }, minh);

    expect(record.answer?.question).toBe('Tôi là [họ tên], ở Số [địa chỉ], đề nghị niêm yết lệ phí.');
  });

  it('the approver is shown exactly what approving publishes', () => {
    const drafted = act(petition(), { type: 'answer', text: ANSWER, summary: 'Đề nghị niêm yết lệ phí.' }).record;

    const view = inboxDetailView(drafted, minh, [], catalog, NOW);
    const { record } = act(drafted, { type: 'approve' }, minh);

    expect(view.preview).toEqual({ kind: 'answer', answer: record.answer!.text, question: record.answer!.question, questionFrom: 'summary' });
    expect(view.draft?.text).toBe(ANSWER);
  });

  it('the approver may edit before approving: the edit is published (redacted) and audited with the original', () => {
    const drafted = act(petition(), { type: 'answer', text: 'Trả lời', summary: 'Tóm tắt' }).record;

    const { record, event } = act(drafted, { type: 'approve', text: 'Trả lời đã sửa, gọi 0916.222.333', summary: 'Tóm tắt đã sửa' }, minh);

    expect(record.answer).toMatchObject({ text: 'Trả lời đã sửa, gọi [số điện thoại]', question: 'Tóm tắt đã sửa' });
    expect(event.details).toMatchObject({ editedText: 'true', draftText: 'Trả lời', editedSummary: 'true', draftSummary: 'Tóm tắt' });
  });

  it('a rejection is published only on approval, by a second official', () => {
    const drafted = act(petition(), { type: 'reject', reason: 'Không thuộc thẩm quyền; bà Phạm Thị Hồng Nhung liên hệ UBND phường.' });
    expect(drafted.record).toMatchObject({ status: 'in_progress', draft: { kind: 'reject' } });
    expect(drafted.record.answer).toBeUndefined();
    expect(drafted.notice).toBeUndefined();
    expect(() => act(drafted.record, { type: 'approve' }, lan)).toThrow(expect.objectContaining({ code: 'second_official_required' }));

    const { record, notice } = act(drafted.record, { type: 'approve' }, minh);

    expect(record).toMatchObject({ status: 'rejected', answer: { text: 'Không thuộc thẩm quyền; bà [họ tên] liên hệ UBND phường.' } });
    expect(notice).toBe('answer-published');
  });

  it('a complaint’s redirection and a duplicate notice are drafts too', () => {
    const redirect = act(petition(), { type: 'classify', category: 'complaint' }).record;
    expect(act(redirect, { type: 'approve' }, minh).record).toMatchObject({ status: 'rejected', answer: { text: expect.stringContaining('Luật Khiếu nại') } });

    const duplicate = act(petition(), { type: 'duplicate', of: 'GY-S7HN7-HDV9R' }).record;
    expect(duplicate.duplicateOf).toBeUndefined();
    const approved = act(duplicate, { type: 'approve' }, minh).record;
    expect(approved).toMatchObject({ status: 'duplicate', duplicateOf: 'GY-S7HN7-HDV9R', answer: { kind: 'duplicate', text: expect.stringContaining('GY-S7HN7-HDV9R') } });
    // Published on the tracking page, but not an answer in the statistics (as before: resolved when marked).
    expect(toStatsRecord(approved)).toMatchObject({ status: 'duplicate', resolvedAt: NOW });
    expect(toStatsRecord(approved).answeredAt).toBeUndefined();
  });
});

describe('a published text never changes', () => {
  const published = () => {
    const drafted = act(petition({ allowPublication: true }), { type: 'answer', text: ANSWER }).record;
    return act(drafted, { type: 'approve' }, minh).record;
  };

  it('erasing the contact data leaves the published texts byte for byte, and scrubs the comment', () => {
    const before = published();

    const { record } = act(before, { type: 'erase-contact', reason: 'yêu cầu' });

    expect(record.answer).toEqual(before.answer);
    expect(record.contact).toBeUndefined();
    expect(record.comment).toBe('Tôi là [họ tên], ở Số [địa chỉ], đề nghị niêm yết lệ phí.');
  });

  it('the statistics copy carries the published texts, never the comment, and the same after erasure', () => {
    const before = published();
    const erased = act(before, { type: 'erase-contact', reason: 'yêu cầu' }).record;

    for (const record of [before, erased]) {
      expect(toStatsRecord(record)).toMatchObject({ question: before.answer!.question, answerText: before.answer!.text });
    }
    expect(JSON.stringify(toStatsRecord(petition({ allowPublication: true })))).not.toContain('Nhung');
  });

  it('the preview of a draft redacts with the record as it is (a pending draft after erasure is scrubbed)', () => {
    const drafted = act(petition(), { type: 'answer', text: ANSWER, summary: 'Tóm tắt' }).record;
    const erased = act(drafted, { type: 'erase-contact', reason: 'yêu cầu' }).record;

    expect(previewOf(erased, erased.draft!, catalog).answer).toBe(previewOf(drafted, drafted.draft!, catalog).answer);
  });
});
