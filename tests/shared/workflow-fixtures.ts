/** A petition record of the demo catalog's Sở Tư pháp and its officials, for the workflow's pure tests. */
import type { Official } from '#shared/auth';
import { indexCatalog } from '#shared/catalog';
import type { CaseRecord } from '#shared/workflow';
import catalogJson from '../../local/demo/catalog.json' with { type: 'json' };

export const catalog = indexCatalog(catalogJson as never);
export const lan: Official = { id: 'tuphap.lan', username: 'tuphap.lan', departments: ['so-tu-phap'], admin: false };
export const minh: Official = { id: 'tuphap.minh', username: 'tuphap.minh', departments: ['so-tu-phap'], admin: false };
export const admin: Official = { id: 'admin.tinh', username: 'admin.tinh', departments: [], admin: true };

export function petitionRecord(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    trackingCode: 'GY-22222-22222',
    kind: 'pakn',
    channel: 'web',
    status: 'received',
    counterId: 'stp-quay-02',
    departmentId: 'so-tu-phap',
    comment: 'Đề nghị rút ngắn thời hạn.',
    contact: { name: 'Nguyễn Văn An', phone: '0912345678' },
    consent: true,
    receivedAt: '2026-03-02T09:00:00+07:00',
    dueAt: '2026-03-16T23:59:59+07:00',
    transferDueAt: '2026-03-09T23:59:59+07:00',
    routing: [{ at: '2026-03-02T09:00:00+07:00', by: 'system', to: 'so-tu-phap', rule: 'counter', reason: 'quầy' }],
    requestHash: 'h',
    source: 'api',
    updatedAt: '2026-03-02T09:00:00+07:00',
    ...overrides,
  };
}
