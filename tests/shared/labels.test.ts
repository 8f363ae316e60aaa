/** Words, not codes: every code of every list has a Vietnamese and an English label; exports use them. */
import { describe, expect, it } from 'vitest';
import { indexCatalog } from '#shared/catalog';
import { STATUSES } from '#shared/feedback';
import { exportRows } from '#shared/inbox';
import { criterionLabel, DEFAULT_CRITERIA } from '#shared/criteria';
import { ACTION_LABELS, CATEGORY_LABELS, CHANNEL_LABELS, errorSentence, EVENT_LABELS, KIND_LABELS, labelOf, STATUS_LABELS } from '#shared/labels';
import { CHANNELS, KINDS, REASONS } from '#shared/schemas';
import { ACTION_TYPES, CATEGORIES, type CaseRecord } from '#shared/workflow';
import { rawCodesIn } from '../support/raw-codes.ts';

describe('labels', () => {
  it('label every code in both languages', () => {
    const lists = [[CHANNELS, CHANNEL_LABELS], [KINDS, KIND_LABELS], [STATUSES, STATUS_LABELS], [CATEGORIES, CATEGORY_LABELS], [ACTION_TYPES, ACTION_LABELS], [[...ACTION_TYPES, 'intake', 'answer-rated', 'follow-up'], EVENT_LABELS]] as const;
    for (const [codes, words] of lists) {
      for (const code of codes) {
        expect(labelOf(words as never, code, 'vi'), code).not.toBe(code);
        expect(labelOf(words as never, code, 'en'), code).not.toBe(code);
      }
    }
    // Evaluation criteria, the earlier reason chips included, have theirs in shared/criteria.ts.
    for (const code of [...DEFAULT_CRITERIA.map((c) => c.id), ...REASONS]) {
      expect(criterionLabel(code, DEFAULT_CRITERIA, 'vi'), code).not.toBe(code);
      expect(criterionLabel(code, DEFAULT_CRITERIA, 'en'), code).not.toBe(code);
    }
  });

  it('errors read as sentences in the UI language, unknown codes as a generic one', () => {
    expect(errorSentence('not_found', 'vi')).toMatch(/^Không tìm thấy/);
    expect(errorSentence('not_found', 'en')).toMatch(/not in your department/);
    expect(errorSentence('something_new', 'vi')).toMatch(/lỗi hệ thống/);
  });

  it('the raw-code scanner finds codes as whole words only', () => {
    expect(rawCodesIn('Kênh = phone; 2/5 · waiting_time')).toEqual(expect.arrayContaining(['phone', 'waiting_time']));
    expect(rawCodesIn('Phân loại = official-conduct')).toEqual(['official-conduct']);
    expect(rawCodesIn('Điện thoại · Thời gian chờ · tuphap.lan')).toEqual([]);
  });
});

describe('exportRows', () => {
  it('has no raw code in any cell', () => {
    const catalog = indexCatalog({ departments: [{ id: 'so-tu-phap', name: 'Sở Tư pháp', answerSlaWorkingDays: 10 }], counters: [{ id: 'stp-quay-02', name: 'Quầy 02', departmentId: 'so-tu-phap', procedureCodes: [] }], procedures: [] });
    const base = { counterId: 'stp-quay-02', departmentId: 'so-tu-phap', receivedAt: '2026-03-02T09:00:00+07:00', dueAt: '2026-03-16T23:59:59+07:00', transferDueAt: null, routing: [], requestHash: 'h', source: 'api', updatedAt: '2026-03-02T09:00:00+07:00' } satisfies Partial<CaseRecord>;
    const records: CaseRecord[] = [
      { ...base, trackingCode: 'GY-SM8VC-CMFNN', kind: 'rating', channel: 'qr', status: 'in_progress', rating: 2, reasons: ['waiting_time', 'staff_attitude'], comment: 'Chờ lâu.' },
      { ...base, trackingCode: 'GY-22222-22222', kind: 'pakn', channel: 'counter', status: 'rejected', category: 'official-conduct', comment: 'Thái độ.' },
      { ...base, trackingCode: 'GY-33333-33333', kind: 'rating', channel: 'kiosk', status: 'received', rating: 1, reasons: ['official', 'feedback_handling'] },
    ];
    const rows = exportRows(records, { withContact: false, catalog, now: new Date('2026-03-03T02:00:00Z') });
    const cells = rows.flat().filter((c) => typeof c === 'string' && !/^GY-/.test(c)) as string[];
    expect(rawCodesIn(cells.join(' | '))).toEqual([]);
    expect(rows[1]).toEqual(expect.arrayContaining(['Quét mã QR', 'Thời gian chờ, Thái độ cán bộ', 'Đang xử lý']));
    expect(rows[2]).toEqual(expect.arrayContaining(['Trực tiếp tại quầy', 'Hành vi của cán bộ']));
    expect(rows[3]).toContain('Công chức giải quyết, Tiếp nhận, xử lý góp ý');
  });
});
