import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, BadRequestError } from '#shared/errors';
import type { Status } from '#shared/feedback';
import { ACTION_TYPES, applyAction, applyCitizenInfo, availableActions, parseAction, type Action, type ActionType, type CaseRecord } from '#shared/workflow';
import { admin, catalog, lan, minh, petitionRecord as petition } from './workflow-fixtures.ts';

const NOW = '2026-03-10T10:00:00+07:00';
const SUMMARY = 'Kiến nghị rút ngắn thời hạn giải quyết thủ tục.';
const act = (record: CaseRecord, action: Action, official = lan, now = NOW) => applyAction(record, action, { official, now, catalog });

describe('transitions', () => {
  const cases: [string, Status, Action, Status][] = [
    ['acknowledge a new petition', 'received', { type: 'acknowledge' }, 'acknowledged'],
    ['acknowledge a transferred one', 'transferred', { type: 'acknowledge' }, 'acknowledged'],
    ['classify under Art. 5', 'acknowledged', { type: 'classify', category: 'unfit-regulation' }, 'in_progress'],
    ['classify a complaint: a redirection drafted', 'acknowledged', { type: 'classify', category: 'complaint' }, 'in_progress'],
    ['assign', 'acknowledged', { type: 'assign', officialId: 'tuphap.minh' }, 'in_progress'],
    ['note keeps the status', 'in_progress', { type: 'note', text: 'gọi lại sau' }, 'in_progress'],
    ['note on a closed record', 'closed', { type: 'note', text: 'lưu ý' }, 'closed'],
    ['request info', 'acknowledged', { type: 'request-info', text: 'Xin bản chụp giấy hẹn.' }, 'in_progress'],
    ['reroute', 'received', { type: 'reroute', departmentId: 'so-xay-dung', reason: 'thuộc Sở Xây dựng' }, 'transferred'],
    ['draft an answer', 'acknowledged', { type: 'answer', text: 'Trả lời', summary: SUMMARY }, 'in_progress'],
    ['reject: a rejection drafted', 'acknowledged', { type: 'reject', reason: 'Không đủ thông tin' }, 'in_progress'],
    ['duplicate: a notice drafted', 'received', { type: 'duplicate', of: 'GY-S7HN7-HDV9R' }, 'in_progress'],
    ['spam', 'received', { type: 'spam' }, 'spam'],
    ['close an answered one', 'answered', { type: 'close' }, 'closed'],
  ];
  for (const [name, from, action, to] of cases) {
    it(`${name}: ${from} → ${to}`, () => {
      const { record, event } = act(petition({ status: from }), parseAction(action));
      expect(record.status).toBe(to);
      expect(event).toMatchObject({ type: action.type, from, to, version: 1, by: { id: 'tuphap.lan' } });
      expect(record.version).toBe(1);
    });
  }

  it('answer, then approve by a second official publishes a redacted answer', () => {
    const drafted = act(petition({ status: 'acknowledged' }), { type: 'answer', text: 'Kính gửi ông Nguyễn Văn An (0912 345 678): đã tiếp thu.', summary: SUMMARY }).record;
    const { record, notice } = act(drafted, { type: 'approve' }, minh);
    expect(record.status).toBe('answered');
    expect(record.answer?.text).toBe('Kính gửi ông [họ tên] ([số điện thoại]): đã tiếp thu.');
    expect(record.draft).toBeUndefined();
    expect(notice).toBe('answer-published');
  });

  it('the drafter cannot approve their own draft (403); the admin can', () => {
    const drafted = act(petition({ status: 'acknowledged' }), { type: 'answer', text: 'Trả lời', summary: SUMMARY }).record;
    expect(() => act(drafted, { type: 'approve' }, lan)).toThrow(ForbiddenError);
    const adminDraft = act(petition({ status: 'acknowledged' }), { type: 'answer', text: 'Trả lời', summary: SUMMARY }, admin).record;
    expect(act(adminDraft, { type: 'approve' }, admin).record.status).toBe('answered');
  });

  it('a returned draft cannot be approved until revised', () => {
    const drafted = act(petition({ status: 'acknowledged' }), { type: 'answer', text: 'Trả lời', summary: SUMMARY }).record;
    const returned = act(drafted, { type: 'return', reason: 'Bổ sung căn cứ pháp lý' }, minh).record;
    expect(returned.draft?.returned?.reason).toBe('Bổ sung căn cứ pháp lý');
    expect(() => act(returned, { type: 'approve' }, minh)).toThrow(ConflictError);
    const revised = act(returned, { type: 'answer', text: 'Trả lời, theo Điều 9', summary: SUMMARY }).record;
    expect(act(revised, { type: 'approve' }, minh).record.answer?.text).toBe('Trả lời, theo Điều 9');
  });

  it('request-info pauses the deadline; info-received moves it by the working days waited', () => {
    const waiting = act(petition({ status: 'acknowledged' }), { type: 'request-info', text: 'Xin bổ sung' }, lan, '2026-03-10T10:00:00+07:00').record;
    expect(waiting.waitingSince).toBe('2026-03-10T10:00:00+07:00');
    // Tue 10 → Fri 13 March: 3 working days waited.
    const resumed = act(waiting, { type: 'info-received' }, lan, '2026-03-13T09:00:00+07:00').record;
    expect(resumed.waitingSince).toBeUndefined();
    expect(resumed.dueAt).toBe('2026-03-19T23:59:59+07:00');
  });

  it('reroute moves the record, keeps the routing history and warns after the 5-working-day transfer deadline', () => {
    const { record, warnings } = act(petition(), { type: 'reroute', departmentId: 'so-xay-dung', reason: 'thẩm quyền' }, lan, NOW);
    expect(record.departmentId).toBe('so-xay-dung');
    expect(record.routing.map((step) => step.to)).toEqual(['so-tu-phap', 'so-xay-dung']);
    expect(warnings).toEqual(['transfer_deadline_passed']);
    expect(act(petition(), { type: 'reroute', departmentId: 'so-xay-dung', reason: 'x' }, lan, '2026-03-03T10:00:00+07:00').warnings).toEqual([]);
  });

  it('history keeps only public-safe status changes: no text, no who', () => {
    let record = act(petition(), { type: 'acknowledge' }).record;
    record = act(record, { type: 'note', text: 'nội bộ: số điện thoại 0912345678' }).record;
    record = act(record, { type: 'answer', text: 'Trả lời', summary: SUMMARY }).record;
    expect(record.history).toEqual([
      { at: NOW, type: 'acknowledge', from: 'received', to: 'acknowledged' },
      { at: NOW, type: 'answer', from: 'acknowledged', to: 'in_progress' },
    ]);
  });
});

