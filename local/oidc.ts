/**
 * A real OpenID provider in-process (oidc-provider 9), mounted under /oidc of the local server:
 * demo officials sign in with a password, the inbox uses Authorization Code + PKCE, access tokens
 * are RS256 JWTs shaped like Cognito's (`client_id`, `username`, `cognito:groups`). Signing and
 * cookie keys are kept in DATA_DIR so tokens stay valid across restarts.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { type InteractionDetails } from 'oidc-provider';
import { SECURITY_HEADERS } from '#shared/pages';
import type { PublicAuthConfig } from '#shared/auth';
import { fileAdapter } from './oidc-store.ts';

export const INBOX_CLIENT_ID = 'gopy-inbox';
export const INBOX_SCOPE = 'openid profile inbox';
export const OIDC_PATH = '/oidc';
export const CALLBACK_PATH = '/inbox/callback';

export type DemoOfficial = { username: string; password: string; name: string; groups: string[] };
export type OidcKeys = { signing: JWK; cookies: string[] };

export type LocalOidc = {
  issuer: string;
  /** `/config.json` as the deployed site serves it, pointing at this provider. */
  publicConfig: { stage: 'local'; auth: PublicAuthConfig & { issuer: string } };
  clientId: string;
  /** Audience of the access tokens: the API. */
  resource: string;
  keys: OidcKeys;
  officials: DemoOfficial[];
  /** Server mount: handles /oidc/** and /config.json and answers true, else false. */
  mount: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
};

export async function loadDemoOfficials(): Promise<DemoOfficial[]> {
  const file = JSON.parse(await readFile(new URL('./demo/officials.json', import.meta.url), 'utf8')) as { officials: DemoOfficial[] };
  return file.officials;
}

async function newKeys(): Promise<OidcKeys> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signing = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: randomBytes(8).toString('hex') };
  return { signing, cookies: [randomBytes(32).toString('base64url')] };
}

