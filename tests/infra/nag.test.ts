/**
 * cdk-nag (AwsSolutions + Serverless) runs on the real app with every function bundled by esbuild:
 * no finding may remain unacknowledged, and every acknowledgement carries a written reason.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { JOBS, type Job } from '#functions/jobs';
import { acknowledgements, functionsByHandler, statementsOf, synthesize, type Synthesized } from './synth.ts';

type Report = { pluginReports: { pluginName: string; violations: { ruleName: string; severity?: string; violatingConstructs: { constructPath: string }[] }[] }[] };

const reportOf = (synthesized: Synthesized): Report => JSON.parse(readFileSync(join(synthesized.assembly.directory, 'validation-report.json'), 'utf8'));
const findings = (report: Report) =>
  report.pluginReports.flatMap((plugin) =>
    plugin.violations.flatMap((v) => v.violatingConstructs.map((c) => `${plugin.pluginName} ${v.ruleName} (${v.severity ?? 'error'}) at ${c.constructPath}`)),
  );

let prod: Synthesized;

// Bundling every function with esbuild takes a while on a busy machine.
beforeAll(() => {
  prod = synthesize({ stage: 'prod', bundle: true });
}, 300_000);

describe('cdk-nag', () => {
  it('leaves no unacknowledged finding, errors or warnings, in prod (bundled)', () => {
    expect(findings(reportOf(prod))).toEqual([]);
  });

  it('leaves no unacknowledged finding in dev, with a job that uses every capability', () => {
    // The notification job may not exist yet: a probe job declares all capabilities.
    const probe: Job = { handler: 'health', schedule: 'rate(5 minutes)', description: 'capability probe', access: 'write', uses: ['stats-bucket', 'sms', 'email', 'dead-letters'] };
    JOBS.push(probe);
    try {
      const dev = synthesize({ stage: 'dev', context: { mailFrom: 'no-reply@example.gov.vn' } });
      expect(findings(reportOf(dev))).toEqual([]);
      const fn = [...Object.entries(dev.siteTemplate.findResources('AWS::Lambda::Function'))].find(([id]) => id.startsWith('JobsHealth'))!;
      const statements = statementsOf(dev.siteTemplate, { props: fn[1].Properties });
      expect(fn[1].Properties.Environment.Variables).toMatchObject({ MAIL_FROM: 'no-reply@example.gov.vn', DEAD_LETTER_QUEUE_URL: expect.anything(), STATS_BUCKET: expect.anything() });
      expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Action: 'sns:Publish' }));
      expect(statements).toContainEqual(expect.objectContaining({ Action: ['ses:SendEmail', 'ses:SendRawEmail'], Condition: { StringEquals: { 'ses:FromAddress': 'no-reply@example.gov.vn' } } }));
    } finally {
      JOBS.splice(JOBS.indexOf(probe), 1);
    }
  }, 120_000);

  it('acknowledges only with a written reason', () => {
    const all = acknowledgements(prod.app);
    expect(all.length).toBeGreaterThan(0);
    for (const [path, id, reason] of all) expect(reason.trim().length, `${id} at ${path}`).toBeGreaterThan(30);
  });

  it('fails synthesis on an insecure resource nobody acknowledged', () => {
    const insecure = () => synthesize({ stage: 'dev', extend: (site) => new Bucket(site, 'Careless') });
    expect(insecure).toThrow(/AwsSolutions-S1|AwsSolutions-S10/);
  }, 120_000);
});

describe('bundling', () => {
  it('bundles each function into one minified ESM file with a source map and the createRequire banner', () => {
    for (const [handler, fn] of functionsByHandler(prod.siteTemplate)) {
      const asset = fn.props.Code.S3Key as string;
      const dir = join(prod.assembly.directory, `asset.${asset.replace(/\.zip$/, '')}`);
      expect(readdirSync(dir).sort(), handler).toEqual(['index.mjs', 'index.mjs.map']);
      const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
      expect(code.startsWith('import { createRequire as __gopyCreateRequire }'), handler).toBe(true);
      expect(code, handler).toMatch(/\/\/# sourceMappingURL=index\.mjs\.map\s*$/);
      expect(code, handler).not.toMatch(/#shared\/|#functions\//);
    }
  });

  it('runs: the bundled health function answers an API Gateway event', async () => {
    const fn = functionsByHandler(prod.siteTemplate).get('health')!;
    const file = join(prod.assembly.directory, `asset.${(fn.props.Code.S3Key as string).replace(/\.zip$/, '')}`, 'index.mjs');
    const { handler } = (await import(pathToFileURL(file).href)) as { handler: (event: unknown, context: unknown) => Promise<{ statusCode: number }> };
    const event = { version: '2.0', rawPath: '/api/health', headers: {}, requestContext: { http: { method: 'GET', path: '/api/health' } } };
    const response = await handler(event, {});
    expect(response.statusCode).toBe(200);
  });
});
