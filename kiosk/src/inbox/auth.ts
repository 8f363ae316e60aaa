/**
 * Browser sign-in: OpenID Connect Authorization Code + PKCE (S256). Where to sign in comes from
 * /config.json (`auth`): Cognito's hosted UI in AWS, the local provider under /oidc with
 * `npm start`; the code is the same. The tokens live in sessionStorage: they survive a reload of
 * this tab, not the closing of it. The one-hour access token is renewed silently with the refresh
 * token (which rotates on each use) a few minutes before it expires, so an official signs in once
 * per working day; sign-out revokes the refresh token.
 */
import { signal } from '@preact/signals';
import type { PublicAuthConfig } from '#shared/auth';

export type AuthConfig = PublicAuthConfig;

const TOKEN_KEY = 'gopy.inbox.token';
const PENDING_KEY = 'gopy.inbox.pkce';

type Session = { accessToken: string; idToken?: string; refreshToken?: string; expiresAt: number };
type TokenResponse = { access_token?: string; id_token?: string; refresh_token?: string; expires_in?: number; error_description?: string };
/** Renew this long before the access token expires (also covers a tab throttled in the background). */
const RENEW_BEFORE_MS = 5 * 60_000;

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
    // An expired access token is still worth keeping with a refresh token: it is renewed right away.
    return value && (value.expiresAt > Date.now() + 30_000 || value.refreshToken) ? value : undefined;
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
  const body = (await response.json().catch(() => ({}))) as TokenResponse;
  if (!response.ok || !body.access_token) throw new Error(body.error_description ?? `HTTP ${response.status}`);
  keep(body);
  return pending.returnTo;
}

/** Stores a token response; a renewal without a new refresh token keeps the current one. */
function keep(body: TokenResponse, previous?: Session): void {
  const value: Session = {
    accessToken: body.access_token!,
    idToken: body.id_token ?? previous?.idToken,
    refreshToken: body.refresh_token ?? previous?.refreshToken,
    expiresAt: Date.now() + (body.expires_in ?? 3600) * 1000,
  };
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify(value));
  session.value = value;
  scheduleRenewal();
}

let renewing: Promise<void> | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Trades the refresh token for new tokens; when that fails the session ends (the next call asks to sign in). */
export function renewSession(): Promise<void> {
  renewing ??= (async () => {
    const current = session.value;
    if (!current?.refreshToken) return;
    try {
      const auth = await authConfig();
      const response = await fetch(auth.tokenEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: current.refreshToken, client_id: auth.clientId }),
      });
      const body = (await response.json().catch(() => ({}))) as TokenResponse;
      if (response.ok && body.access_token) keep(body, current);
      else if (response.status >= 400 && response.status < 500) forgetSession(); // revoked or expired: sign in again
    } catch {
      // Offline: try again at the next check; the access token may still be valid.
    }
  })().finally(() => (renewing = undefined));
  return renewing;
}

/** Before a call: renews first when the access token is about to expire (a sleeping tab missed its timer). */
export async function renewIfDue(): Promise<void> {
  const current = session.value;
  if (current?.refreshToken && current.expiresAt - 60_000 <= Date.now()) await renewSession();
}

function scheduleRenewal(): void {
  clearTimeout(timer);
  const current = session.value;
  if (!current?.refreshToken || typeof window === 'undefined') return;
  timer = setTimeout(() => void renewSession(), Math.max(0, current.expiresAt - RENEW_BEFORE_MS - Date.now()));
}

if (typeof document !== 'undefined') {
  // Timers sleep with a background tab or a closed laptop lid: check again when the page is seen.
  document.addEventListener('visibilitychange', () => {
    const current = session.value;
    if (document.visibilityState === 'visible' && current && current.expiresAt - RENEW_BEFORE_MS <= Date.now()) void renewSession();
  });
  scheduleRenewal();
}

export function forgetSession(): void {
  clearTimeout(timer);
  sessionStorage.removeItem(TOKEN_KEY);
  session.value = undefined;
}

/** Revokes the refresh token at the provider (RFC 7009), so a copied token is worthless after sign-out. */
async function revoke(auth: AuthConfig, refreshToken: string): Promise<void> {
  await fetch(auth.revocationEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: refreshToken, token_type_hint: 'refresh_token', client_id: auth.clientId }),
  }).catch(() => undefined);
}

/** Ends the session here and at the provider (OIDC `post_logout_redirect_uri`, Cognito `logout_uri`). */
export async function signOut(): Promise<void> {
  const idToken = session.value?.idToken;
  const refreshToken = session.value?.refreshToken;
  forgetSession();
  const auth = await authConfig().catch(() => undefined);
  if (!auth) return location.assign('/inbox');
  if (refreshToken) await revoke(auth, refreshToken);
  const params = new URLSearchParams({
    client_id: auth.clientId,
    logout_uri: auth.logoutUri,
    post_logout_redirect_uri: auth.logoutUri,
    ...(idToken ? { id_token_hint: idToken } : {}),
  });
  location.assign(`${auth.endSessionEndpoint}?${params}`);
}

export const authHeader = (): Record<string, string> => (session.value ? { authorization: `Bearer ${session.value.accessToken}` } : {});
