/**
 * The deployment's properties that matter, read from the synthesized templates of the real app
 * (prod stage, built from the same lists the local stack uses).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { ROUTES } from '#functions/routes';
import { JOBS, METRICS } from '#functions/jobs';
import { TRIGGERS } from '#functions/triggers';
import { TABLE } from '#shared/table';
import { PAGE_ROUTES, SECURITY_HEADERS } from '#shared/pages';
import { ADMIN_GROUP, DEPARTMENT_GROUP_PREFIX, LEAD_GROUP_PREFIX } from '#shared/auth';
import { departmentIds } from '#infra/constructs/auth';
import { pageRewriteCode } from '#infra/constructs/web';
import { actionsOf, behaviorFor, distributionOf, edgeHandler, functionsByHandler, resourcesOf, statementsOf, synthesize, type Synthesized } from './synth.ts';

let prod: Synthesized;

beforeAll(() => {
  prod = synthesize({ stage: 'prod', context: { departmentAlertEmail: 'pakn+{departmentId}@tinh.gov.vn' } });
}, 120_000);

const WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
const accessOf = (handler: string) => [...ROUTES, ...JOBS].filter((entry) => entry.handler === handler).map((entry) => entry.access);

describe('data', () => {
  it('builds the table from shared/table.ts with PITR, deletion protection, retention and encryption', () => {
    prod.siteTemplate.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: [
          { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        // SSEEnabled without a key: the AWS managed KMS key (aws/dynamodb).
        SSESpecification: { SSEEnabled: true },
        TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
        GlobalSecondaryIndexes: TABLE.indexes.map((index) =>
          Match.objectLike({
            IndexName: index.name,
            KeySchema: [
              { AttributeName: index.partitionKey, KeyType: 'HASH' },
              { AttributeName: index.sortKey, KeyType: 'RANGE' },
            ],
          }),
        ),
      }),
    });
  });
});

describe('functions', () => {
  it('deploys one function per handler module of the route and job lists', () => {
    const handlers = new Set([...ROUTES, ...JOBS, ...TRIGGERS].map((entry) => entry.handler));
    expect(new Set(functionsByHandler(prod.siteTemplate).keys())).toEqual(handlers);
  });

  it('runs every function on Node.js 24, arm64, ESM bundle, X-Ray, JSON logs in its own log group', () => {
    for (const [handler, fn] of functionsByHandler(prod.siteTemplate)) {
      expect(fn.props, handler).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: expect.any(String) } },
      });
      expect(fn.props.Environment.Variables, handler).toMatchObject({
        POWERTOOLS_SERVICE_NAME: handler,
        POWERTOOLS_METRICS_NAMESPACE: METRICS.namespace,
        NODE_OPTIONS: '--enable-source-maps',
      });
    }
  });

  it('gives every log group a retention', () => {
    for (const [id, group] of Object.entries(resourcesOf(prod.siteTemplate, 'AWS::Logs::LogGroup'))) {
      expect(group.Properties.RetentionInDays, id).toBeGreaterThan(0);
    }
  });

  it('grants table actions by declared access: no wildcards, no Scan, read-only stays read-only', () => {
    for (const [handler, fn] of functionsByHandler(prod.siteTemplate)) {
      const actions = statementsOf(prod.siteTemplate, fn).filter((s) => s.Effect === 'Allow').flatMap(actionsOf);
      const dynamo = actions.filter((action) => action.startsWith('dynamodb:'));
      expect(dynamo.filter((action) => action.includes('*') || action === 'dynamodb:Scan'), handler).toEqual([]);
      const access = accessOf(handler);
      if (access.every((a) => a === 'none')) expect(dynamo, handler).toEqual([]);
      else if (access.every((a) => a !== 'write')) {
        expect(dynamo, handler).toContain('dynamodb:Query');
        expect(dynamo.filter((action) => WRITES.includes(action)), handler).toEqual([]);
      } else expect(dynamo, handler).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem']));
      expect(Boolean(fn.props.Environment.Variables.TABLE_NAME), handler).toBe(dynamo.length > 0);
    }
  });

  it('names each index, never index/*', () => {
    const submit = functionsByHandler(prod.siteTemplate).get('submit-feedback')!;
    const table = statementsOf(prod.siteTemplate, submit).find((s) => actionsOf(s).includes('dynamodb:PutItem'))!;
    expect(JSON.stringify(table.Resource)).not.toContain('index/*');
    for (const index of TABLE.indexes) expect(JSON.stringify(table.Resource)).toContain(`/index/${index.name}`);
  });

  it('limits the statistics capability to stats/ in the site bucket', () => {
    const users = [...ROUTES, ...JOBS].filter((entry) => entry.uses?.includes('stats-bucket')).map((entry) => entry.handler);
    for (const handler of users) {
      const fn = functionsByHandler(prod.siteTemplate).get(handler)!;
      const put = statementsOf(prod.siteTemplate, fn).find((s) => actionsOf(s).includes('s3:PutObject'))!;
      expect(JSON.stringify(put.Resource), handler).toMatch(/\/stats\/\*"/);
      // Unconditional ListBucket on the bucket: the only grant under which S3 answers 404 for a missing key.
      const list = statementsOf(prod.siteTemplate, fn).find((s) => actionsOf(s).includes('s3:ListBucket'))!;
      expect(list, handler).toMatchObject({ Effect: 'Allow', Resource: { 'Fn::GetAtt': [expect.stringMatching(/^DataSite/), 'Arn'] } });
      expect(list.Condition, handler).toBeUndefined();
      expect(fn.props.Environment.Variables.STATS_BUCKET, handler).toEqual({ Ref: expect.stringMatching(/^DataSite/) });
    }
    const others = [...functionsByHandler(prod.siteTemplate)].filter(([handler]) => !users.includes(handler));
    for (const [handler, fn] of others) {
      expect(statementsOf(prod.siteTemplate, fn).flatMap(actionsOf).filter((a) => a.startsWith('s3:')), handler).toEqual([]);
    }
  });

  it('points every function’s links at the site and gives them the departments’ mailbox template', () => {
    const triggers: string[] = TRIGGERS.map((trigger) => trigger.handler); // Cognito's, they send nothing
    for (const [handler, fn] of functionsByHandler(prod.siteTemplate)) {
      if (triggers.includes(handler)) continue;
      const env = fn.props.Environment.Variables;
      expect(JSON.stringify(env.PUBLIC_BASE_URL), handler).toMatch(/^\{"Fn::Join":\["",\["https:\/\/",\{"Fn::GetAtt":\["WebDistribution\w+","DomainName"\]\}/);
      expect(env.DEPARTMENT_ALERT_EMAIL, handler).toBe('pakn+{departmentId}@tinh.gov.vn');
    }
  });
});

describe('api', () => {
  it('has every route, with the JWT authorizer exactly on the officials routes', () => {
    const routes = Object.values(resourcesOf(prod.siteTemplate, 'AWS::ApiGatewayV2::Route'));
    for (const route of ROUTES) {
      const found = routes.find((r) => r.Properties.RouteKey === `${route.method} ${route.path}`);
      expect(found, `${route.method} ${route.path}`).toBeDefined();
      if (route.auth === 'official') {
        expect(found!.Properties).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: expect.any(String) } });
      } else {
        expect(found!.Properties.AuthorizationType).toBe('NONE');
        expect(found!.Properties.AuthorizerId).toBeUndefined();
      }
    }
  });

  it('validates tokens issued by the user pool for the inbox client', () => {
    prod.siteTemplate.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: Match.stringLikeRegexp('AuthOfficialsInbox') }],
        Issuer: Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith([Match.stringLikeRegexp('https://cognito-idp.')])]) }),
      },
    });
  });

  it('throttles the stage and writes JSON access logs', () => {
    prod.siteTemplate.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"') },
    });
  });

  it('allows no cross-origin calls without a custom domain, and only the site origin with one', () => {
    const api = Object.values(resourcesOf(prod.siteTemplate, 'AWS::ApiGatewayV2::Api'))[0]!;
    expect(api.Properties.CorsConfiguration).toBeUndefined();
    const withDomain = synthesize({
      stage: 'dev',
      context: { domainName: 'gopy.example.gov.vn', certificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/abc' },
    });
    withDomain.siteTemplate.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://gopy.example.gov.vn'] }),
    });
    withDomain.siteTemplate.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['gopy.example.gov.vn'],
        ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' }),
      }),
    });
  }, 120_000);
});

describe('auth', () => {
  it('lets only administrators create accounts, with a strong password policy, TOTP MFA and threat protection', () => {
    prod.siteTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true }) },
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      DeletionProtection: 'ACTIVE',
    });
  });

  it('has the admin group and an officials group and a leads group per catalog department', () => {
    const groups = Object.values(resourcesOf(prod.siteTemplate, 'AWS::Cognito::UserPoolGroup')).map((g) => g.Properties.GroupName);
    const ids = departmentIds('local/demo/catalog.json');
    const departments = ids.flatMap((id) => [`${DEPARTMENT_GROUP_PREFIX}${id}`, `${LEAD_GROUP_PREFIX}${id}`]);
    expect(groups.sort()).toEqual([ADMIN_GROUP, ...departments].sort());
  });

  it('signs the inbox in with the authorization code flow, a public client and the site callback', () => {
    prod.siteTemplate.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      GenerateSecret: false,
      AllowedOAuthScopes: Match.arrayWith(['openid']),
      CallbackURLs: [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('^WebDistribution'), 'DomainName'] }, '/inbox/callback']] }],
      LogoutURLs: [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('^WebDistribution'), 'DomainName'] }, '/inbox']] }],
      PreventUserExistenceErrors: 'ENABLED',
    });
  });
});

describe('web', () => {
  it('keeps the site bucket private, TLS-only, and readable only by this distribution', () => {
    prod.siteTemplate.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    const policies = Object.values(resourcesOf(prod.siteTemplate, 'AWS::S3::BucketPolicy')).filter((p) => JSON.stringify(p.Properties.Bucket).includes('DataSite'));
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement as any[]);
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    const allows = statements.filter((s) => s.Effect === 'Allow');
    expect(allows.length).toBeGreaterThan(0);
    for (const allow of allows) {
      expect(allow.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
      expect(JSON.stringify(allow.Condition)).toMatch(/AWS:SourceArn.*WebDistribution/);
    }
  });

  it('serves pages, statistics and /api from one distribution behind the WAF web ACL', () => {
    const distribution = Object.values(resourcesOf(prod.siteTemplate, 'AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;
    expect(JSON.stringify(distribution.WebACLId)).toMatch(/ExportsReader.*WebAclArn/);
    const patterns = distribution.CacheBehaviors.map((b: any) => b.PathPattern);
    const pages = PAGE_ROUTES.map((r) => r.cloudfront).filter((p) => p !== '/');
    expect(patterns).toEqual(expect.arrayContaining(['/api/*', '/stats/*', ...pages]));
    const api = distribution.CacheBehaviors.find((b: any) => b.PathPattern === '/api/*');
    expect(api).toMatchObject({ ViewerProtocolPolicy: 'https-only', CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad' });
    expect(api.AllowedMethods).toContain('POST');
    expect(distribution.Origins.find((o: any) => o.S3OriginConfig)).toMatchObject({ OriginAccessControlId: expect.anything() });
    expect(distribution.Logging).toMatchObject({ Bucket: expect.anything() });
  });

  it('sends the security headers of shared/pages.ts on every behaviour', () => {
    const policy = Object.values(resourcesOf(prod.siteTemplate, 'AWS::CloudFront::ResponseHeadersPolicy'))[0]!.Properties.ResponseHeadersPolicyConfig;
    const csp: string = policy.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy['Fn::Join']?.[1].join('') ?? policy.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/connect-src 'self' https:\/\//);
    expect(policy.SecurityHeadersConfig.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: Number(/max-age=(\d+)/.exec(SECURITY_HEADERS['strict-transport-security']!)![1]), IncludeSubdomains: true });
    expect(policy.SecurityHeadersConfig.FrameOptions).toMatchObject({ FrameOption: 'DENY' });
    const distribution = Object.values(resourcesOf(prod.siteTemplate, 'AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;
    for (const behavior of [distribution.DefaultCacheBehavior, ...distribution.CacheBehaviors]) {
      expect(behavior.ResponseHeadersPolicyId, behavior.PathPattern ?? 'default').toEqual({ Ref: expect.stringMatching(/SecurityHeaders/) });
    }
  });

  it('rewrites page paths to their HTML file exactly like the local server', () => {
    const handler = edgeHandler<{ request: { uri: string } }, { uri: string }>(pageRewriteCode());
    const rewrite = (uri: string) => handler({ request: { uri } }).uri;
    expect(rewrite('/')).toBe('/index.html');
    expect(rewrite('/kiosk')).toBe('/kiosk.html');
    expect(rewrite('/q/QUAY-01')).toBe('/q.html');
    expect(rewrite('/track/GY-ABCDE-FGHIJ')).toBe('/track.html');
    expect(rewrite('/inbox')).toBe('/inbox.html');
    expect(rewrite('/stats')).toBe('/stats.html');
    expect(rewrite('/stats/2026-10.json')).toBe('/stats/2026-10.json');
    expect(rewrite('/assets/kiosk-abc123.js')).toBe('/assets/kiosk-abc123.js');
  });

  it('serves each page path, with or without a trailing slash, from its HTML file through the distribution', () => {
    const distribution = distributionOf(prod.siteTemplate);
    const handler = edgeHandler<{ request: { uri: string } }, { uri: string }>(pageRewriteCode());
    // CloudFront: the first cache behavior whose pattern matches, else the default; then its viewer-request function.
    const served = (uri: string) => {
      const behavior = behaviorFor(distribution, uri);
      const rewrites = (behavior.FunctionAssociations ?? []).some((f: any) => f.EventType === 'viewer-request');
      return { target: behavior.TargetOriginId === distribution.DefaultCacheBehavior.TargetOriginId ? 'bucket' : 'api', key: rewrites ? handler({ request: { uri } }).uri : uri };
    };
    expect(served('/stats/')).toEqual({ target: 'bucket', key: '/stats.html' });
    expect(served('/stats')).toEqual({ target: 'bucket', key: '/stats.html' });
    expect(served('/stats/2026-10.json')).toEqual({ target: 'bucket', key: '/stats/2026-10.json' });
    expect(served('/kiosk/')).toEqual({ target: 'bucket', key: '/kiosk.html' });
    expect(served('/track/GY-ABCDE-FGHIJ')).toEqual({ target: 'bucket', key: '/track.html' });
    expect(served('/inbox/')).toEqual({ target: 'bucket', key: '/inbox.html' });
    expect(served('/api/health').target).toBe('api');
  });

  it('never lets a deployment of the pages delete published statistics', () => {
    prod.siteTemplate.hasResourceProperties('Custom::CDKBucketDeployment', {
      Prune: true,
      Exclude: Match.arrayWith(['stats/*']),
      DistributionPaths: ['/*'],
    });
    prod.siteTemplate.hasResourceProperties('Custom::CDKBucketDeployment', { Prune: false, Include: ['assets/*'] });
  });

  it('synthesizes without built pages, deploying only /config.json, with a warning', () => {
    const bare = synthesize({ stage: 'dev', pages: false });
    const deployments = Object.values(resourcesOf(bare.siteTemplate, 'Custom::CDKBucketDeployment'));
    expect(deployments).toHaveLength(1);
    expect(deployments[0]!.Properties.Prune).toBe(false);
    const warnings = bare.assembly.getStackByName(bare.site.stackName).messages.filter((m) => m.level === 'warning');
    expect(warnings.map((w) => String(w.entry.data))).toContainEqual(expect.stringContaining('No built pages'));
  }, 120_000);
});

describe('jobs', () => {
  it('schedules each job in Asia/Ho_Chi_Minh with a dead-letter queue and an on-failure destination', () => {
    const functions = functionsByHandler(prod.siteTemplate);
    for (const job of JOBS) {
      const fn = functions.get(job.handler)!;
      prod.siteTemplate.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: job.schedule,
        ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
        Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [fn.id, 'Arn'] }, DeadLetterConfig: { Arn: Match.anyValue() } }),
      });
      prod.siteTemplate.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: fn.id },
        DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      });
    }
  });
});

describe('monitoring', () => {
  const alarms = () => Object.values(resourcesOf(prod.siteTemplate, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties);

  it('alarms on API 5xx, every function’s errors and throttles, and dead letters, to the alarm topic', () => {
    const all = alarms();
    expect(all.every((a) => JSON.stringify(a.AlarmActions).includes('MonitoringAlarms'))).toBe(true);
    expect(all).toContainEqual(expect.objectContaining({ Namespace: 'AWS/ApiGateway', MetricName: '5xx' }));
    for (const [handler, fn] of functionsByHandler(prod.siteTemplate)) {
      for (const metric of ['Errors', 'Throttles']) {
        expect(all, `${handler} ${metric}`).toContainEqual(
          expect.objectContaining({ Namespace: 'AWS/Lambda', MetricName: metric, Dimensions: [{ Name: 'FunctionName', Value: { Ref: fn.id } }] }),
        );
      }
    }
    expect(all.filter((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible')).toHaveLength(2);
  });

  it('alarms on the age of the oldest undelivered notification and on each job’s failure', () => {
    expect(alarms()).toContainEqual(
      expect.objectContaining({
        Namespace: METRICS.namespace,
        MetricName: METRICS.oldestUndeliveredNotificationAge,
        Dimensions: [{ Name: 'service', Value: 'deliver-notifications' }],
      }),
    );
    for (const job of JOBS) {
      expect(alarms().map((a) => a.AlarmDescription)).toContain(`Scheduled job ${job.handler} failed`);
    }
  });

  it('encrypts the alarm topic with a key CloudWatch may use', () => {
    prod.siteTemplate.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    prod.siteTemplate.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' } })]) },
    });
  });
});

describe('sign-in', () => {
  it('puts the official’s name in access tokens with a V2 pre-token-generation trigger', () => {
    const trigger = functionsByHandler(prod.siteTemplate).get('token-claims')!;
    prod.siteTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: { PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: { 'Fn::GetAtt': [trigger.id, 'Arn'] } } },
    });
  });
});

describe('sessions', () => {
  it('rotates the inbox client’s refresh tokens and lets sign-out revoke them', () => {
    prod.siteTemplate.hasResourceProperties('AWS::Cognito::UserPoolClient', { EnableTokenRevocation: true, RefreshTokenRotation: { Feature: 'ENABLED' } });
  });
});

describe('edge (WAF)', () => {
  it('lives in us-east-1 with CLOUDFRONT scope', () => {
    expect(prod.edge.region).toBe('us-east-1');
    prod.edgeTemplate.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
  });

  it('rate-limits submissions per IP on POST /api/feedback and answers 429 in the API error shape', () => {
    const acl = Object.values(resourcesOf(prod.edgeTemplate, 'AWS::WAFv2::WebACL'))[0]!.Properties;
    const rule = acl.Rules.find((r: any) => r.Name === 'SubmissionsPerIp');
    expect(rule.Statement.RateBasedStatement).toMatchObject({ AggregateKeyType: 'IP', Limit: expect.any(Number) });
    const scope = JSON.stringify(rule.Statement.RateBasedStatement.ScopeDownStatement);
    expect(scope).toContain('"SearchString":"/api/feedback"');
    expect(scope).toContain('"SearchString":"POST"');
    expect(rule.Action.Block.CustomResponse).toMatchObject({ ResponseCode: 429 });
    expect(JSON.parse(acl.CustomResponseBodies.rateLimited.Content)).toMatchObject({ error: { code: 'rate_limited', message: expect.any(String) } });
  });

  it('counts only API writes per IP in the general rule, never pages, assets or reads', () => {
    const acl = Object.values(resourcesOf(prod.edgeTemplate, 'AWS::WAFv2::WebACL'))[0]!.Properties;
    expect(acl.Rules.map((r: any) => r.Name)).not.toContain('RequestsPerIp');
    const rule = acl.Rules.find((r: any) => r.Name === 'ApiWritesPerIp');
    expect(rule.Statement.RateBasedStatement).toMatchObject({ AggregateKeyType: 'IP', Limit: 2000, EvaluationWindowSec: 300 });
    const [path, ...methods] = rule.Statement.RateBasedStatement.ScopeDownStatement.AndStatement.Statements;
    expect(path.ByteMatchStatement).toMatchObject({ SearchString: '/api/', PositionalConstraint: 'STARTS_WITH', FieldToMatch: { UriPath: {} } });
    expect(methods.map((m: any) => m.NotStatement.Statement.ByteMatchStatement.SearchString)).toEqual(['GET', 'HEAD', 'OPTIONS']);
  });

  it('applies the AWS managed rule groups and logs blocked requests', () => {
    const acl = Object.values(resourcesOf(prod.edgeTemplate, 'AWS::WAFv2::WebACL'))[0]!.Properties;
    const groups = acl.Rules.map((r: any) => r.Statement.ManagedRuleGroupStatement?.Name).filter(Boolean);
    expect(groups).toEqual(expect.arrayContaining(['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesAmazonIpReputationList']));
    prod.edgeTemplate.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', { ResourceArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } });
  });
});
