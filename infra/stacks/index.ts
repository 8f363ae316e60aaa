/** The whole deployment for one stage: the us-east-1 edge stack (WAF) and the home-region site stack. */
import { type App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { EDGE_REGION, HOME_REGION, stageConfig } from '../config.ts';
import { EdgeStack } from './edge-stack.ts';
import { SiteStack } from './site-stack.ts';

const STRONG_REFERENCES = '@aws-cdk/core:defaultCrossStackReferences';

export function buildApp(app: App): { edge: EdgeStack; site: SiteStack } {
  // Cross-region references (edge → site) protect the producer: the ACL cannot be deleted while used.
  if (app.node.tryGetContext(STRONG_REFERENCES) === undefined) app.node.setContext(STRONG_REFERENCES, 'strong');
  const config = stageConfig(app.node);
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const edge = new EdgeStack(app, `${config.prefix}-Edge`, config, {
    env: { account, region: EDGE_REGION },
    crossRegionReferences: true,
    description: 'Góp Ý: WAF web ACL for CloudFront (must be in us-east-1)',
  });
  const site = new SiteStack(app, `${config.prefix}-Site`, {
    env: { account, region: HOME_REGION },
    crossRegionReferences: true,
    description: 'Góp Ý: table, API, sign-in, site, jobs and monitoring',
    config,
    webAclArn: edge.webAcl.attrArn,
  });
  site.addStackDependency(edge);
  Tags.of(app).add('project', 'gop-y');
  Tags.of(app).add('stage', config.stage);
  // Rule packs run at every synthesis; a finding without a written acknowledgement fails it.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return { edge, site };
}