describe('invalid transitions → 409', () => {
  const cases: [Status, Action][] = [
    ['acknowledged', { type: 'acknowledge' }],
    ['closed', { type: 'acknowledge' }],
    ['received', { type: 'answer', text: 'x', summary: SUMMARY }],
    ['received', { type: 'classify', category: 'proposed-solution' }],
    ['in_progress', { type: 'approve' }],
    ['in_progress', { type: 'return', reason: 'x' }],
    ['answered', { type: 'reject', reason: 'x' }],
    ['spam', { type: 'spam' }],
    ['in_progress', { type: 'info-received' }],
    ['closed', { type: 'reroute', departmentId: 'so-xay-dung', reason: 'x' }],
  ];
  for (const [from, action] of cases) {
    it(`${action.type} on ${from}`, () => {
      expect(() => act(petition({ status: from }), action)).toThrow(ConflictError);
    });
  }

  it('close a petition that has no published answer', () => {
    expect(() => act(petition({ status: 'in_progress' }), { type: 'close' })).toThrow(/Publish an answer/);
  });

  it('a rating comment can be closed without an answer', () => {
    expect(act(petition({ kind: 'rating', status: 'received' }), { type: 'close' }).record.status).toBe('closed');
  });

  it('reroute to the same department', () => {
    expect(() => act(petition(), { type: 'reroute', departmentId: 'so-tu-phap', reason: 'x' })).toThrow(ConflictError);
  });

  it('request-info without contact data', () => {
    expect(() => act(petition({ status: 'acknowledged', contact: undefined }), { type: 'request-info', text: 'x' })).toThrow(ConflictError);
  });
});

