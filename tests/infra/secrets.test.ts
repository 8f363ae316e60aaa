/**
 * Secrets are read at run time, never handed to a function as a value: the template gives each
 * function that needs one the secret's ARN and GetSecretValue on exactly that secret
 * (functions/lib/secrets.ts reads it). The one exception is CloudFront's origin header, which
 * has no run-time reference (docs/DEPLOY.md).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '#functions/routes';
import { ORIGIN_SECRET, ORIGIN_VERIFY_HEADER } from '#functions/lib/origin-guard';
import { TRACKING_CODE_SECRET } from '#functions/lib/code-for-key';
import { actionsOf, functionsByHandler, resourcesOf, statementsOf, synthesize, type Synthesized } from './synth.ts';

let prod: Synthesized;
let secretIds: { origin: string; tracking: string };

beforeAll(() => {
  prod = synthesize({ stage: 'prod' });
  const secrets = Object.entries(resourcesOf(prod.siteTemplate, 'AWS::SecretsManager::Secret'));
  const idOf = (pattern: RegExp) => secrets.find(([id]) => pattern.test(id))![0];
  secretIds = { origin: idOf(/OriginVerifySecret/), tracking: idOf(/TrackingCodeSecret/) };
}, 120_000);

/** The secrets a handler needs: the origin check for every API route, the tracking-code key for `tracking-codes`. */
function secretsNeeded(handler: string): Record<string, string> {
  const routes = ROUTES.filter((route) => route.handler === handler);
  return {
    ...(routes.length ? { [ORIGIN_SECRET.arn]: secretIds.origin } : {}),
    ...(routes.some((route) => route.uses?.includes('tracking-codes')) ? { [TRACKING_CODE_SECRET.arn]: secretIds.tracking } : {}),
  };
}

describe('secrets', () => {
  it('puts no secret value in any function’s environment, only ARNs', () => {
    const allFunctions = Object.values(resourcesOf(prod.siteTemplate, 'AWS::Lambda::Function'));
    expect(allFunctions.length).toBeGreaterThan(20);
    for (const fn of allFunctions) {
      for (const [name, value] of Object.entries<unknown>(fn.Properties.Environment?.Variables ?? {})) {
        const text = JSON.stringify(value);
        expect(text, name).not.toMatch(/resolve:secretsmanager|SecretString/);
        if (Object.values(secretIds).some((id) => text.includes(id))) {
          expect(name).toMatch(/_SECRET_ARN$/);
          expect(value, name).toEqual({ Ref: expect.stringMatching(/Secret/) }); // a secret's Ref is its ARN
        }
      }
    }
  });

  it('gives each function the ARN of exactly the secrets it needs and GetSecretValue on those only', () => {
    for (const [handler, fn] of functionsByHandler(prod.siteTemplate)) {
      const needed = secretsNeeded(handler);
      const variables = fn.props.Environment.Variables as Record<string, unknown>;
      const arns = Object.fromEntries(Object.entries(variables).filter(([name]) => name.endsWith('_SECRET_ARN')).map(([name, value]) => [name, (value as { Ref: string }).Ref]));
      expect(arns, handler).toEqual(needed);
      const granted = statementsOf(prod.siteTemplate, fn)
        .filter((statement) => actionsOf(statement).some((action) => action.startsWith('secretsmanager:')))
        .map((statement) => {
          expect(statement.Effect, handler).toBe('Allow');
          expect(actionsOf(statement), handler).toContain('secretsmanager:GetSecretValue');
          return (statement.Resource as { Ref: string }).Ref;
        });
      expect(granted.sort(), handler).toEqual(Object.values(needed).sort());
    }
  });

  it('gives the tracking-code key only to functions that mint tracking codes', () => {
    const holders = [...functionsByHandler(prod.siteTemplate)].filter(([, fn]) => fn.props.Environment.Variables[TRACKING_CODE_SECRET.arn]).map(([handler]) => handler);
    // A follow-up petition and the inbox's intake mint tracking codes from their Idempotency-Key too; reserve-codes computes a kiosk's codes.
    expect(holders.sort()).toEqual(['follow-up', 'inbox-intake', 'reserve-codes', 'submit-feedback']);
  });

  it('refuses calls around CloudFront: the /api origin sends the header from the secret every API function reads', () => {
    const distribution = Object.values(resourcesOf(prod.siteTemplate, 'AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;
    const apiOrigin = distribution.Origins.find((o: any) => o.CustomOriginConfig);
    const header = apiOrigin.OriginCustomHeaders.find((h: any) => h.HeaderName === ORIGIN_VERIFY_HEADER);
    // CloudFront has no run-time secret reference: its configuration holds the value, resolved at deploy time.
    expect(JSON.stringify(header.HeaderValue)).toMatch(new RegExp(`resolve:secretsmanager:.*${secretIds.origin}`));
    const apiHandlers = new Set(ROUTES.map((route) => route.handler));
    for (const handler of apiHandlers) {
      expect(functionsByHandler(prod.siteTemplate).get(handler)!.props.Environment.Variables[ORIGIN_SECRET.arn], handler).toEqual({ Ref: secretIds.origin });
    }
  });
});
