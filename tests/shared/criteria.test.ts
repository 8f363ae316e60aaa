import { describe, expect, it } from 'vitest';
import catalogJson from '../../local/demo/catalog.json' with { type: 'json' };
import { indexCatalog, type Catalog } from '#shared/catalog';
import { criterionLabel, DEFAULT_CRITERIA } from '#shared/criteria';
import { BadRequestError } from '#shared/errors';
import { buildFeedbackRecord } from '#shared/feedback';
import type { FeedbackInput } from '#shared/schemas';

const meta = { trackingCode: 'GY-TEST0-00000', receivedAt: '2026-03-02T09:00:00+07:00', requestHash: 'h', source: 'api' as const };
const rating = (reasons: string[]): FeedbackInput => ({ counterId: 'stp-quay-02', kind: 'rating', channel: 'kiosk', rating: 2, reasons });

describe('evaluation criteria', () => {
  it("defaults to SIPAS's five elements, in both languages", () => {
    const catalog = indexCatalog(catalogJson as Catalog);
    expect(catalog.criteria.map((c) => c.id)).toEqual(['access', 'procedure', 'official', 'result', 'feedback_handling']);
    for (const c of DEFAULT_CRITERIA) expect(c.vi && c.en && c.vi !== c.en).toBeTruthy();
  });

  it("stores the catalog's criterion ids, accepts the earlier reason ids, refuses others", () => {
    const catalog = indexCatalog({ ...(catalogJson as Catalog), criteria: [{ id: 'wait', vi: 'Thời gian chờ', en: 'Waiting' }] });
    expect(buildFeedbackRecord(rating(['wait', 'fees']), catalog, meta).reasons).toEqual(['wait', 'fees']);
    expect(() => buildFeedbackRecord(rating(['official']), catalog, meta)).toThrow(BadRequestError); // not in this catalog
  });

  it('labels ids in words: configured, default or earlier; an unknown id as itself', () => {
    expect(criterionLabel('official', DEFAULT_CRITERIA, 'vi')).toBe('Công chức giải quyết');
    expect(criterionLabel('official', DEFAULT_CRITERIA, 'en')).toBe('The official serving');
    expect(criterionLabel('waiting_time', DEFAULT_CRITERIA, 'vi')).toBe('Thời gian chờ');
    expect(criterionLabel('gone', DEFAULT_CRITERIA, 'en')).toBe('gone');
  });
});
