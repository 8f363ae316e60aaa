/**
 * The site: one CloudFront distribution in front of the private site bucket (origin access
 * control) and the HTTP API (`/api/*`), so pages, published statistics and the API share one
 * origin. Page paths come from shared/pages.ts (PAGE_ROUTES): a CloudFront Function rewrites them
 * to their HTML file exactly as local/static.ts does (an unknown page path to the styled 404 page,
 * answered with 404 by a second function), and SECURITY_HEADERS become the response headers policy
 * on every behaviour.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Annotations, Duration, Stack, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AccessLevel,
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  type BehaviorOptions,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  Function as EdgeFunction,
  HeadersFrameOption,
  type HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  type ResponseSecurityHeadersBehavior,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { PAGE_ROUTES, SECURITY_HEADERS } from '#shared/pages';
import type { StageConfig } from '../config.ts';
import { STATS_PREFIX } from './capabilities.ts';
import { ROOT } from './lambda-function.ts';

/** The styled not-found page (kiosk/404.html), served for any unknown page path. */
export const NOT_FOUND_PAGE = '/404.html';

/**
 * Shared by both CloudFront Functions: the page table and what counts as an unknown page. A path
 * that is no page route and has no file extension in its last segment names nothing in the bucket
 * (every file there has one: pages, hashed assets, config.json, published statistics), so it is a
 * mistyped or outdated page address. Paths with an extension stay S3's to answer.
 */
function pagePrelude(routes: typeof PAGE_ROUTES): string {
  const table = routes.map((route) => `[${route.match.toString()}, ${JSON.stringify(`/${route.file}`)}]`).join(',\n  ');
  return `var PAGES = [
  ${table}
];
var NOT_FOUND = ${JSON.stringify(NOT_FOUND_PAGE)};
function pageFile(uri) {
  for (var i = 0; i < PAGES.length; i++) {
    if (PAGES[i][0].test(uri)) return PAGES[i][1];
  }
  return /\\.[A-Za-z0-9]+$/.test(uri) ? undefined : NOT_FOUND;
}`;
}

/**
 * CloudFront Function (cloudfront-js-2.0, viewer request) source: the page rewrite of
 * local/static.ts, and unknown page paths to the not-found page.
 */
export function pageRewriteCode(routes = PAGE_ROUTES): string {
  return `${pagePrelude(routes)}
function handler(event) {
  var request = event.request;
  var file = pageFile(request.uri);
  if (file) request.uri = file;
  return request;
}`;
}

/**
 * CloudFront Function (viewer response) source: the not-found page answers 404, as locally. Only a
 * 200 becomes 404: a 304 (the browser revalidating its copy) passes as it is. Whether the event's
 * request carries the viewer's path or the rewritten one, the same test finds it.
 */
export function notFoundStatusCode(routes = PAGE_ROUTES): string {
  return `${pagePrelude(routes)}
function handler(event) {
  var response = event.response;
  var uri = event.request.uri;
  if (response.statusCode === 200 && (uri === NOT_FOUND || pageFile(uri) === NOT_FOUND)) {
    response.statusCode = 404;
    response.statusDescription = 'Not Found';
  }
  return response;
}`;
}

/** The CSP of shared/pages.ts, plus the sign-in origin the inbox exchanges its code with. */
export function cspWithConnect(csp: string, extraConnect: string[]): string {
  if (extraConnect.length === 0) return csp;
  return csp
    .split('; ')
    .map((directive) => (directive.startsWith('connect-src ') ? `${directive} ${extraConnect.join(' ')}` : directive))
    .join('; ');
}

