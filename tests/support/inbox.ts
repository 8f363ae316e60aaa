/** Helpers for inbox tests: real sign-in through the local provider, and petitions to work on. */
import { signIn } from '#local/oidc-client';
import { afterAll, beforeAll } from 'vitest';
import { startTestApi, type TestApi } from './api.ts';

const cache = new Map<string, string>();

/** An access token for a demo official, obtained by the real Authorization Code + PKCE flow. */
export async function tokenFor(api: TestApi, username: string): Promise<string> {
  const key = `${api.url}|${username}`;
  if (!cache.has(key)) {
    const official = api.oidc?.officials.find((o) => o.username === username);
    if (!official) throw new Error(`no demo official ${username} (start the test API with auth: true)`);
    cache.set(key, (await signIn(api.url, official.username, official.password)).access_token);
  }
  return cache.get(key)!;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The first demo official of a department, or the admin. */
export function officialOf(api: TestApi, departmentId: string | 'admin', index = 0): string {
  const group = departmentId === 'admin' ? 'admin' : `dept-${departmentId}`;
  const found = api.oidc!.officials.filter((o) => o.groups.includes(group))[index];
  if (!found) throw new Error(`no demo official #${index} for ${departmentId}`);
  return found.username;
}

/** A counter of each demo department, to submit petitions that route there. */
export const COUNTER_OF: Record<string, string> = {
  'tiep-nhan-chung': 'tthc-quay-01',
  'so-tu-phap': 'stp-quay-02',
  'so-tai-chinh': 'stc-quay-03',
  'so-nong-nghiep-moi-truong': 'snnmt-quay-05',
  'so-xay-dung': 'sxd-quay-06',
  'ubnd-phuong-ben-thanh': 'bt-quay-01',
  'ubnd-xa-binh-chanh': 'bc-quay-01',
};

export async function submitPetition(api: TestApi, departmentId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await api.request('POST', '/api/feedback', {
    body: {
      counterId: COUNTER_OF[departmentId],
      kind: 'pakn',
      channel: 'web',
      comment: 'Đề nghị công khai thời gian giải quyết thực tế của từng hồ sơ.',
      contact: { name: 'Nguyễn Văn An', phone: '0912345678', email: 'an.nguyen@example.vn' },
      consent: true,
      ...overrides,
    },
  });
  if (response.status !== 201) throw new Error(`submit failed: ${response.status} ${response.text}`);
  return response.json.trackingCode as string;
}

/** A petition to `departmentId` whose answer two of its officials drafted and published. */
export async function answeredPetition(api: TestApi, departmentId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const code = await submitPetition(api, departmentId, overrides);
  const [drafter, approver] = [bearer(await tokenFor(api, officialOf(api, departmentId, 0))), bearer(await tokenFor(api, officialOf(api, departmentId, 1)))];
  const steps: [Record<string, string>, unknown][] = [
    [drafter, { type: 'acknowledge' }],
    [drafter, { type: 'answer', text: 'Đơn vị đã tiếp thu và điều chỉnh quy trình tiếp nhận.', summary: 'Phản ánh về quy trình tiếp nhận hồ sơ.' }],
    [approver, { type: 'approve' }],
  ];
  for (const [headers, body] of steps) {
    const response = await api.request('POST', `/api/inbox/${code}/actions`, { headers, body });
    if (response.status !== 200) throw new Error(`answer failed: ${response.status} ${response.text}`);
  }
  return code;
}

/**
 * A file's test API with sign-in, and bearer headers of officials by alias: `who.lan` for
 * `{ lan: 'tuphap.lan' }`. Both are filled in beforeAll; the API closes afterAll.
 */
export function inboxTestApi<A extends string>(officials: Record<A, string>): { api: TestApi; who: Record<A, Record<string, string>> } {
  const context = { api: undefined as unknown as TestApi, who: {} as Record<A, Record<string, string>> };
  beforeAll(async () => {
    context.api = await startTestApi({ auth: true });
    for (const [alias, username] of Object.entries(officials) as [A, string][]) context.who[alias] = bearer(await tokenFor(context.api, username));
  });
  afterAll(() => context.api?.close());
  return context;
}
