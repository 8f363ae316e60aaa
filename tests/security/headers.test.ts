import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_ROUTES } from '#shared/pages';
import { startTestApi, type TestApi } from '../support/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

/** A concrete path for a page route, from its CloudFront pattern (`/q/*` → `/q/sample`). */
const samplePath = (cloudfront: string) => cloudfront.replace(/\/\*$/, '/sample').replace(/\*$/, '');

/** `default-src 'self'; script-src 'self'` → { 'default-src': ["'self'"], … } */
const directives = (csp: string) => Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));

describe.each(PAGE_ROUTES.map((route) => ({ ...route, path: samplePath(route.cloudfront) })))('page $path ($file)', ({ path, match }) => {
  it('is served with a strict CSP, no framing and nosniff', async () => {
    expect(match.test(path)).toBe(true);

    const { headers } = await api.request('GET', path);

    const csp = directives(headers.get('content-security-policy') ?? '');
    const scripts = csp['script-src'] ?? csp['default-src'] ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts).not.toContain('*');
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('built pages', () => {
  const dist = join(process.cwd(), 'kiosk/dist');
  const built = PAGE_ROUTES.map((route) => route.file).filter((file) => existsSync(join(dist, file)));

  it.each(built)('%s has no inline script or inline event handler (the CSP would block them)', (file) => {
    const html = readFileSync(join(dist, file), 'utf8');
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attrs, body]) => !/\bsrc=/.test(attrs!) && body!.trim() !== '' && !/type="application\/(ld\+)?json"/.test(attrs!));
    expect(inline.map(([tag]) => tag.slice(0, 80))).toEqual([]);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });
});

describe('API answers', () => {
  it('carry nosniff and no-store, errors included', async () => {
    for (const path of ['/api/health', '/api/feedback/GY-22222-22222']) {
      const { headers } = await api.request('GET', path);
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('cache-control')).toBe('no-store');
    }
  });
});

describe('request bodies', () => {
  it('cannot smuggle fields through a "__proto__" key', async () => {
    const body = '{"__proto__":{"consent":true},"counterId":"bt-quay-01","kind":"rating","channel":"qr","rating":5}';
    const { status, json } = await api.request('POST', '/api/feedback', { raw: body, headers: { 'content-type': 'application/json' } });
    expect(status).toBe(400);
    expect(json.error.code).toBe('validation_failed');
  });
});
