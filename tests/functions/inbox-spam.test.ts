/** Safe spam and duplicates: undo by the owning department, what the citizen's tracking page says. */
import { describe, expect, it } from 'vitest';
import { inboxTestApi, submitPetition } from '../support/inbox.ts';

const stack = inboxTestApi({ lan: 'tuphap.lan', admin: 'admin.tinh' });

const act = (code: string, body: unknown, headers = stack.who.lan) => stack.api.request('POST', `/api/inbox/${code}/actions`, { headers, body });

describe('spam and restore', () => {
  it('the spam detail offers restore; restore returns the record to its previous status with an audit event', async () => {
    const code = await submitPetition(stack.api, 'so-tu-phap');
    await act(code, { type: 'acknowledge' });
    const spam = await act(code, { type: 'spam' });
    expect(spam.json.actions).toContain('restore');

    const restored = await act(code, { type: 'restore' });

    expect(restored.status, restored.text).toBe(200);
    expect(restored.json.status).toBe('acknowledged');
    expect(restored.json.events.at(-1)).toMatchObject({ type: 'restore', from: 'spam', to: 'acknowledged', by: { id: 'tuphap.lan' } });
    const open = await stack.api.request('GET', '/api/inbox?status=open', { headers: stack.who.lan });
    expect(open.json.items.map((i: { trackingCode: string }) => i.trackingCode)).toContain(code);
  });

  it('the stack.who.admin is not offered restore and gets 403 owner_only; nothing changes', async () => {
    const code = await submitPetition(stack.api, 'so-tu-phap');
    await act(code, { type: 'spam' });
    expect((await stack.api.request('GET', `/api/inbox/${code}`, { headers: stack.who.admin })).json.actions).not.toContain('restore');

    const response = await act(code, { type: 'restore' }, stack.who.admin);

    expect(response.status).toBe(403);
    expect(response.json.error.code).toBe('owner_only');
    expect((await stack.api.request('GET', `/api/inbox/${code}`, { headers: stack.who.lan })).json.status).toBe('spam');
  });

  it('restore on a record that is not spam → 409', async () => {
    const code = await submitPetition(stack.api, 'so-tu-phap');
    expect((await act(code, { type: 'restore' })).status).toBe(409);
  });
});

describe('the citizen’s tracking page', () => {
  it('shows a spam record (closed), never its contact data; the citizen cannot act on it', async () => {
    const code = await submitPetition(stack.api, 'so-tu-phap');
    await act(code, { type: 'spam' });

    const page = await stack.api.request('GET', `/api/feedback/${code}`);

    expect(page.status, page.text).toBe(200);
    expect(page.json).toMatchObject({ trackingCode: code, status: 'spam' });
    expect(page.text).not.toContain('Nguyễn Văn An');
    const reply = await stack.api.request('POST', `/api/feedback/${code}/info`, { body: { text: 'Bổ sung' }, headers: { 'idempotency-key': `k-${code}` } });
    expect(reply.status).toBe(404);
  });

  it('a duplicate links to its original; another record does not', async () => {
    const original = await submitPetition(stack.api, 'so-tu-phap');
    const code = await submitPetition(stack.api, 'so-tu-phap');
    // A duplicate notice is public text: drafted by one official, published once a second approves it (issue 11).
    expect((await act(code, { type: 'duplicate', of: original, summary: 'Phản ánh trùng với một phản ánh đã nhận.' })).status).toBe(200);
    expect((await act(code, { type: 'approve' }, stack.who.admin)).status).toBe(200);

    const page = await stack.api.request('GET', `/api/feedback/${code}`);

    expect(page.json).toMatchObject({ status: 'duplicate', duplicateOf: original });
    expect((await stack.api.request('GET', `/api/feedback/${original}`)).json.duplicateOf).toBeUndefined();
  });
});
