/** Assignment that works: the department's officials from the directory, assign only to one of them, the assignee told. */
import { describe, expect, it } from 'vitest';
import { duePending } from '#functions/lib/outbox';
import { recordOfficial } from '#functions/lib/officials-store';
import { inboxTestApi, submitPetition } from '../support/inbox.ts';

const stack = inboxTestApi({ lan: 'tuphap.lan', minh: 'tuphap.minh' });

const act = (code: string, body: unknown, headers = stack.who.lan) => stack.api.request('POST', `/api/inbox/${code}/actions`, { headers, body });
async function acknowledged(): Promise<string> {
  const code = await submitPetition(stack.api, 'so-tu-phap');
  expect((await act(code, { type: 'acknowledge' })).status).toBe(200);
  return code;
}

describe('GET /api/inbox/officials', () => {
  it('lists the department’s officials by name and id, and no one else’s', async () => {
    const response = await stack.api.request('GET', '/api/inbox/officials', { headers: stack.who.lan });

    expect(response.status, response.text).toBe(200);
    expect(response.json.departmentId).toBe('so-tu-phap');
    expect(response.json.officials).toEqual(
      expect.arrayContaining([
        { id: 'tuphap.lan', name: 'Nguyễn Thị Lan' },
        { id: 'tuphap.minh', name: 'Phạm Văn Minh' },
      ]),
    );
    expect(response.json.officials.map((o: { id: string }) => o.id)).not.toContain('xaydung.tuan');
  });

  it('another department’s list is 404 to an official; 401 without sign-in', async () => {
    expect((await stack.api.request('GET', '/api/inbox/officials?departmentId=so-xay-dung', { headers: stack.who.lan })).status).toBe(404);
    expect((await stack.api.request('GET', '/api/inbox/officials')).status).toBe(401);
  });
});

describe('assign', () => {
  it('to an official of the list: saved, and it counts in their “assigned to me” tab', async () => {
    const before = (await stack.api.request('GET', '/api/inbox?view=mine', { headers: stack.who.minh })).json.counts.byView.mine;
    const code = await acknowledged();

    const response = await act(code, { type: 'assign', officialId: 'tuphap.minh' });

    expect(response.status, response.text).toBe(200);
    expect(response.json.assignee).toBe('tuphap.minh');
    const mine = (await stack.api.request('GET', '/api/inbox?view=mine', { headers: stack.who.minh })).json;
    expect(mine.counts.byView.mine).toBe(before + 1);
    expect(mine.items.map((i: { trackingCode: string }) => i.trackingCode)).toContain(code);
  });

  it.each([
    ['a typo', 'tuphap.minhh'],
    ['an official of another department', 'xaydung.tuan'],
  ])('to %s: 400 unknown_official, nothing written', async (_name, officialId) => {
    const code = await acknowledged();

    const response = await act(code, { type: 'assign', officialId });

    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('unknown_official');
    const detail = (await stack.api.request('GET', `/api/inbox/${code}`, { headers: stack.who.lan })).json;
    expect(detail.assignee).toBeUndefined();
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual(['acknowledge']);
  });

  it('e-mails the assignee when the directory knows their address', async () => {
    await recordOfficial({ id: 'tuphap.hai', username: 'Lê Văn Hải', departments: ['so-tu-phap'], admin: false, email: 'hai@stp.example.vn' }, new Date());
    const code = await acknowledged();

    expect((await act(code, { type: 'assign', officialId: 'tuphap.hai' })).status).toBe(200);

    const mail = (await duePending(new Date(Date.now() + 60_000), 500)).filter((m) => m.ref.trackingCode === code && m.to === 'hai@stp.example.vn');
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ channel: 'email', ref: { kind: 'assigned' } });
    expect(mail[0]!.text).toContain(code);
  });
});
