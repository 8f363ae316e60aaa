import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fileTransport } from '#functions/lib/transport';
import { devOutboxMount } from '#local/dev-outbox';
import { startTestApi, type TestApi } from '../support/api.ts';

let api: TestApi;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gopy-dev-outbox-'));
  api = await startTestApi({ mounts: [devOutboxMount(dir)] });
});
afterAll(() => api?.close());

it('/dev/outbox lists what the files transport sent, newest first, escaped', async () => {
  expect((await api.request('GET', '/dev/outbox')).text).toContain('Chưa có tin nào');
  const send = fileTransport(dir).send;
  const base = { state: 'pending' as const, attempts: 0, createdAt: '', nextAttemptAt: '', ref: { kind: 'received', trackingCode: 'GY-22222-22222' } };
  await send({ ...base, id: '1', channel: 'sms', to: '0912345678', text: 'Gop Y: da tiep nhan GY-22222-22222' }, new Date());
  await new Promise((resolve) => setTimeout(resolve, 5)); // distinct timestamps: newest first is testable
  await send({ ...base, id: '2', channel: 'email', to: 'a@example.vn', subject: 'Đã tiếp nhận', text: '<script>alert(1)</script>' }, new Date());
  const page = await api.request('GET', '/dev/outbox');
  expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  expect(page.text).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  expect(page.text).not.toContain('<script>alert');
  const json = await api.request('GET', '/dev/outbox.json');
  expect(json.json.messages.map((m: { to: string }) => m.to)).toEqual(['a@example.vn', '0912345678']);
});
