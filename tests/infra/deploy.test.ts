/** `npm run deploy` arguments: stage, approval and context pass-through. */
import { describe, expect, it } from 'vitest';
import { parseArgs } from '#infra/deploy';

describe('deploy arguments', () => {
  it('defaults to dev with approval prompts', () => {
    expect(parseArgs([])).toEqual({ stage: 'dev', yes: false, context: [] });
  });

  it('passes the stage, --yes and context values through', () => {
    expect(parseArgs(['--stage', 'prod', '--yes', '-c', 'alarmEmail=ops@example.gov.vn', '--context', 'mailFrom=a@b.vn'])).toEqual({
      stage: 'prod',
      yes: true,
      context: ['-c', 'alarmEmail=ops@example.gov.vn', '-c', 'mailFrom=a@b.vn'],
    });
    expect(parseArgs(['--stage=prod']).stage).toBe('prod');
  });

  it('refuses an unknown stage or argument', () => {
    expect(() => parseArgs(['--stage', 'staging'])).toThrow(/dev or prod/);
    expect(() => parseArgs(['--force'])).toThrow(/Unknown argument --force/);
  });
});
