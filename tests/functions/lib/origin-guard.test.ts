import { describe, expect, it } from 'vitest';
import { handler as health } from '#functions/health';
import { assertViaSite, ORIGIN_VERIFY_HEADER } from '#functions/lib/origin-guard';

const SECRET = 'per-deployment-secret-value';

describe('assertViaSite', () => {
  it('lets every request through when no secret is configured (the local stack)', () => {
    expect(() => assertViaSite({}, undefined)).not.toThrow();
  });

  it('accepts the header CloudFront adds', () => {
    expect(() => assertViaSite({ [ORIGIN_VERIFY_HEADER]: SECRET }, SECRET)).not.toThrow();
  });

  it.each([['missing', undefined], ['wrong', 'per-deployment-secret-valuX'], ['a prefix', 'per-deployment'], ['empty', '']])('refuses a %s header with 403 direct_access', (_label, sent) => {
    expect(() => assertViaSite({ [ORIGIN_VERIFY_HEADER]: sent }, SECRET)).toThrow(expect.objectContaining({ statusCode: 403, code: 'direct_access' }));
  });
});

describe('every handler (through http())', () => {
  it('answers 403 in the error shape to a call that did not come through CloudFront', async () => {
    // Arrange
    process.env.ORIGIN_VERIFY_SECRET = SECRET;
    const event = { rawPath: '/api/health', headers: {}, requestContext: {} } as any;

    try {
      // Act
      const direct = await health(event, {} as any);
      const viaSite = await health({ ...event, headers: { [ORIGIN_VERIFY_HEADER]: SECRET } }, {} as any);

      // Assert
      expect(direct).toMatchObject({ statusCode: 403 });
      expect(JSON.parse(direct.body!)).toEqual({ error: { code: 'direct_access', message: expect.any(String) } });
      expect(viaSite).toMatchObject({ statusCode: 200 });
    } finally {
      delete process.env.ORIGIN_VERIFY_SECRET;
    }
  });
});
