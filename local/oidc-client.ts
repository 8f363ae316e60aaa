/**
 * Signs a demo official in through the local provider with Authorization Code + PKCE over HTTP,
 * exactly the browser's path (login form, redirects, token endpoint). Used by `npm run token` and tests.
 */
import { createHash, randomBytes } from 'node:crypto';
import { CALLBACK_PATH, INBOX_CLIENT_ID, INBOX_SCOPE, OIDC_PATH } from './oidc.ts';

export type Tokens = { access_token: string; id_token: string; refresh_token?: string; expires_in: number; token_type: string };

/**
 * `baseUrl`: where the server answers; `publicOrigin`: the origin the provider was configured with
 * (the registered redirect URI), when the two differ.
 */
export async function signIn(baseUrl: string, username: string, password: string, publicOrigin = baseUrl): Promise<Tokens> {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(12).toString('base64url');
  const redirectUri = `${publicOrigin}${CALLBACK_PATH}`;
  const jar = new Map<string, string>();
  const go = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(new URL(url, baseUrl), {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return response;
  };
  const location = (response: Response) => {
    const value = response.headers.get('location');
    if (!value) throw new Error(`sign-in stopped: HTTP ${response.status} without a redirect`);
    const url = new URL(value, baseUrl);
    return url.origin === publicOrigin ? `${url.pathname}${url.search}` : url.href;
  };

  const authorize = new URLSearchParams({
    client_id: INBOX_CLIENT_ID,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: INBOX_SCOPE,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  });
  const login = location(await go(`${OIDC_PATH}/auth?${authorize}`));
  await (await go(login)).text();
  const submitted = await go(login, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password }).toString(),
  });
  if (submitted.status === 401) throw new Error(`wrong password for ${username}`);
  let next = location(submitted);
  for (let hop = 0; hop < 5 && !next.includes('code='); hop++) next = location(await go(next));
  const callback = new URL(next, publicOrigin);
  if (callback.searchParams.get('state') !== state) throw new Error('state mismatch');
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`no authorization code: ${callback.searchParams.get('error_description') ?? next}`);
  const token = await go(`${OIDC_PATH}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: INBOX_CLIENT_ID, code_verifier: verifier }).toString(),
  });
  if (!token.ok) throw new Error(`token endpoint: HTTP ${token.status} ${await token.text()}`);
  return (await token.json()) as Tokens;
}
