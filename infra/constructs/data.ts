/**
 * Durable stores.
 * - The single table, built from shared/table.ts (the same definition the local stack uses):
 *   on-demand, point-in-time recovery, deletion protection, kept when the stack goes away,
 *   encrypted with the AWS managed key (auditable in CloudTrail, no key to administer); TTL
 *   expires idempotency and other short-lived records.
 * - The site bucket: built pages and published statistics (stats/), private, TLS only, read by
 *   CloudFront through origin access control.
 * - The access-log bucket: CloudFront and S3 access logs, expired after the stage's retention.
 * - The tracking-code key: tracking codes of idempotent submissions are an HMAC of the
 *   Idempotency-Key (functions/lib/submit.ts), so the key is secret per deployment and kept.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { TABLE } from '#shared/table';
import type { StageConfig } from '../config.ts';

const key = (name: string) => ({ name, type: AttributeType.STRING });

export class DataConstruct extends Construct {
  readonly table: Table;
  readonly siteBucket: Bucket;
  readonly logBucket: Bucket;
  readonly trackingCodeSecret: Secret;

  constructor(scope: Construct, id: string, config: StageConfig) {
    super(scope, id);
    this.logBucket = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(config.accessLogDays) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket; logging its own access would loop.',
    });
    this.siteBucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      // Old versions of pages and statistics files are kept a month for rollback.
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 's3/site/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table = new Table(this, 'Table', {
      partitionKey: key(TABLE.partitionKey),
      sortKey: key(TABLE.sortKey),
      timeToLiveAttribute: TABLE.ttlAttribute,
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of TABLE.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: key(index.partitionKey),
        sortKey: key(index.sortKey),
        projectionType: ProjectionType.ALL,
      });
    }
    this.trackingCodeSecret = new Secret(this, 'TrackingCodeSecret', {
      description: 'HMAC key for tracking codes (functions read it by TRACKING_CODE_SECRET_ARN)',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.trackingCodeSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'Rotating the key would change the tracking code a replayed Idempotency-Key maps to and create duplicate records; it is generated once per deployment and never leaves AWS.',
    });
  }
}
