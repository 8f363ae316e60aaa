/**
 * Unknown page paths get the styled not-found page with status 404 in AWS, as locally, while the
 * API's own 404s and 403s (JSON) pass through untouched: read from the synthesized distribution.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { NOT_FOUND_PAGE, notFoundStatusCode, pageRewriteCode } from '#infra/constructs/web';
import { behaviorFor, distributionOf, edgeHandler, resourcesOf, synthesize, type Synthesized } from './synth.ts';

type Response = { statusCode: number; statusDescription?: string };
const rewrite = edgeHandler<{ request: { uri: string } }, { uri: string }>(pageRewriteCode());
const respond = edgeHandler<{ request: { uri: string }; response: Response }, Response>(notFoundStatusCode());

let prod: Synthesized;
beforeAll(() => {
  prod = synthesize({ stage: 'prod' });
}, 120_000);

/** Each association's function, by its logical id in the template. */
function associations(behavior: Record<string, any>): Record<string, string> {
  return Object.fromEntries((behavior.FunctionAssociations ?? []).map((f: any) => [f.EventType, f.FunctionARN['Fn::GetAtt'][0]]));
}

/** What a viewer gets for a path: which origin, which key is asked for, and the status it sees. */
function visit(uri: string, origin: (key: string) => number) {
  const distribution = distributionOf(prod.siteTemplate);
  const behavior = behaviorFor(distribution, uri);
  const functions = associations(behavior);
  const key = functions['viewer-request'] ? rewrite({ request: { uri } }).uri : uri;
  const fromOrigin = origin(key);
  const status = functions['viewer-response'] ? respond({ request: { uri }, response: { statusCode: fromOrigin } }).statusCode : fromOrigin;
  return { target: behavior.TargetOriginId === distribution.DefaultCacheBehavior.TargetOriginId ? 'bucket' : 'api', key, status };
}

/** The bucket as deployed: the built pages and the not-found page; anything else is missing. */
const bucket = (key: string) => (/^\/(index|kiosk|q|track|inbox|stats|404)\.html$/.test(key) ? 200 : 404);

describe('not-found page in AWS', () => {
  it('answers an unknown page path with /404.html and status 404', () => {
    expect(visit('/khong-co-trang-nay', bucket)).toEqual({ target: 'bucket', key: NOT_FOUND_PAGE, status: 404 });
    expect(visit('/kiosk/cai-dat', bucket)).toEqual({ target: 'bucket', key: NOT_FOUND_PAGE, status: 404 });
    expect(visit('/q/bt-quay-01/them', bucket)).toEqual({ target: 'bucket', key: NOT_FOUND_PAGE, status: 404 });
    expect(visit('/stats/bang', bucket)).toEqual({ target: 'bucket', key: NOT_FOUND_PAGE, status: 404 });
  });

  it('leaves pages, files and the API as they are', () => {
    expect(visit('/kiosk', bucket)).toEqual({ target: 'bucket', key: '/kiosk.html', status: 200 });
    expect(visit('/track/GY-ABCDE-FGHIJ', bucket)).toEqual({ target: 'bucket', key: '/track.html', status: 200 });
    // A missing file is S3's own 404 (no page to show for a script or a statistics file).
    expect(visit('/stats/2031-01.json', bucket)).toEqual({ target: 'bucket', key: '/stats/2031-01.json', status: 404 });
    // The API's JSON errors reach the page that asked, status and body unchanged.
    expect(visit('/api/feedback/GY-ABCDE-FGHIJ', () => 404)).toEqual({ target: 'api', key: '/api/feedback/GY-ABCDE-FGHIJ', status: 404 });
    expect(visit('/api/inbox/khong-co', () => 403)).toEqual({ target: 'api', key: '/api/inbox/khong-co', status: 403 });
  });

  it('keeps a revalidated copy of the not-found page as 304', () => {
    expect(respond({ request: { uri: '/khong-co' }, response: { statusCode: 304 } }).statusCode).toBe(304);
    expect(respond({ request: { uri: NOT_FOUND_PAGE }, response: { statusCode: 200 } })).toEqual({ statusCode: 404, statusDescription: 'Not Found' });
  });

  it('never rewrites errors distribution-wide: no custom error responses, no function on /api/*', () => {
    const distribution = distributionOf(prod.siteTemplate);

    expect(distribution.CustomErrorResponses).toBeUndefined();
    expect(associations(behaviorFor(distribution, '/api/feedback'))).toEqual({});
    const functions = resourcesOf(prod.siteTemplate, 'AWS::CloudFront::Function');
    const bucketBehaviors = [distribution.DefaultCacheBehavior, ...distribution.CacheBehaviors].filter((b: any) => b.TargetOriginId === distribution.DefaultCacheBehavior.TargetOriginId);
    expect(bucketBehaviors.length).toBeGreaterThan(5);
    for (const behavior of bucketBehaviors) {
      const { 'viewer-request': request, 'viewer-response': response } = associations(behavior);
      expect(functions[request!]?.Properties.FunctionCode, behavior.PathPattern ?? 'default').toBe(pageRewriteCode());
      expect(functions[response!]?.Properties.FunctionCode, behavior.PathPattern ?? 'default').toBe(notFoundStatusCode());
      expect(functions[response!]?.Properties.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    }
  });
});