describe('parseAction', () => {
  it('unknown types → 400 unknown_action', () => {
    expect(() => parseAction({ type: 'delete' })).toThrow(expect.objectContaining({ statusCode: 400, code: 'unknown_action' }));
    expect(() => parseAction({})).toThrow(BadRequestError);
  });
  it('missing or extra fields → 400 validation_failed', () => {
    expect(() => parseAction({ type: 'answer' })).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    expect(() => parseAction({ type: 'spam', why: 'x' })).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    expect(() => parseAction({ type: 'classify', category: 'gossip' })).toThrow(expect.objectContaining({ code: 'validation_failed' }));
  });
  it('reroute to an unknown department → 400', () => {
    expect(() => act(petition(), { type: 'reroute', departmentId: 'so-khong-co', reason: 'x' })).toThrow(BadRequestError);
  });
});

const SAMPLES: Record<ActionType, Action> = {
  acknowledge: { type: 'acknowledge' },
  classify: { type: 'classify', category: 'proposed-solution' },
  assign: { type: 'assign', officialId: 'tuphap.minh' },
  note: { type: 'note', text: 'x' },
  'request-info': { type: 'request-info', text: 'x' },
  'info-received': { type: 'info-received' },
  reroute: { type: 'reroute', departmentId: 'so-xay-dung', reason: 'x' },
  answer: { type: 'answer', text: 'x', summary: SUMMARY },
  approve: { type: 'approve' },
  return: { type: 'return', reason: 'x' },
  reject: { type: 'reject', reason: 'x' },
  duplicate: { type: 'duplicate', of: 'GY-S7HN7-HDV9R' },
  spam: { type: 'spam' },
  restore: { type: 'restore' },
  close: { type: 'close' },
  'erase-contact': { type: 'erase-contact', reason: 'x' },
};

describe('availableActions', () => {
  const statuses: Status[] = ['received', 'acknowledged', 'in_progress', 'answered', 'closed', 'transferred', 'rejected', 'duplicate', 'spam'];
  it('offers exactly the actions the state machine accepts, in every status', () => {
    for (const status of statuses) {
      const record = petition({ status });
      const offered = availableActions(record);
      for (const type of ACTION_TYPES) {
        const run = () => act(record, SAMPLES[type], minh);
        if (offered.includes(type)) expect(run, `${type} on ${status}`).not.toThrow();
        else expect(run, `${type} on ${status}`).toThrow(ConflictError);
      }
    }
  });
});

