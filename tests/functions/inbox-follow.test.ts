/** The detail follows the record: after a reroute the sending department sees where it went and is offered nothing that would fail. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { bearer, submitPetition, tokenFor } from '../support/inbox.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ auth: true });
});
afterAll(() => api?.close());

describe('POST /api/inbox/{code}/actions that take the record away', () => {
  it('a reroute answers the moved record with movedOut and no actions; the receiving department has its actions', async () => {
    const lan = bearer(await tokenFor(api, 'tuphap.lan'));
    const code = await submitPetition(api, 'so-tu-phap');
    const response = await api.request('POST', `/api/inbox/${code}/actions`, { headers: lan, body: { type: 'reroute', departmentId: 'so-xay-dung', reason: 'Thuộc thẩm quyền Sở Xây dựng' } });
    expect(response.status, response.text).toBe(200);
    expect(response.json).toMatchObject({ movedOut: true, actions: [], department: { id: 'so-xay-dung', name: 'Sở Xây dựng' } });
    const tuan = await api.request('GET', `/api/inbox/${code}`, { headers: bearer(await tokenFor(api, 'xaydung.tuan')) });
    expect(tuan.json.movedOut).toBe(false);
    expect(tuan.json.actions).toContain('acknowledge');
  });
});
