/**
 * The WAF web ACL for CloudFront. CLOUDFRONT-scoped web ACLs can only be created in us-east-1,
 * and an HTTP API stage cannot take a regional web ACL (only REST APIs can), so this small stack
 * lives in us-east-1 and hands the ACL's ARN to the site stack through a CDK cross-region
 * reference (an SSM parameter written into the home region). All traffic, /api included, passes
 * CloudFront and therefore this ACL.
 *
 * Rules, in order: per-IP rate on submissions (POST /api/feedback), per-IP rate on API writes
 * (pages, assets and reads are not counted: many people share one IP),
 * Amazon IP reputation list, the common rule set, known bad inputs. Blocks by rate answer 429 in
 * the API's error shape with Retry-After.
 */
import { RemovalPolicy, Stack, type StackProps, ArnFormat } from 'aws-cdk-lib';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config.ts';

export const SUBMISSION_PATH = '/api/feedback';

const visibility = (metricName: string) => ({ cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName });

const RATE_LIMITED_BODY = JSON.stringify({
  error: { code: 'rate_limited', message: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút. Too many requests, please try again in a few minutes.' },
});

const rateLimited = {
  block: {
    customResponse: {
      responseCode: 429,
      customResponseBodyKey: 'rateLimited',
      responseHeaders: [{ name: 'retry-after', value: '300' }],
    },
  },
};

function managed(name: string, priority: number, excluded: string[] = []): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    statement: {
      managedRuleGroupStatement: {
        vendorName: 'AWS',
        name,
        ...(excluded.length ? { ruleActionOverrides: excluded.map((rule) => ({ name: rule, actionToUse: { count: {} } })) } : {}),
      },
    },
    visibilityConfig: visibility(name),
  };
}

const byteMatch = (field: CfnWebACL.FieldToMatchProperty, searchString: string, positionalConstraint: string) => ({
  byteMatchStatement: { fieldToMatch: field, searchString, positionalConstraint, textTransformations: [{ priority: 0, type: 'NONE' }] },
});

const READ_METHODS = ['GET', 'HEAD', 'OPTIONS'];

export function webAclRules(config: StageConfig): CfnWebACL.RuleProperty[] {
  return [
    {
      name: 'SubmissionsPerIp',
      priority: 0,
      action: rateLimited,
      statement: {
        rateBasedStatement: {
          limit: config.submissionsPerIpPer5Min,
          evaluationWindowSec: 300,
          aggregateKeyType: 'IP',
          scopeDownStatement: {
            andStatement: {
              statements: [byteMatch({ uriPath: {} }, SUBMISSION_PATH, 'STARTS_WITH'), byteMatch({ method: {} }, 'POST', 'EXACTLY')],
            },
          },
        },
      },
      visibilityConfig: visibility('SubmissionsPerIp'),
    },
    {
      name: 'ApiWritesPerIp',
      priority: 1,
      action: rateLimited,
      statement: {
        rateBasedStatement: {
          limit: config.apiWritesPerIpPer5Min,
          evaluationWindowSec: 300,
          aggregateKeyType: 'IP',
          scopeDownStatement: {
            andStatement: {
              statements: [
                byteMatch({ uriPath: {} }, '/api/', 'STARTS_WITH'),
                ...READ_METHODS.map((method) => ({ notStatement: { statement: byteMatch({ method: {} }, method, 'EXACTLY') } })),
              ],
            },
          },
        },
      },
      visibilityConfig: visibility('ApiWritesPerIp'),
    },
    managed('AWSManagedRulesAmazonIpReputationList', 2),
    // Bodies up to 64 KB are valid (long petitions in Vietnamese); the handler enforces the bound.
    managed('AWSManagedRulesCommonRuleSet', 3, ['SizeRestrictions_BODY']),
    managed('AWSManagedRulesKnownBadInputsRuleSet', 4),
  ];
}

export class EdgeStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, config: StageConfig, props: StackProps) {
    super(scope, id, props);
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: `${config.prefix}-site`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      customResponseBodies: { rateLimited: { contentType: 'APPLICATION_JSON', content: RATE_LIMITED_BODY } },
      rules: webAclRules(config),
      visibilityConfig: visibility(`${config.prefix}-site`),
    });

    // Only blocked and counted requests are logged: enough to tune rules, cheap at any traffic.
    const logGroupName = `aws-waf-logs-${config.prefix.toLowerCase()}`;
    const logs = new LogGroup(this, 'WafLogs', { logGroupName, retention: config.logRetention, removalPolicy: RemovalPolicy.DESTROY });
    const logging = new CfnLoggingConfiguration(this, 'WafLogging', {
      resourceArn: this.webAcl.attrArn,
      logDestinationConfigs: [this.formatArn({ service: 'logs', resource: 'log-group', resourceName: logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
      loggingFilter: {
        DefaultBehavior: 'DROP',
        Filters: [
          {
            Behavior: 'KEEP',
            Requirement: 'MEETS_ANY',
            Conditions: [{ ActionCondition: { Action: 'BLOCK' } }, { ActionCondition: { Action: 'COUNT' } }],
          },
        ],
      },
    });
    logging.node.addDependency(logs);
  }
}
