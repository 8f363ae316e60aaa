/**
 * Synthesizes the real app (infra/stacks) into a temp dir, once per test file. `bundle: false`
 * skips esbuild (templates are identical apart from asset hashes) to keep assertion tests fast;
 * the cdk-nag test bundles for real.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import type { IConstruct } from 'constructs';
import { buildApp } from '#infra/stacks/index';
import type { SiteStack } from '#infra/stacks/site-stack';
import type { EdgeStack } from '#infra/stacks/edge-stack';

export type Synthesized = {
  app: App;
  site: SiteStack;
  edge: EdgeStack;
  assembly: CloudAssembly;
  siteTemplate: Template;
  edgeTemplate: Template;
};

/** A minimal built site: two pages and a hashed asset. */
function fakePages(root: string): string {
  const dir = join(root, 'pages');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Góp Ý</title>');
  writeFileSync(join(dir, 'kiosk.html'), '<!doctype html><title>Kiosk</title>');
  writeFileSync(join(dir, 'assets', 'kiosk-abc123.js'), 'console.log(1)');
  return dir;
}

export function synthesize(
  options: { stage?: 'dev' | 'prod'; bundle?: boolean; pages?: boolean; context?: Record<string, unknown>; extend?: (site: SiteStack) => void } = {},
): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), 'gopy-cdk-'));
  const pagesDir = options.pages === false ? join(outdir, 'no-pages') : fakePages(outdir);
  const app = new App({
    outdir,
    context: {
      stage: options.stage ?? 'prod',
      pagesDir,
      ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
      ...options.context,
    },
  });
  const { site, edge } = buildApp(app);
  options.extend?.(site);
  const assembly = app.synth();
  return {
    app,
    site,
    edge,
    assembly,
    siteTemplate: Template.fromJSON(assembly.getStackByName(site.stackName).template),
    edgeTemplate: Template.fromJSON(assembly.getStackByName(edge.stackName).template),
  };
}

/** Every acknowledgement recorded in the tree: [construct path, rule id, reason]. */
export function acknowledgements(root: IConstruct): [string, string, string][] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>).map(([id, reason]) => [construct.node.path, id, reason] as [string, string, string])),
  );
}

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };

export const resourcesOf = (template: Template, type: string) => template.findResources(type) as Record<string, Resource>;

/** Our functions (not CDK helpers), by handler name (POWERTOOLS_SERVICE_NAME). */
export function functionsByHandler(template: Template): Map<string, { id: string; props: Record<string, any> }> {
  const found = new Map<string, { id: string; props: Record<string, any> }>();
  for (const [id, resource] of Object.entries(resourcesOf(template, 'AWS::Lambda::Function'))) {
    const handler = resource.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME;
    if (handler) found.set(handler, { id, props: resource.Properties });
  }
  return found;
}

/** All IAM statements attached to the role of a function (its default policy). */
export function statementsOf(template: Template, fn: { props: Record<string, any> }): { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown }[] {
  const roleId = fn.props.Role['Fn::GetAtt'][0];
  return Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
    .filter((policy) => (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

export const actionsOf = (statement: { Action: string | string[] }) => [statement.Action].flat();

/** The site's CloudFront distribution config (there is one). */
export const distributionOf = (template: Template) => Object.values(resourcesOf(template, 'AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;

const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);

/** What CloudFront does with a path: the first cache behavior whose pattern matches, else the default. */
export function behaviorFor(distribution: Record<string, any>, uri: string): Record<string, any> {
  return distribution.CacheBehaviors.find((b: any) => glob(b.PathPattern).test(uri)) ?? distribution.DefaultCacheBehavior;
}

/** Runs a CloudFront Function's inline source (cloudfront-js-2.0 is plain JavaScript) in Node. */
export const edgeHandler = <E, R>(code: string) => new Function(`${code}; return handler;`)() as (event: E) => R;