describe('an information request and the citizen’s reply', () => {
  const asked = () => act(petition({ status: 'acknowledged' }), { type: 'request-info', text: 'Ông Nguyễn Văn An vui lòng gửi số hồ sơ (gọi 0912345678).' }).record;

  it('publishes what was asked, without the submitter’s name or phone', () => {
    const record = asked();

    expect(record.infoRequest).toEqual({ text: expect.not.stringContaining('Nguyễn Văn An'), requestedAt: NOW });
    expect(record.infoRequest!.text).not.toContain('0912345678');
    expect(record.infoRequest!.text).toContain('vui lòng gửi số hồ sơ');
  });

  it('takes the citizen’s reply as info-received by the citizen, moving the deadline by the days waited', () => {
    const record = asked();

    const { record: next, event } = applyCitizenInfo(record, 'Số hồ sơ 0001', { now: '2026-03-12T08:00:00+07:00', catalog });

    expect(event).toMatchObject({ type: 'info-received', by: { id: 'citizen' }, details: { text: 'Số hồ sơ 0001', pausedWorkingDays: '2' } });
    expect(next).toMatchObject({ status: 'in_progress', dueAt: '2026-03-18T23:59:59+07:00' });
    expect(next.infoRequest).toBeUndefined();
    expect(next.waitingSince).toBeUndefined();
  });

  it('flags the reply for the inbox until an official next acts on the record', () => {
    const replied = applyCitizenInfo(asked(), 'Số hồ sơ 0001', { now: '2026-03-12T08:00:00+07:00', catalog }).record;

    const seen = act(replied, { type: 'note', text: 'Đã xem bổ sung' }, lan, '2026-03-12T09:00:00+07:00').record;

    expect(replied.citizenRepliedAt).toBe('2026-03-12T08:00:00+07:00');
    expect(seen.citizenRepliedAt).toBeUndefined();
  });

  it('refuses a reply when nothing is asked (409 not_waiting)', () => {
    expect(() => applyCitizenInfo(petition({ status: 'in_progress' }), 'x', { now: NOW, catalog })).toThrow(expect.objectContaining({ statusCode: 409, code: 'not_waiting' }));
  });

  it('ends the wait when a rejection is approved', () => {
    const drafted = act(asked(), { type: 'reject', reason: 'Không đủ thông tin' }).record;

    const { record } = act(drafted, { type: 'approve' }, minh);

    expect(record).toMatchObject({ status: 'rejected', answer: { text: 'Không đủ thông tin' } });
    expect(record.waitingSince).toBeUndefined();
  });

  it.each([
    ['reroute', { type: 'reroute', departmentId: 'so-xay-dung', reason: 'thuộc Sở Xây dựng' }],
    ['spam', { type: 'spam' }],
  ] as [string, Action][])('ends the wait on %s', (_name, action) => {
    const { record } = act(asked(), action);

    expect(record.infoRequest).toBeUndefined();
    expect(record.waitingSince).toBeUndefined();
  });
});

describe('undoing spam', () => {
  it('restores the status the record had before it was marked, with an audit event', () => {
    const spam = act(petition({ status: 'in_progress' }), { type: 'spam' }).record;

    const { record, event } = act(spam, { type: 'restore' }, minh);

    expect(record.status).toBe('in_progress');
    expect(event).toMatchObject({ type: 'restore', from: 'spam', to: 'in_progress', by: { id: 'tuphap.minh' }, details: { to: 'in_progress' } });
    expect(record.history?.at(-1)).toMatchObject({ type: 'restore', from: 'spam', to: 'in_progress' });
  });

  it('is for the owning department only (the admin gets 403) and only on spam (409)', () => {
    const spam = act(petition(), { type: 'spam' }).record;

    expect(() => act(spam, { type: 'restore' }, admin)).toThrow(expect.objectContaining({ statusCode: 403, code: 'owner_only' }));
    expect(() => act(petition(), { type: 'restore' })).toThrow(ConflictError);
  });
});

describe('erasing contact data at the citizen’s request', () => {
  it('removes the contact, keeps the record and its status, and records who and why', () => {
    const { record, event } = act(petition({ status: 'in_progress' }), { type: 'erase-contact', reason: 'Người gửi yêu cầu qua điện thoại ngày 10/3' });

    expect(record.contact).toBeUndefined();
    expect(record).toMatchObject({ status: 'in_progress', contactErasedAt: NOW, comment: 'Đề nghị rút ngắn thời hạn.' });
    expect(event).toMatchObject({ type: 'erase-contact', from: 'in_progress', to: 'in_progress', by: { id: 'tuphap.lan' }, details: { reason: 'Người gửi yêu cầu qua điện thoại ngày 10/3' } });
    expect(availableActions(record)).not.toContain('request-info');
  });

  it('is for the owning department only: the admin gets 403', () => {
    expect(() => act(petition(), { type: 'erase-contact', reason: 'yêu cầu' }, admin)).toThrow(expect.objectContaining({ statusCode: 403, code: 'owner_only' }));
  });

  it('has nothing to erase on an anonymous record (409)', () => {
    expect(() => act(petition({ contact: undefined }), { type: 'erase-contact', reason: 'yêu cầu' })).toThrow(ConflictError);
  });
});
