/**
 * `npm run smoke -- --url https://d111.cloudfront.net [--counter stp-quay-02]`
 *
 * After a deploy, checks what a citizen and an official would hit first, through the public URL
 * (CloudFront, WAF and the origin header included): health, the catalog, one submission with an
 * Idempotency-Key and its replay, the tracking API and page, /config.json and the sign-in URL built
 * from it, and the statistics index. One line per check; exit code 1 when any check fails.
 *
 * The submission is a bare 5-star rating on the web channel: no comment, so nothing lands in a
 * department's queue (dueAt null) and no SMS or e-mail is sent; it does count in the month's
 * statistics (one rating per run).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';

export type Check = { name: string; ok: boolean; detail: string };

type Answer = { status: number; type: string; json: any; text: string; location: string | null };

const TIMEOUT_MS = 15_000;

async function get(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS), ...init });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  // An HTML error page from CloudFront or the sign-in domain is an answer too, just not JSON.
  const json = type.includes('json') ? await Promise.resolve(text).then(JSON.parse).catch(() => undefined) : undefined;
  return { status: response.status, type, json, text, location: response.headers.get('location') };
}

const short = (a: Answer) => `HTTP ${a.status}${a.json?.error?.code ? ` ${a.json.error.code}` : ''}`;

/** The authorization request the inbox sends (Authorization Code + PKCE), with throwaway values. */
export function signInUrl(auth: { authorizationEndpoint: string; clientId: string; redirectUri: string; scope: string }): string {
  const url = new URL(auth.authorizationEndpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: auth.clientId,
    redirect_uri: auth.redirectUri,
    scope: auth.scope,
    state: randomBytes(12).toString('base64url'),
    code_challenge: randomBytes(32).toString('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

/**
 * Runs every check in order against `base` (no trailing slash needed). A check that depends on an
 * earlier one (the tracking view needs the submission) fails with the reason when that one failed.
 */
export async function smoke(base: string, options: { now: Date; counterId?: string }): Promise<Check[]> {
  const root = base.replace(/\/+$/, '');
  const checks: Check[] = [];
  const check = async (name: string, run: () => Promise<string>) => {
    try {
      checks.push({ name, ok: true, detail: await run() });
    } catch (error) {
      checks.push({ name, ok: false, detail: error instanceof Error ? error.message : String(error) });
    }
  };
  const expect = (condition: unknown, message: string) => {
    if (!condition) throw new Error(message);
  };

  await check('health', async () => {
    const a = await get(`${root}/api/health`);
    expect(a.status === 200 && a.json?.status === 'ok', `${short(a)} (a 403 direct_access means the request did not come through CloudFront)`);
    return `HTTP 200, server time ${a.json.time}`;
  });

  let counterId = options.counterId;
  await check('catalog', async () => {
    const a = await get(`${root}/api/counters`);
    expect(a.status === 200 && Array.isArray(a.json), short(a));
    expect(a.json.length > 0, 'no counters: the catalog is not loaded (npm run deploy loads it; docs/DEPLOY.md)');
    counterId ??= a.json[0].id;
    expect(a.json.some((c: { id: string }) => c.id === counterId), `no counter ${counterId}`);
    return `${a.json.length} counters, submitting at ${counterId}`;
  });

  let trackingCode: string | undefined;
  const key = `smoke-${options.now.toISOString()}-${randomBytes(6).toString('hex')}`;
  const body = JSON.stringify({ counterId, kind: 'rating', channel: 'web', rating: 5 });
  const submit = () => get(`${root}/api/feedback`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'idempotency-key': key } });
  await check('submission', async () => {
    expect(counterId, 'no counter to submit at');
    const a = await submit();
    expect(a.status === 201 && a.json?.trackingCode, short(a));
    trackingCode = a.json.trackingCode;
    return `HTTP 201, ${trackingCode} (a bare rating: no queue entry, no SMS)`;
  });

  await check('replay', async () => {
    expect(trackingCode, 'no submission');
    const a = await submit();
    expect(a.status === 201 && a.json?.trackingCode === trackingCode, `${short(a)}, tracking code ${a.json?.trackingCode} (expected the first receipt again)`);
    return `same Idempotency-Key → the same receipt ${trackingCode}`;
  });

  await check('tracking API', async () => {
    expect(trackingCode, 'no submission');
    const a = await get(`${root}/api/feedback/${trackingCode}`);
    expect(a.status === 200 && a.json?.trackingCode === trackingCode, short(a));
    return `HTTP 200, status ${a.json.status}`;
  });

  await check('tracking page', async () => {
    expect(trackingCode, 'no submission');
    const a = await get(`${root}/track/${trackingCode}`);
    expect(a.status === 200 && a.type.startsWith('text/html'), `${short(a)} ${a.type}`);
    return `HTTP 200 ${a.type.split(';')[0]}, ${a.text.length} bytes`;
  });

  let auth: Parameters<typeof signInUrl>[0] | undefined;
  await check('config.json', async () => {
    const a = await get(`${root}/config.json`);
    expect(a.status === 200 && a.json?.auth?.authorizationEndpoint, `${short(a)}${a.status === 200 ? ' without auth.authorizationEndpoint' : ''}`);
    auth = a.json.auth;
    return `stage ${a.json.stage}, sign-in at ${new URL(a.json.auth.authorizationEndpoint).origin}`;
  });

  await check('sign-in', async () => {
    expect(auth, 'no sign-in settings');
    // Cognito's /oauth2/authorize redirects to its login page; an unknown client or callback answers an error page (4xx) or redirects with error=.
    const a = await get(signInUrl(auth!));
    expect(a.status < 400, `${short(a)} from ${auth!.authorizationEndpoint}`);
    expect(!a.location || !/[?&#]error=/.test(a.location), `redirected with an error: ${a.location}`);
    return `HTTP ${a.status}${a.location ? ` → ${new URL(a.location, auth!.authorizationEndpoint).pathname}` : ''}`;
  });

  await check('statistics index', async () => {
    const a = await get(`${root}/stats/index.json`);
    expect(
      a.status === 200 && Array.isArray(a.json?.months),
      `${short(a)}: not published yet? publish-stats runs nightly at 00:30; to publish now, invoke it (docs/DEPLOY.md, "Smoke test")`,
    );
    return `HTTP 200, ${a.json.months.length} months, updated ${a.json.updatedAt}`;
  });

  return checks;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { url: { type: 'string' }, counter: { type: 'string' } } });
  if (!values.url) throw new Error('Usage: npm run smoke -- --url https://<site> [--counter <counter id>]');
  const checks = await smoke(values.url, { now: new Date(), counterId: values.counter });
  const width = Math.max(...checks.map((c) => c.name.length));
  for (const c of checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name.padEnd(width)}  ${c.detail}`);
  const failed = checks.filter((c) => !c.ok).length;
  console.log(failed ? `${failed} of ${checks.length} checks failed` : `all ${checks.length} checks passed`);
  process.exitCode = failed ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