/** SECURITY_HEADERS as a CloudFront response headers policy: known headers typed, the rest custom. */
export function headersPolicyProps(headers: Record<string, string>, extraConnect: string[]) {
  const security: { -readonly [K in keyof ResponseSecurityHeadersBehavior]: ResponseSecurityHeadersBehavior[K] } = {};
  const custom: { header: string; value: string; override: boolean }[] = [];
  for (const [name, value] of Object.entries(headers)) {
    switch (name.toLowerCase()) {
      case 'content-security-policy':
        security.contentSecurityPolicy = { contentSecurityPolicy: cspWithConnect(value, extraConnect), override: true };
        break;
      case 'strict-transport-security': {
        const maxAge = Number(/max-age=(\d+)/i.exec(value)?.[1] ?? 31536000);
        security.strictTransportSecurity = {
          accessControlMaxAge: Duration.seconds(maxAge),
          includeSubdomains: /includeSubDomains/i.test(value),
          preload: /preload/i.test(value),
          override: true,
        };
        break;
      }
      case 'x-frame-options':
        security.frameOptions = { frameOption: value.toUpperCase() === 'DENY' ? HeadersFrameOption.DENY : HeadersFrameOption.SAMEORIGIN, override: true };
        break;
      case 'x-content-type-options':
        security.contentTypeOptions = { override: true };
        break;
      case 'referrer-policy':
        security.referrerPolicy = { referrerPolicy: value as HeadersReferrerPolicy, override: true };
        break;
      default:
        custom.push({ header: name, value, override: true });
    }
  }
  return { securityHeadersBehavior: security, customHeadersBehavior: custom.length ? { customHeaders: custom } : undefined };
}

