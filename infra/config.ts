/**
 * Stage settings (dev/prod), chosen with `-c stage=dev|prod` (default dev). Everything a province's
 * IT team may need to change is a context value (cdk.json or `-c key=value`), never a code edit.
 */
import type { Node } from 'constructs';
import { Duration } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { RATE_LIMIT_DEFAULTS } from '#shared/rate-limit';

/** The region the product runs in; CloudFront-scoped WAF must live in us-east-1 (see EdgeStack). */
/** WAF's rate rule counts over 5 minutes; the same per-IP default the local guard enforces. */
const SUBMISSIONS_PER_IP_PER_5_MIN = (RATE_LIMIT_DEFAULTS.ip.limit * 300) / RATE_LIMIT_DEFAULTS.ip.windowSeconds;

/**
 * One NAT address may carry a whole provincial centre: 40 counters each sending a rating every 30 s
 * (400) plus 50 officials each acting every 15 s (1,000) is 1,400 writes in 5 minutes; 2,000 leaves
 * room, while a single machine scripting writes is stopped within seconds of passing ~7 per second.
 */
const API_WRITES_PER_IP_PER_5_MIN = 2000;

export const HOME_REGION = 'ap-southeast-1';
export const EDGE_REGION = 'us-east-1';

export type StageName = 'dev' | 'prod';

export type StageConfig = {
  stage: StageName;
  /** Prefix of stack names and resource names. */
  prefix: string;
  logRetention: RetentionDays;
  /** Days before CloudFront / S3 access logs are deleted. */
  accessLogDays: number;
  /** HTTP API stage throttling (all routes together). */
  apiRateLimit: number;
  apiBurstLimit: number;
  /** WAF: submissions per IP per 5 minutes on POST /api/feedback (a counter's kiosks share one IP). */
  submissionsPerIpPer5Min: number;
  /**
   * WAF: API writes (any method but GET/HEAD/OPTIONS under /api/) per IP per 5 minutes. Pages, assets
   * and reads are not counted: a service centre's kiosks and officials share one NAT address, and
   * mobile carriers put many phones behind one (docs/DEPLOY.md, "Rate limits").
   */
  apiWritesPerIpPer5Min: number;
  /** Custom domain of the site (e.g. gopy.example.gov.vn) with an ACM certificate in us-east-1. */
  domainName?: string;
  certificateArn?: string;
  /** Cognito hosted sign-in domain prefix (globally unique). */
  authDomainPrefix?: string;
  /** Sender of notification e-mails (an SES-verified identity); e-mail is off without it. */
  mailFrom?: string;
  /** SMS sender ID (brand name registered for Vietnam); SMS is off without it. */
  smsSenderId?: string;
  /** Where alarms are e-mailed (optional; the topic exists either way). */
  alarmEmail?: string;
  /** Departments' mailbox when the catalog gives none: `{departmentId}` is replaced (e.g. pakn+{departmentId}@tinh.gov.vn). */
  departmentAlertEmail?: string;
  /** Catalog whose departments become Cognito groups. */
  catalogFile: string;
  /** Built pages to upload; synthesis tolerates their absence (see WebConstruct). */
  pagesDir: string;
  /** Extra sign-in callback origins (dev: the local stack). */
  extraCallbackOrigins: string[];
  /** Cognito threat protection (Plus tier): enforced in prod. */
  threatProtection: boolean;
  /** Alarm when the oldest undelivered notification is older than this. */
  notificationAgeAlarm: Duration;
};

/** The catalog `-c catalog=…` replaces: its departments become Cognito groups, and the deploy loads it. */
export const DEFAULT_CATALOG = 'local/demo/catalog.json';

const DEFAULTS = {
  catalogFile: DEFAULT_CATALOG,
  pagesDir: 'kiosk/dist',
  notificationAgeAlarm: Duration.minutes(30),
};

const STAGES: Record<StageName, Omit<StageConfig, 'stage' | 'prefix' | 'catalogFile' | 'pagesDir' | 'notificationAgeAlarm'>> = {
  dev: {
    logRetention: RetentionDays.ONE_MONTH,
    accessLogDays: 30,
    apiRateLimit: 50,
    apiBurstLimit: 100,
    submissionsPerIpPer5Min: SUBMISSIONS_PER_IP_PER_5_MIN,
    apiWritesPerIpPer5Min: API_WRITES_PER_IP_PER_5_MIN,
    extraCallbackOrigins: ['http://localhost:3000'],
    threatProtection: false,
  },
  prod: {
    logRetention: RetentionDays.ONE_YEAR,
    accessLogDays: 365,
    apiRateLimit: 200,
    apiBurstLimit: 400,
    submissionsPerIpPer5Min: SUBMISSIONS_PER_IP_PER_5_MIN,
    apiWritesPerIpPer5Min: API_WRITES_PER_IP_PER_5_MIN,
    extraCallbackOrigins: [],
    threatProtection: true,
  },
};

const OPTIONAL = ['domainName', 'certificateArn', 'authDomainPrefix', 'mailFrom', 'smsSenderId', 'alarmEmail', 'departmentAlertEmail'] as const;

/** Reads the stage and its overrides from CDK context. */
export function stageConfig(node: Node): StageConfig {
  const stage = (node.tryGetContext('stage') ?? 'dev') as string;
  if (stage !== 'dev' && stage !== 'prod') throw new Error(`Unknown stage "${stage}": use -c stage=dev or -c stage=prod`);
  const config: StageConfig = {
    stage,
    prefix: `GopY-${stage}`,
    ...DEFAULTS,
    ...STAGES[stage],
    catalogFile: node.tryGetContext('catalog') ?? DEFAULTS.catalogFile,
    pagesDir: node.tryGetContext('pagesDir') ?? DEFAULTS.pagesDir,
  };
  for (const key of OPTIONAL) {
    const value = node.tryGetContext(key);
    if (typeof value === 'string' && value) config[key] = value;
  }
  if (config.domainName && !config.certificateArn) throw new Error('-c domainName needs -c certificateArn (an ACM certificate in us-east-1)');
  return config;
}

/** The site's origin when it is known before deployment (custom domain), else undefined. */
export const fixedSiteOrigin = (config: StageConfig) => (config.domainName ? `https://${config.domainName}` : undefined);
