import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '#local/oidc-client';
import { startTestApi, type TestApi } from '../support/api.ts';
import { bearer, tokenFor } from '../support/inbox.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ auth: true });
});
afterAll(() => api?.close());

const inbox = (headers: Record<string, string>) => api.request('GET', '/api/inbox', { headers });

/** A token signed with the provider's own key but with chosen claims (expired, edited…). */
async function forge(claims: Record<string, unknown>, key?: CryptoKey | Uint8Array) {
  const signing = key ?? (await importJWK(api.oidc!.keys.signing, 'RS256'));
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    iss: api.oidc!.issuer,
    sub: 'tuphap.lan',
    aud: api.oidc!.resource,
    iat: now - 60,
    exp: now + 600,
    client_id: api.oidc!.clientId,
    username: 'tuphap.lan',
    token_use: 'access',
    'cognito:groups': ['dept-so-tu-phap'],
    jti: randomUUID(),
    ...claims,
  };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', kid: api.oidc!.keys.signing.kid, typ: 'at+jwt' })
    .sign(signing);
}

describe('signing in through the local OpenID provider', () => {
  it('issues an access token (code + PKCE) the API accepts', async () => {
    const token = await tokenFor(api, 'tuphap.lan');
    const response = await api.request('GET', '/api/inbox/me', { headers: bearer(token) });
    expect(response.status).toBe(200);
    expect(response.json.official).toMatchObject({ id: 'tuphap.lan', username: 'Nguyễn Thị Lan', departments: ['so-tu-phap'], admin: false });
  });

  it('publishes the sign-in settings at /config.json in the shape the deployed site has', async () => {
    const response = await api.request('GET', '/config.json');
    expect(response.json).toEqual({
      stage: 'local',
      auth: {
        issuer: `${api.url}/oidc`,
        clientId: 'gopy-inbox',
        authorizationEndpoint: `${api.url}/oidc/auth`,
        tokenEndpoint: `${api.url}/oidc/token`,
        endSessionEndpoint: `${api.url}/oidc/session/end`,
        revocationEndpoint: `${api.url}/oidc/token/revocation`,
        redirectUri: `${api.url}/inbox/callback`,
        logoutUri: `${api.url}/inbox`,
        scope: 'openid profile inbox',
      },
    });
  });

  it('refuses a wrong password', async () => {
    await expect(signIn(api.url, 'tuphap.lan', 'wrong-password')).rejects.toThrow(/wrong password/);
  });

  it('accepts a token whose claims are shaped by hand but signed by the provider (control for the forgeries below)', async () => {
    expect((await inbox(bearer(await forge({})))).status).toBe(200);
  });
});

describe('bad tokens → 401 with the error shape', () => {
  const cases: [string, () => Promise<Record<string, string>>][] = [
    ['missing', async () => ({})],
    ['not a bearer token', async () => ({ authorization: 'Basic dHVwaGFwOnB3' })],
    ['malformed', async () => bearer('not.a-jwt')],
    ['expired', async () => bearer(await forge({ exp: Math.floor(Date.now() / 1000) - 120 }))],
    [
      'unsigned (alg none)',
      async () => {
        const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
        const valid = await tokenFor(api, 'tuphap.lan');
        return bearer(`${header}.${valid.split('.')[1]}.`);
      },
    ],
    [
      'signed with another key',
      async () => {
        const { privateKey } = await generateKeyPair('RS256');
        return bearer(await forge({}, privateKey));
      },
    ],
    [
      'edited payload (groups changed to admin)',
      async () => {
        const [header, payload, signature] = (await tokenFor(api, 'tuphap.lan')).split('.');
        const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
        claims['cognito:groups'] = ['admin'];
        return bearer(`${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`);
      },
    ],
    ['another issuer', async () => bearer(await forge({ iss: 'https://evil.example/oidc' }))],
    // Cognito's ID token passes API Gateway's authorizer (its aud is the client id); the API refuses it.
    ['an ID token (token_use id, aud the client)', async () => bearer(await forge({ token_use: 'id', aud: api.oidc!.clientId, client_id: undefined }))],
    ['another audience and client', async () => bearer(await forge({ aud: 'https://other.example/api', client_id: 'someone-else' }))],
  ];

  for (const [name, headers] of cases) {
    it(name, async () => {
      const response = await inbox(await headers());
      expect(response.status).toBe(401);
      expect(response.json.error.code).toMatch(/^(missing_token|invalid_token|token_expired)$/);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    });
  }

  it('a public key published by the provider cannot sign (symmetric-key confusion)', async () => {
    const publicJwk = await exportJWK((await generateKeyPair('RS256')).publicKey);
    const token = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
    expect((await inbox(bearer(token))).status).toBe(401);
  });
});