/** Keys from DATA_DIR/oidc/keys.json, created on first use; in memory when no directory is given. */
export async function loadKeys(dataDir?: string): Promise<OidcKeys> {
  if (!dataDir) return newKeys();
  const file = join(dataDir, 'oidc', 'keys.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as OidcKeys;
  const keys = await newKeys();
  await mkdir(join(dataDir, 'oidc'), { recursive: true });
  await writeFile(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(action: string, error?: string, username = ''): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Đăng nhập cán bộ — Góp Ý</title>
<style>body{font-family:system-ui,sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a}label{display:block;margin-top:1rem;font-weight:600}input{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;margin-top:.25rem;border:1px solid #767676;border-radius:4px}button{margin-top:1.5rem;width:100%;padding:.7rem;font-size:1rem;background:#a50e0e;color:#fff;border:0;border-radius:4px;cursor:pointer}.error{background:#fdecea;border-left:4px solid #a50e0e;padding:.6rem;margin-top:1rem}small{color:#555}</style>
</head><body><main>
<h1>Đăng nhập cán bộ</h1><p><small lang="en">Officials' sign-in</small></p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}">
<label for="username">Tên đăng nhập <small lang="en">(username)</small></label>
<input id="username" name="username" autocomplete="username" required autofocus value="${escapeHtml(username)}">
<label for="password">Mật khẩu <small lang="en">(password)</small></label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Đăng nhập</button>
</form></main></body></html>`;
}

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 10_000) req.destroy();
    });
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });
}

export async function createOidc(options: { issuer: string; dataDir?: string; keys?: OidcKeys; officials?: DemoOfficial[] }): Promise<LocalOidc> {
  const issuer = options.issuer.replace(/\/$/, '');
  const origin = new URL(issuer).origin;
  const resource = `${origin}/api`;
  const keys = options.keys ?? (await loadKeys(options.dataDir));
  const officials = options.officials ?? (await loadDemoOfficials());
  const byUsername = new Map(officials.map((o) => [o.username, o]));

  const provider = new Provider(issuer, {
    // Sessions survive a restart of npm start; without a DATA_DIR (tests) the provider's own store.
    ...(options.dataDir ? { adapter: fileAdapter(join(options.dataDir, 'oidc', 'state')) } : {}),
    clients: [
      {
        client_id: INBOX_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [`${origin}${CALLBACK_PATH}`],
        post_logout_redirect_uris: [`${origin}/inbox`],
      },
    ],
    jwks: { keys: [keys.signing] },
    cookies: { keys: keys.cookies },
    scopes: ['openid', 'profile', 'inbox'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
    // The refresh token lasts a working day, like Cognito's (infra/constructs/auth.ts); the public
    // client's refresh tokens rotate on every use (the provider's default for clients without a secret).
    ttl: { AccessToken: 3600, IdToken: 3600, RefreshToken: 12 * 3600, AuthorizationCode: 60, Interaction: 600, Session: 12 * 3600, Grant: 12 * 3600 },
    // As Cognito: the code grant always returns a refresh token (no offline_access scope needed).
    issueRefreshToken: (_ctx: unknown, client: { grantTypeAllowed(type: string): boolean }) => client.grantTypeAllowed('refresh_token'),
    features: {
      devInteractions: { enabled: false },
      // Sign-out revokes the refresh token (Cognito: /oauth2/revoke).
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({ scope: 'inbox', audience: resource, accessTokenFormat: 'jwt', accessTokenTTL: 3600, jwt: { sign: { alg: 'RS256' } } }),
      },
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `${OIDC_PATH}/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, sub: string) => {
      const official = byUsername.get(sub);
      if (!official) return undefined;
      return { accountId: sub, claims: () => ({ sub, name: official.name, preferred_username: official.username }) };
    },
    // Claims the API reads, as in Cognito access tokens.
    extraTokenClaims: (_ctx: unknown, token: { kind: string; accountId?: string }) => {
      const official = token.kind === 'AccessToken' && token.accountId ? byUsername.get(token.accountId) : undefined;
      // `name`: Cognito adds it with a pre-token-generation trigger; the duty panel shows it to citizens.
      return official ? { token_use: 'access', username: official.username, name: official.name, 'cognito:groups': official.groups } : undefined;
    },
    renderError: (ctx: { type: string; body: string }, out: Record<string, string>) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Lỗi đăng nhập</title><h1>Lỗi đăng nhập</h1><p>${escapeHtml(out.error_description ?? out.error ?? 'Lỗi')}</p><p><a href="/inbox">Quay lại hộp thư</a></p></html>`;
    },
  });
  const callback = provider.callback();

  // The inbox is first-party: signing in is the consent, granted here without a second screen.
  async function consent(req: IncomingMessage, res: ServerResponse, details: InteractionDetails): Promise<void> {
    const missing = details.prompt.details;
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
    if (!grant) throw new Error('grant not found');
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
    const send = (status: number, html: string) => {
      res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
    };
    const details = await provider.interactionDetails(req, res).catch(() => undefined);
    if (!details || details.uid !== uid) return send(400, loginPage(`${OIDC_PATH}/interaction/${uid}`, 'Phiên đăng nhập đã hết hạn. Hãy mở lại hộp thư. (Sign-in session expired.)'));
    const action = `${OIDC_PATH}/interaction/${uid}`;
    if (details.prompt.name === 'consent') return consent(req, res, details);
    if (req.method !== 'POST') return send(200, loginPage(action));
    const form = await readForm(req);
    const username = (form.get('username') ?? '').trim();
    const official = byUsername.get(username);
    if (!official || !sameText(form.get('password') ?? '', official.password)) {
      return send(401, loginPage(action, 'Tên đăng nhập hoặc mật khẩu không đúng. (Wrong username or password.)', username));
    }
    await provider.interactionFinished(req, res, { login: { accountId: official.username } }, { mergeWithLastSubmission: false });
  }

  const publicConfig = {
    stage: 'local' as const,
    auth: {
      issuer,
      clientId: INBOX_CLIENT_ID,
      authorizationEndpoint: `${issuer}/auth`,
      tokenEndpoint: `${issuer}/token`,
      endSessionEndpoint: `${issuer}/session/end`,
      revocationEndpoint: `${issuer}/token/revocation`,
      redirectUri: `${origin}${CALLBACK_PATH}`,
      logoutUri: `${origin}/inbox`,
      scope: INBOX_SCOPE,
    },
  };

  return {
    issuer,
    publicConfig,
    clientId: INBOX_CLIENT_ID,
    resource,
    keys,
    officials,
    async mount(req, res) {
      const url = req.url ?? '/';
      if (url === '/config.json' && (req.method === 'GET' || req.method === 'HEAD')) {
        res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' });
        res.end(req.method === 'HEAD' ? undefined : JSON.stringify(publicConfig));
        return true;
      }
      if (url !== OIDC_PATH && !url.startsWith(`${OIDC_PATH}/`) && !url.startsWith(`${OIDC_PATH}?`)) return false;
      const match = /^\/oidc\/interaction\/([\w-]+)\/?(\?.*)?$/.exec(url);
      if (match) {
        await interaction(req, res, match[1]!);
        return true;
      }
      // Mounted like express' app.use('/oidc', …): the provider sees paths below its mount point.
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = url;
      req.url = url.slice(OIDC_PATH.length) || '/';
      await new Promise<void>((resolve) => {
        res.once('finish', resolve);
        res.once('close', resolve);
        callback(req, res);
      });
      return true;
    },
  };
}
