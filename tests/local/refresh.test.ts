/**
 * Sessions of a working day: the local provider, like Cognito, returns a refresh token with the code
 * grant, rotates it on each renewal and revokes it at sign-out (kiosk/src/inbox/auth.ts uses both).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '#local/oidc-client';
import { startTestApi, type TestApi } from '../support/api.ts';
import { bearer } from '../support/inbox.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ auth: true });
});
afterAll(() => api?.close());

const form = async (path: string, fields: Record<string, string>) => {
  const response = await fetch(api.url + path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
  return { status: response.status, json: (await response.json().catch(() => ({}))) as Record<string, any> };
};

describe('refresh tokens', () => {
  it('renews the access token silently, rotating the refresh token; the old one no longer works', async () => {
    const config = (await api.request('GET', '/config.json')).json.auth;
    const tokens = await signIn(api.url, 'tuphap.lan', 'GopY-tuphap-2026');
    expect(tokens.refresh_token).toEqual(expect.any(String));
    const tokenPath = new URL(config.tokenEndpoint).pathname;

    const renewed = await form(tokenPath, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, client_id: config.clientId });
    expect(renewed.status).toBe(200);
    expect(renewed.json.refresh_token).toEqual(expect.any(String));
    expect(renewed.json.refresh_token).not.toBe(tokens.refresh_token);
    const me = await api.request('GET', '/api/inbox/me', { headers: bearer(renewed.json.access_token) });
    expect(me.status).toBe(200);
    expect(me.json.official).toMatchObject({ id: 'tuphap.lan', username: 'Nguyễn Thị Lan' });

    const replayed = await form(tokenPath, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, client_id: config.clientId });
    expect(replayed.status).toBe(400);
  });

  it('sign-out revokes the refresh token', async () => {
    const config = (await api.request('GET', '/config.json')).json.auth;
    const tokens = await signIn(api.url, 'tuphap.minh', 'GopY-tuphap2-2026');
    const revoked = await form(new URL(config.revocationEndpoint).pathname, { token: tokens.refresh_token!, token_type_hint: 'refresh_token', client_id: config.clientId });
    expect(revoked.status).toBe(200);
    const after = await form(new URL(config.tokenEndpoint).pathname, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, client_id: config.clientId });
    expect(after.status).toBe(400);
    expect(after.json.error).toBe('invalid_grant');
  });
});
