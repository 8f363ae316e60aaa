/**
 * The HTTP API: one route per entry of functions/routes.ts, one function per handler module.
 * Routes with `auth: 'official'` get the Cognito JWT authorizer; the others are public (the
 * citizen pages) and are protected by WAF rate rules at CloudFront, stage throttling and the
 * handlers' own validation. Access logs are JSON lines.
 */
import { Aws, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ORIGIN_SECRET, ORIGIN_VERIFY_HEADER } from '#functions/lib/origin-guard';
import { ROUTES, type Route } from '#functions/routes';
import { fixedSiteOrigin, type StageConfig } from '../config.ts';
import type { AuthConstruct } from './auth.ts';
import { bindCapabilities, type CapabilityResources } from './capabilities.ts';
import { AppFunction, type TableAccess } from './lambda-function.ts';

const RANK: Record<TableAccess, number> = { none: 0, read: 1, write: 2 };

/** Routes grouped by handler module: a module serving several routes is one function. */
export function routesByHandler(routes: readonly Route[] = ROUTES): Map<string, Route[]> {
  const groups = new Map<string, Route[]>();
  for (const route of routes) groups.set(route.handler, [...(groups.get(route.handler) ?? []), route]);
  return groups;
}

/** CloudFormation-safe id from a handler name: `get-feedback` → `GetFeedback`. */
export const pascal = (name: string) => name.replace(/(^|[^a-zA-Z0-9]+)([a-zA-Z0-9])/g, (_m, _sep, c: string) => c.toUpperCase());

export type ApiProps = {
  config: StageConfig;
  table: ITable;
  auth: AuthConstruct;
  resources: CapabilityResources;
};

export class ApiConstruct extends Construct {
  readonly api: HttpApi;
  /** Header CloudFront adds to every /api request; the handlers refuse requests without it. */
  readonly originVerify: { name: string; value: string };
  readonly stage: HttpStage;
  readonly functions: AppFunction[] = [];

  constructor(scope: Construct, id: string, { config, table, auth, resources }: ApiProps) {
    super(scope, id);
    const origin = fixedSiteOrigin(config);
    this.api = new HttpApi(this, 'Http', {
      apiName: `${config.prefix}-api`,
      createDefaultStage: false,
      // The site calls /api on its own origin through CloudFront. Cross-origin calls are allowed
      // only from the configured domain; without one, none are (no CORS headers at all).
      ...(origin
        ? {
            corsPreflight: {
              allowOrigins: [origin],
              allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST],
              allowHeaders: ['content-type', 'authorization', 'idempotency-key'],
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: config.logRetention,
      removalPolicy: config.stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'Stage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: config.apiRateLimit, burstLimit: config.apiBurstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            method: '$context.httpMethod',
            route: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            responseLength: '$context.responseLength',
            userAgent: '$context.identity.userAgent',
            error: '$context.error.message',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });

    // The execute-api URL is public and bypasses CloudFront's WAF: CloudFront sends this secret
    // (functions/lib/origin-guard.ts) and the handlers answer 403 to anything that lacks it.
    // Secrets are read at run time where the service allows it: the functions get the ARN and
    // GetSecretValue on this secret only. CloudFront has no secret reference for a custom origin
    // header, so the distribution's configuration necessarily holds the value (docs/DEPLOY.md).
    const originSecret = new Secret(this, 'OriginVerifySecret', {
      description: 'Header value CloudFront adds to /api requests (the functions read it by ORIGIN_VERIFY_SECRET_ARN)',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    Validations.of(originSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'Shared by the distribution (a deploy-time reference: CloudFront has no run-time one) and the functions (read at run time, cached 5 minutes); rotating means redeploying the distribution, which `npm run deploy` does. It only proves a request came through CloudFront.',
    });
    this.originVerify = { name: ORIGIN_VERIFY_HEADER, value: originSecret.secretValue.unsafeUnwrap() };
    const authorizer = new HttpUserPoolAuthorizer('Officials', auth.userPool, { userPoolClients: [auth.client] });
    for (const [handler, routes] of routesByHandler()) {
      const access = routes.map((route) => route.access).reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'none' as TableAccess);
      const fn = new AppFunction(this, pascal(handler), {
        handler,
        description: routes.map((route) => `${route.method} ${route.path}`).join(', '),
        logRetention: config.logRetention,
        removalPolicy: config.stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      }).bindTable(table, access);
      fn.addEnvironment(ORIGIN_SECRET.arn, originSecret.secretArn);
      originSecret.grantRead(fn);
      bindCapabilities(fn, routes.flatMap((route) => route.uses ?? []), resources);
      Validations.of(fn).acknowledge(
        { id: 'Serverless-LambdaDLQ', reason: 'Invoked synchronously by API Gateway: the caller gets the error; there is no event to dead-letter.' },
        { id: 'Serverless-LambdaAsyncFailureDestination', reason: 'Invoked synchronously by API Gateway only; never asynchronously.' },
      );
      const integration = new HttpLambdaIntegration(`${pascal(handler)}Integration`, fn);
      for (const route of routes) {
        const [created] = this.api.addRoutes({
          path: route.path,
          methods: [HttpMethod[route.method]],
          integration,
          ...(route.auth === 'official' ? { authorizer } : {}),
        });
        if (route.auth !== 'official' && created) {
          Validations.of(created).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason: `${route.method} ${route.path} is a public citizen route (no sign-in by design); WAF rate rules, stage throttling and zod validation protect it.`,
          });
        }
      }
      this.functions.push(fn);
    }
  }

  /** `abc123.execute-api.ap-southeast-1.amazonaws.com`, for the CloudFront origin. */
  get domainName(): string {
    return `${this.api.apiId}.execute-api.${this.api.stack.region}.${Aws.URL_SUFFIX}`;
  }
}
