/** The runtime we ship is the runtime we test: the functions' Lambda runtime and the Node.js running these tests share one major version. */
import { describe, expect, it } from 'vitest';
import { RUNTIME } from '#infra/constructs/lambda-function';
import { LAMBDA_BUNDLE } from '#infra/bundling';

const lambdaMajor = Number(/^nodejs(\d+)\.x$/.exec(RUNTIME.name)?.[1]);

describe('Node.js runtime', () => {
  it('runs the tests on the major version the functions run on in Lambda', () => {
    expect(Number.isInteger(lambdaMajor)).toBe(true);
    expect(Number(process.versions.node.split('.')[0])).toBe(lambdaMajor);
  });

  it('bundles for that same version', () => {
    expect(LAMBDA_BUNDLE.target).toBe(`node${lambdaMajor}`);
  });
});
