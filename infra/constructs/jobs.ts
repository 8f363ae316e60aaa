/**
 * Scheduled functions, one per entry of functions/jobs.ts: EventBridge Scheduler in
 * Asia/Ho_Chi_Minh invokes each asynchronously; a run that cannot be invoked, or fails after
 * Lambda's retries, lands on the job-failures queue (alarmed).
 */
import { Duration, RemovalPolicy, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { JOBS, type Job } from '#functions/jobs';
import type { StageConfig } from '../config.ts';
import { pascal } from './api.ts';
import { bindCapabilities, type CapabilityResources } from './capabilities.ts';
import { AppFunction } from './lambda-function.ts';

export type JobsProps = {
  config: StageConfig;
  table: ITable;
  resources: CapabilityResources;
  failures: IQueue;
  jobs?: readonly Job[];
};

export class JobsConstruct extends Construct {
  readonly functions = new Map<string, AppFunction>();

  constructor(scope: Construct, id: string, { config, table, resources, failures, jobs = JOBS }: JobsProps) {
    super(scope, id);
    const schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } } }),
      description: 'Invokes the scheduled Góp Ý jobs',
    });
    for (const job of jobs) {
      const name = pascal(job.handler);
      const fn = new AppFunction(this, name, {
        handler: job.handler,
        description: job.description,
        logRetention: config.logRetention,
        removalPolicy: config.stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        memorySize: job.memoryMb ?? 1024,
        timeout: Duration.seconds(job.timeoutSeconds ?? 300),
      }).bindTable(table, job.access);
      bindCapabilities(fn, job.uses, resources);
      // The on-failure destination carries the request and error; a classic DLQ would duplicate it.
      fn.configureAsyncInvoke({ onFailure: new SqsDestination(failures), retryAttempts: 2, maxEventAge: Duration.hours(1) });
      Validations.of(fn).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason: 'Failed asynchronous runs go to the job-failures queue through the on-failure destination, which also records the error.',
      });
      Validations.of(schedulerRole).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${Stack.of(fn).getLogicalId(fn.node.defaultChild as CfnFunction)}.Arn>:*]`,
        reason: `Added by grantInvoke: ${job.handler} and its versions; the scheduler role can invoke nothing else.`,
      });
      new Schedule(this, `${name}Schedule`, {
        description: job.description,
        schedule: ScheduleExpression.expression(job.schedule, TimeZone.ASIA_HO_CHI_MINH),
        target: new LambdaInvoke(fn, { role: schedulerRole, deadLetterQueue: failures, retryAttempts: 3, maxEventAge: Duration.hours(1) }),
      });
      this.functions.set(job.handler, fn);
    }
  }
}