/** BucketDeployment's CDK-provided handler (a singleton at stack level) and what it needs. */
function acknowledgeDeploymentHandler(scope: Construct, siteBucket: Bucket): void {
  const stack = Stack.of(scope);
  const handlers = stack.node.children.filter((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
  const cdkOwned = 'CDK-provided BucketDeployment handler, active only during deployment';
  for (const handler of handlers) {
    Validations.of(handler).acknowledge(
      { id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: `${cdkOwned}; the managed policy only writes its logs.` },
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `${cdkOwned}: syncs the built pages into the site bucket (read the asset, write and prune the site files).`,
      })),
      { id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${stack.region}/*]`, reason: `${cdkOwned}: reads the uploaded asset zip from the CDK bootstrap bucket.` },
      { id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(siteBucket.node.defaultChild as CfnBucket)}.Arn>/*]`, reason: `${cdkOwned}: writes the page files anywhere in the site bucket except stats/ (excluded from the sync).` },
      { id: 'AwsSolutions-IAM5[Resource::*]', reason: `${cdkOwned}: CloudFront CreateInvalidation/GetInvalidation support no resource-level permissions.` },
      { id: 'AwsSolutions-L1', reason: `${cdkOwned}; its runtime is chosen by aws-cdk-lib and moves with it.` },
      { id: 'Serverless-LambdaLatestVersion', reason: `${cdkOwned}; its runtime is chosen by aws-cdk-lib.` },
      { id: 'Serverless-LambdaDLQ', reason: `${cdkOwned}; CloudFormation invokes it and reports a failure as a failed deployment.` },
      { id: 'Serverless-LambdaTracing', reason: `${cdkOwned}; runs only during deployments, tracing adds nothing.` },
    );
  }
}

export type WebProps = {
  config: StageConfig;
  siteBucket: Bucket;
  logBucket: Bucket;
  apiDomainName: string;
  /** Secret header CloudFront adds to /api requests so the API can refuse direct calls. */
  apiOriginHeader: { name: string; value: string };
  /** WAF web ACL (CLOUDFRONT scope, from the us-east-1 edge stack). */
  webAclArn: string;
  /** Origins the pages may `fetch` besides their own (the Cognito sign-in domain). */
  connectOrigins: string[];
  /** Public runtime settings the pages read from /config.json. */
  publicConfig: (siteOrigin: string) => Record<string, unknown>;
};

export class WebConstruct extends Construct {
  readonly distribution: Distribution;
  readonly siteOrigin: string;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const { config, siteBucket } = props;
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Góp Ý security headers (shared/pages.ts)',
      ...headersPolicyProps(SECURITY_HEADERS, props.connectOrigins),
    });
    const bucketOrigin = S3BucketOrigin.withOriginAccessControl(siteBucket, {
      // LIST so a missing file is a 404, not a 403.
      originAccessLevels: [AccessLevel.READ, AccessLevel.LIST],
    });
    // Honours the Cache-Control the objects carry (set below and by the statistics job).
    const filesPolicy = new CachePolicy(this, 'Files', {
      comment: 'Pages, assets and statistics: origin Cache-Control, 5 minutes by default',
      defaultTtl: Duration.minutes(5),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.days(365),
      headerBehavior: CacheHeaderBehavior.none(),
      queryStringBehavior: CacheQueryStringBehavior.none(),
      cookieBehavior: CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const rewrite = new EdgeFunction(this, 'PageRewrite', {
      comment: 'Page paths to their HTML file (shared/pages.ts)',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(pageRewriteCode()),
    });
    const files: BehaviorOptions = {
      origin: bucketOrigin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: filesPolicy,
      responseHeadersPolicy: headers,
      compress: true,
    };
    // Not the distribution's errorResponses: those apply to every origin, so the API's JSON 404s
    // and 403s (unknown tracking code, another department's record…) would become this HTML page.
    // These functions sit on the bucket's behaviours only; /api/* has none.
    const notFound = new EdgeFunction(this, 'NotFoundStatus', {
      comment: 'The not-found page answers 404 (unknown page paths)',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(notFoundStatusCode()),
    });
    const page: BehaviorOptions = {
      ...files,
      functionAssociations: [
        { function: rewrite, eventType: FunctionEventType.VIEWER_REQUEST },
        { function: notFound, eventType: FunctionEventType.VIEWER_RESPONSE },
      ],
    };
    const additionalBehaviors: Record<string, BehaviorOptions> = {
      '/api/*': {
        origin: new HttpOrigin(props.apiDomainName, {
          protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
          originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          // Overrides a viewer's header of the same name, so it cannot be forged from outside.
          customHeaders: { [props.apiOriginHeader.name]: props.apiOriginHeader.value },
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        // Nothing under /api is cached; with caching off, Authorization reaches the API.
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: headers,
      },
      // With the rewrite too: `/stats/` matches this pattern and is the statistics page, as locally;
      // published files pass through the rewrite unchanged.
      [`/${STATS_PREFIX}*`]: page,
    };
    for (const route of PAGE_ROUTES) if (route.cloudfront !== '/') additionalBehaviors[route.cloudfront] = page;

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `${config.prefix} site`,
      defaultRootObject: 'index.html',
      defaultBehavior: page,
      additionalBehaviors,
      webAclId: props.webAclArn,
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Includes the Hanoi and Ho Chi Minh City edge locations.
      priceClass: PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'cloudfront/',
      ...(config.domainName && config.certificateArn
        ? {
            domainNames: [config.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', config.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    this.siteOrigin = config.domainName ? `https://${config.domainName}` : `https://${this.distribution.distributionDomainName}`;
    Validations.of(this.distribution).acknowledge({
      id: 'Annotation::@aws-cdk/aws-cloudfront-origins:listBucketSecurityRisk',
      reason: 'Everything in the site bucket is public by design (pages, published statistics); LIST only turns a missing file into 404 instead of 403, and no query string reaches S3.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'Citizens may submit or track feedback from abroad (Decree 20 sets no territorial limit); WAF rate rules and IP reputation lists apply instead.',
    });
    if (!config.domainName) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason: 'Without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose TLS policy cannot be set; set -c domainName and -c certificateArn to enforce TLSv1.2_2021.',
      });
    }
    this.deployPages(props);
  }

  /**
   * Uploads kiosk/dist: hashed assets immutable and never pruned (a cached page may still name
   * them), everything else revalidated within 5 minutes; stats/ is left to the statistics job.
   * Synthesis without built pages deploys only /config.json and warns; `npm run deploy` builds.
   */
  private deployPages(props: WebProps): void {
    const dir = resolve(ROOT, props.config.pagesDir);
    const built = existsSync(join(dir, 'index.html'));
    if (!built) {
      Annotations.of(this).addWarningV2('gopy:pages-not-built', `No built pages in ${props.config.pagesDir}: only /config.json will be deployed. Run \`npm run deploy\` (it builds the pages first).`);
    }
    const assets = built
      ? new BucketDeployment(this, 'Assets', {
        sources: [Source.asset(dir)],
        include: ['assets/*'],
        exclude: ['*'],
        destinationBucket: props.siteBucket,
        prune: false,
        cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
        memoryLimit: 512,
      })
      : undefined;
    const pages = new BucketDeployment(this, 'Pages', {
      sources: [...(built ? [Source.asset(dir, { exclude: ['assets/**'] })] : []), Source.jsonData('config.json', props.publicConfig(this.siteOrigin))],
      exclude: ['assets/*', `${STATS_PREFIX}*`],
      destinationBucket: props.siteBucket,
      prune: built,
      cacheControl: [CacheControl.fromString('public, max-age=0, s-maxage=300, must-revalidate')],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    // New pages name new assets: upload those first.
    if (assets) pages.node.addDependency(assets);
    acknowledgeDeploymentHandler(this, props.siteBucket);
  }
}
