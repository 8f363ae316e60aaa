import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFeedback } from '#functions/lib/feedback-store';
import { startTestApi, type TestApi } from '../support/api.ts';
import { countItems } from '../support/table.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const rating = { counterId: 'bt-quay-01', kind: 'rating', channel: 'qr', rating: 5 };
const petition = {
  counterId: 'bt-quay-01',
  kind: 'pakn',
  channel: 'qr',
  procedureCode: '2.001417',
  comment: 'Đề nghị rút ngắn thời hạn cấp phiếu lý lịch tư pháp.',
  contact: { name: 'Trần Thị Bình', phone: '0912 345 678', address: '12 Lê Lợi' },
  consent: true,
};
let keySeq = 0;
const key = () => `test-key-${Date.now()}-${keySeq++}`;

describe('POST /api/feedback', () => {
  it('accepts an anonymous rating with a receipt', async () => {
    const { status, json } = await api.request('POST', '/api/feedback', { body: rating });
    expect(status).toBe(201);
    expect(json).toMatchObject({ kind: 'rating', status: 'received', department: { id: 'ubnd-phuong-ben-thanh', name: 'UBND phường Bến Thành' } });
    expect(json.trackingCode).toMatch(/^GY-[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    expect(json.receivedAt).toMatch(/\+07:00$/);
  });

  it('routes a petition to the procedure’s owner with a working-day deadline', async () => {
    const { status, json } = await api.request('POST', '/api/feedback', { body: petition, headers: { 'idempotency-key': key() } });
    expect(status).toBe(201);
    expect(json.department.id).toBe('so-tu-phap');
    expect(json.dueAt).toMatch(/T23:59:59\+07:00$/);
  });

  it('answers a replay (same key, same body) with the same receipt and writes nothing new', async () => {
    const k = key();
    const first = await api.request('POST', '/api/feedback', { body: petition, headers: { 'idempotency-key': k } });
    const before = await countItems();
    const again = await api.request('POST', '/api/feedback', { body: petition, headers: { 'idempotency-key': k } });
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(await countItems()).toBe(before);
  });

  it('refuses a key reused with a different body (409)', async () => {
    const k = key();
    await api.request('POST', '/api/feedback', { body: rating, headers: { 'idempotency-key': k } });
    const { status, json } = await api.request('POST', '/api/feedback', { body: { ...rating, rating: 1 }, headers: { 'idempotency-key': k } });
    expect(status).toBe(409);
    expect(json.error.code).toBe('idempotency_conflict');
  });

  it('stores text trimmed and in NFC', async () => {
    const { json } = await api.request('POST', '/api/feedback', { body: { ...rating, comment: '  Ho\u0323\u0302 ti\u0323ch nhanh  ' } });
    expect((await getFeedback(json.trackingCode))?.comment).toBe('Hộ tịch nhanh');
  });

  it('keeps no contact data without consent', async () => {
    const { json } = await api.request('POST', '/api/feedback', { body: { ...rating, contact: { name: 'Lê Văn C', phone: '0987654321' } } });
    expect((await getFeedback(json.trackingCode))?.contact).toBeUndefined();
  });
});

describe('POST /api/feedback rejects bad input with the error shape and writes nothing', () => {
  const big = 'a'.repeat(70 * 1024);
  const cases: [string, { body?: unknown; raw?: string; headers?: Record<string, string> }, number, string][] = [
    ['wrong types', { body: { ...rating, rating: 'five' } }, 400, 'validation_failed'],
    ['out-of-range rating', { body: { ...rating, rating: 6 } }, 400, 'validation_failed'],
    ['unknown kind', { body: { ...rating, kind: 'complaint' } }, 400, 'validation_failed'],
    ['unknown criterion', { body: { ...rating, reasons: ['weather'] } }, 400, 'unknown_criterion'],
    ['malformed criterion id', { body: { ...rating, reasons: ['Weather!'] } }, 400, 'validation_failed'],
    ['unknown field', { body: { ...rating, admin: true } }, 400, 'validation_failed'],
    ['unknown counter', { body: { ...rating, counterId: 'khong-ton-tai' } }, 400, 'unknown_counter'],
    ['unknown procedure', { body: { ...rating, procedureCode: '9.999999' } }, 400, 'unknown_procedure'],
    ['malformed procedure code', { body: { ...rating, procedureCode: '1001247' } }, 400, 'validation_failed'],
    ['oversize comment', { body: { ...rating, comment: 'x'.repeat(4001) } }, 400, 'validation_failed'],
    ['control characters', { body: { ...rating, comment: 'xin\u0000chào' } }, 400, 'validation_failed'],
    ['bidi override', { body: { ...rating, comment: 'abc\u202Edef' } }, 400, 'validation_failed'],
    ['non-JSON', { raw: '{"counterId":', headers: { 'content-type': 'application/json' } }, 400, 'invalid_json'],
    ['a JSON array', { body: [rating] }, 400, 'invalid_body'],
    ['an empty body', { raw: '', headers: { 'content-type': 'application/json' } }, 400, 'empty_body'],
    ['not JSON content type', { raw: 'rating=5', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'unsupported_media_type'],
    ['a body over 64 KB', { body: { ...rating, comment: big } }, 413, 'payload_too_large'],
    ['a body over 1 MB', { raw: 'x'.repeat(1.5 * 1024 * 1024), headers: { 'content-type': 'application/json' } }, 413, 'payload_too_large'],
    ['a rating with neither rating nor comment', { body: { ...rating, rating: undefined } }, 400, 'missing_fields'],
    ['a petition without contact or consent', { body: { ...petition, contact: undefined, consent: undefined } }, 400, 'missing_fields'],
    ['a petition with a name but no phone or address', { body: { ...petition, contact: { name: 'A' } } }, 400, 'missing_fields'],
    ['an invalid phone', { body: { ...petition, contact: { ...petition.contact, phone: '12345' } } }, 400, 'validation_failed'],
    ['a kiosk submission without Idempotency-Key', { body: { ...rating, channel: 'kiosk' } }, 400, 'missing_idempotency_key'],
    ['a malformed Idempotency-Key', { body: rating, headers: { 'idempotency-key': 'short' } }, 400, 'invalid_idempotency_key'],
  ];

  it.each(cases)('%s', async (_name, init, status, code) => {
    const before = await countItems();
    const response = await api.request('POST', '/api/feedback', init);
    expect(response.status).toBe(status);
    expect(response.json.error).toMatchObject({ code, message: expect.any(String) });
    expect(await countItems()).toBe(before);
  });

  it('names every missing field of a petition', async () => {
    const { json } = await api.request('POST', '/api/feedback', { body: { counterId: 'bt-quay-01', kind: 'pakn', channel: 'web' } });
    expect(json.error.details.map((d: { path: string }) => d.path)).toEqual(['comment', 'contact.name', 'contact.phone|contact.address', 'consent']);
  });
});
