/**
 * Grants for the capabilities a route or job declares (functions/jobs.ts `Capability`): each one
 * sets its environment variable from CAPABILITY_ENV and adds the narrowest statement AWS allows.
 */
import { Aws, Stack, Validations } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CfnBucket, IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { CAPABILITY_ENV, type Capability } from '#functions/jobs';
import type { AppFunction } from './lambda-function.ts';

/** Objects the statistics job publishes; CloudFront serves them at /stats/*. */
export const STATS_PREFIX = 'stats/';

export type CapabilityResources = {
  siteBucket: IBucket;
  deadLetters: IQueue;
  /** SES sender; without it the `email` capability grants nothing and MAIL_FROM stays unset. */
  mailFrom?: string;
  smsSenderId?: string;
  trackingCodeSecret: ISecret;
};

const sesIdentities = (mailFrom: string) => {
  const domain = mailFrom.split('@')[1] ?? mailFrom;
  return [mailFrom, domain].map((identity) => `arn:${Aws.PARTITION}:ses:${Aws.REGION}:${Aws.ACCOUNT_ID}:identity/${identity}`);
};

const BIND: Record<Capability, (fn: AppFunction, resources: CapabilityResources) => void> = {
  'stats-bucket': (fn, { siteBucket }) => {
    fn.addEnvironment(CAPABILITY_ENV['stats-bucket'], siteBucket.bucketName);
    fn.allow(['s3:GetObject', 's3:PutObject'], [siteBucket.arnForObjects(`${STATS_PREFIX}*`)]);
    // ListBucket so a missing object (the first index.json) reads as 404 NoSuchKey, not 403: S3 checks
    // it without any s3:prefix in a GetObject's context, so a prefix condition would never match.
    // Listing shows only the names of the public site's files.
    fn.allow(['s3:ListBucket'], [siteBucket.bucketArn]);
    Validations.of(fn.role!).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(siteBucket)}.Arn>/${STATS_PREFIX}*]`,
      reason: 'Statistics files are named by month (stats/YYYY-MM.json|csv); the grant is limited to the stats/ prefix.',
    });
  },
  sms: (fn, { smsSenderId }) => {
    if (smsSenderId) fn.addEnvironment(CAPABILITY_ENV.sms, smsSenderId);
    // SMS to a phone number has no resource ARN; topics are denied so `*` means phone numbers only.
    fn.allow(['sns:Publish'], ['*']);
    fn.addToRolePolicy(denyTopics());
  },
  email: (fn, { mailFrom }) => {
    if (!mailFrom) return;
    fn.addEnvironment(CAPABILITY_ENV.email, mailFrom);
    fn.allow(['ses:SendEmail', 'ses:SendRawEmail'], sesIdentities(mailFrom), { StringEquals: { 'ses:FromAddress': mailFrom } });
  },
  // The ARN, never the value: functions/lib/code-for-key.ts reads it at run time (cached), so neither
  // the template nor the function's configuration holds the key.
  'tracking-codes': (fn, { trackingCodeSecret }) => {
    fn.addEnvironment(CAPABILITY_ENV['tracking-codes'], trackingCodeSecret.secretArn);
    trackingCodeSecret.grantRead(fn);
  },
  'dead-letters': (fn, { deadLetters }) => {
    fn.addEnvironment(CAPABILITY_ENV['dead-letters'], deadLetters.queueUrl);
    deadLetters.grantSendMessages(fn);
  },
};

function denyTopics(): PolicyStatement {
  return new PolicyStatement({ effect: Effect.DENY, actions: ['sns:Publish'], resources: [`arn:${Aws.PARTITION}:sns:*:*:*`] });
}

function logicalIdOf(bucket: IBucket): string {
  return Stack.of(bucket).getLogicalId(bucket.node.defaultChild as CfnBucket);
}

export function bindCapabilities(fn: AppFunction, uses: readonly Capability[] | undefined, resources: CapabilityResources): void {
  for (const capability of new Set(uses ?? [])) BIND[capability](fn, resources);
}
