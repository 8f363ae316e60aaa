/**
 * Browser sign-in: OpenID Connect Authorization Code + PKCE (S256). Where to sign in comes from
 * /config.json (`auth`): Cognito's hosted UI in AWS, the local provider under /oidc with
 * `npm start`; the code is the same. The access token lives in sessionStorage: it survives a
 * reload of this tab, not the closing of it.
 */
import { signal } from '@preact/signals';
import type { PublicAuthConfig } from '#shared/auth';

export type AuthConfig = PublicAuthConfig;

const TOKEN_KEY = 'gopy.inbox.token';
const PENDING_KEY = 'gopy.inbox.pkce';

type Session = { accessToken: string; idToken?: string; expiresAt: number };
export const session = signal<Session | undefined>(readSession());
export const signInError = signal<string | undefined>(undefined);

let config: Promise<AuthConfig> | undefined;
function authConfig(): Promise<AuthConfig> {
  config ??= fetch('/config.json', { headers: { accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`config.json: HTTP ${response.status}`))))
    .then((body: { auth?: AuthConfig }) => body.auth ?? Promise.reject(new Error('config.json has no sign-in settings')));
  config.catch(() => (config = undefined));
  return config;
}

function readSession(): Session | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(TOKEN_KEY) ?? 'null') as Session | null;
    return value && value.expiresAt > Date.now() + 30_000 ? value : undefined;
  } catch {
    return undefined;
  }
}

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const random = (size: number) => base64url(crypto.getRandomValues(new Uint8Array(size)));

/** Goes to the sign-in page; `returnTo` is where to land afterwards (e.g. /inbox/GY-…). */
export async function signIn(returnTo = location.pathname + location.search): Promise<void> {
  let auth: AuthConfig;
  try {
    auth = await authConfig();
  } catch (error) {
    signInError.value = (error as Error).message;
    return;
  }
  const verifier = random(32);
  const state = random(16);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, returnTo: returnTo.startsWith('/inbox') ? returnTo : '/inbox' }));
  const params = new URLSearchParams({
    client_id: auth.clientId,
    response_type: 'code',
    redirect_uri: auth.redirectUri,
    scope: auth.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  location.assign(`${auth.authorizationEndpoint}?${params}`);
}

/** On /inbox/callback: exchanges the code for tokens, then returns the path to show. */
export async function completeSignIn(): Promise<string> {
  const query = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as { verifier: string; state: string; returnTo: string } | null;
  sessionStorage.removeItem(PENDING_KEY);
  if (query.get('error')) throw new Error(query.get('error_description') ?? query.get('error')!);
  if (!pending || query.get('state') !== pending.state || !query.get('code')) throw new Error('state mismatch');
  const auth = await authConfig();
  const response = await fetch(auth.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: query.get('code')!,
      redirect_uri: auth.redirectUri,
      client_id: auth.clientId,
      code_verifier: pending.verifier,
    }),
  });
  const body = (await response.json().catch(() => ({}))) as { access_token?: string; id_token?: string; expires_in?: number; error_description?: string };
  if (!response.ok || !body.access_token) throw new Error(body.error_description ?? `HTTP ${response.status}`);
  const value: Session = { accessToken: body.access_token, idToken: body.id_token, expiresAt: Date.now() + (body.expires_in ?? 3600) * 1000 };
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify(value));
  session.value = value;
  return pending.returnTo;
}

export function forgetSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  session.value = undefined;
}

/** Ends the session here and at the provider (OIDC `post_logout_redirect_uri`, Cognito `logout_uri`). */
export async function signOut(): Promise<void> {
  const idToken = session.value?.idToken;
  forgetSession();
  const auth = await authConfig().catch(() => undefined);
  if (!auth) return location.assign('/inbox');
  const params = new URLSearchParams({
    client_id: auth.clientId,
    logout_uri: auth.logoutUri,
    post_logout_redirect_uri: auth.logoutUri,
    ...(idToken ? { id_token_hint: idToken } : {}),
  });
  location.assign(`${auth.endSessionEndpoint}?${params}`);
}

export const authHeader = (): Record<string, string> => (session.value ? { authorization: `Bearer ${session.value.accessToken}` } : {});
