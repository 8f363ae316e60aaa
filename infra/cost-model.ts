/**
 * What one submission writes and sends, derived from the code that does it (no template needed):
 * the record as `toItem` stores it and the indexes its keys put it in (a bare rating has
 * `dueAt: null`, so no queue copy in gsi1), the per-device rate-limit window that `takeDeviceSlot`
 * updates first, and the citizen's notifications (`citizenMessages`) with the outbox items that
 * carry them (`itemOf`: pending in gsi1, then delivered). `infra/cost.ts` prices these.
 */
import { readFileSync } from 'node:fs';
import { marshall } from '@aws-sdk/util-dynamodb';
import { toItem } from '#functions/lib/feedback-store';
import { keys } from '#functions/lib/keys';
import { itemOf, type OutboxItem } from '#functions/lib/outbox';
import { indexCatalog, type Catalog } from '#shared/catalog';
import { buildFeedbackRecord } from '#shared/feedback';
import { citizenMessages, type CitizenNotice } from '#shared/notifications';
import type { FeedbackInput } from '#shared/schemas';
import { TABLE } from '#shared/table';

/** DynamoDB item size: attribute names plus values (AWS's documented rules, numbers approximated). */
export function itemBytes(item: Record<string, any>): number {
  const value = (v: any): number => {
    if ('S' in v) return Buffer.byteLength(v.S, 'utf8');
    if ('N' in v) return Math.ceil(String(v.N).replace(/^-/, '').length / 2) + 1;
    if ('BOOL' in v || 'NULL' in v) return 1;
    if ('L' in v) return 3 + v.L.reduce((sum: number, e: any) => sum + 1 + value(e), 0);
    if ('M' in v) return 3 + Object.entries(v.M).reduce((sum, [k, e]) => sum + 1 + Buffer.byteLength(k, 'utf8') + value(e), 0);
    if ('SS' in v) return v.SS.reduce((sum: number, s: string) => sum + Buffer.byteLength(s, 'utf8'), 0);
    return 0;
  };
  return Object.entries(item).reduce((sum, [name, v]) => sum + Buffer.byteLength(name, 'utf8') + value(v), 0);
}

/** On-demand writes bill one unit per started KB, for the table and again for each index copy. */
const writeUnits = (bytes: number) => Math.ceil(bytes / 1024);

/** Billed SMS parts: 160 GSM-7 characters in one part, 153 per part when split; 70/67 otherwise. */
export function smsParts(text: string): number {
  const gsm = /^[A-Za-z0-9 @£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà]*$/.test(text);
  const [single, part] = gsm ? [160, 153] : [70, 67];
  return text.length <= single ? 1 : Math.ceil(text.length / part);
}

export type Sample = {
  name: string;
  input: FeedbackInput;
  /** The notices a citizen gets over the item's life (assumed: received, then one published answer). */
  notices: CitizenNotice[];
};

export const SAMPLES: Sample[] = [
  { name: 'kiosk rating, no comment', input: { counterId: 'tthc-quay-01', kind: 'rating', channel: 'kiosk', rating: 4, reasons: ['waiting_time'], deviceId: 'kiosk-01' }, notices: [] },
  {
    name: 'QR rating, 300-character comment',
    input: { counterId: 'tthc-quay-01', kind: 'rating', channel: 'qr', rating: 2, deviceId: 'b-6f1c2a9e', comment: 'Thời gian chờ quá lâu, cán bộ hướng dẫn chưa rõ ràng về giấy tờ cần bổ sung. '.repeat(4).slice(0, 300) },
    notices: [],
  },
  {
    name: 'petition (PAKN), 2,000 characters, phone',
    input: {
      counterId: 'tthc-quay-01',
      kind: 'pakn',
      channel: 'qr',
      deviceId: 'b-6f1c2a9e',
      comment: 'Đề nghị xem xét lại quy định về thành phần hồ sơ đăng ký đất đai vì chưa phù hợp thực tế. '.repeat(25).slice(0, 2000),
      contact: { name: 'Nguyễn Văn An', phone: '0912345678', address: '12 Lê Lợi, phường Bến Thành, TP. Hồ Chí Minh' },
      consent: true,
    },
    notices: ['received', 'answer-published'],
  },
];

export type SubmissionWrites = {
  name: string;
  kind: FeedbackInput['kind'];
  bytes: number;
  /** Where the record is stored: the table and each index whose partition key it carries. */
  copies: string[];
  recordWru: number;
  rateLimitWru: number;
  /** Outbox items over the item's life: queued (table + gsi1), then delivered (table, gsi1 entry removed). */
  outboxWru: number;
  smsParts: number;
  emails: number;
};

const SITE = 'https://d1a2b3c4d5e6f7.cloudfront.net';
const AT = new Date('2026-10-15T02:30:00Z');

const catalog = () => indexCatalog(JSON.parse(readFileSync('local/demo/catalog.json', 'utf8')) as Catalog);

/** Every sample's writes and messages, from the records and items the code builds. */
export function submissionWrites(samples: Sample[] = SAMPLES): SubmissionWrites[] {
  const index = catalog();
  return samples.map(({ name, input, notices }) => {
    const record = buildFeedbackRecord(input, index, { trackingCode: 'GY-ABCDE-FGHIJ', receivedAt: AT, requestHash: 'x'.repeat(43), source: 'api' });
    const item = toItem(record);
    const bytes = itemBytes(item);
    const copies = ['table', ...TABLE.indexes.filter((i) => i.partitionKey in item).map((i) => i.name)];
    const window = Math.floor(AT.getTime() / 1000);
    const rateLimitWru = input.deviceId ? writeUnits(itemBytes(marshall({ ...keys.rateWindow('device', input.deviceId, window), hits: 1, expiresAt: window + 3660 }))) : 0;
    const messages = notices.flatMap((notice) => citizenMessages(record, notice, { baseUrl: SITE, text: 'Trả lời của cơ quan. '.repeat(20) }));
    let outboxWru = 0;
    for (const message of messages) {
      const entry: OutboxItem = { ...message, id: crypto.randomUUID(), state: 'pending', attempts: 0, createdAt: record.receivedAt, nextAttemptAt: record.receivedAt, ref: { trackingCode: record.trackingCode, kind: 'received' } };
      const pending = writeUnits(itemBytes(itemOf(entry, AT)));
      const delivered = writeUnits(itemBytes(itemOf({ ...entry, state: 'delivered', attempts: 1, deliveredAt: record.receivedAt }, AT)));
      outboxWru += 2 * pending + delivered + pending;
    }
    return {
      name,
      kind: input.kind,
      bytes,
      copies,
      recordWru: writeUnits(bytes) * copies.length,
      rateLimitWru,
      outboxWru,
      smsParts: messages.filter((m) => m.channel === 'sms').reduce((sum, m) => sum + smsParts(m.text), 0),
      emails: messages.filter((m) => m.channel === 'email').length,
    };
  });
}
