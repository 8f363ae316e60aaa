/**
 * Alarms to one SNS topic (e-mail subscription from -c alarmEmail) and one dashboard:
 * API 5xx, every function's errors and throttles, dead-letter queue depth, the age of the oldest
 * undelivered notification (custom metric METRICS.oldestUndeliveredNotificationAge), and a
 * dedicated failure alarm per scheduled job (the statistics job among them).
 */
import { Duration, Stack } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  Metric,
  type IMetric,
  SingleValueWidget,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct } from 'constructs';
import { METRICS } from '#functions/jobs';
import type { StageConfig } from '../config.ts';
import { pascal } from './api.ts';
import type { AppFunction } from './lambda-function.ts';

/** The job that delivers the notification outbox and emits the backlog-age metric. */
export const NOTIFICATION_JOB = 'deliver-notifications';

export type MonitoringProps = {
  config: StageConfig;
  api: HttpApi;
  apiFunctions: AppFunction[];
  jobFunctions: Map<string, AppFunction>;
  queues: Record<string, IQueue>;
};

export function notificationAgeMetric(): Metric {
  return new Metric({
    namespace: METRICS.namespace,
    metricName: METRICS.oldestUndeliveredNotificationAge,
    dimensionsMap: { service: NOTIFICATION_JOB },
    statistic: 'Maximum',
    period: Duration.minutes(5),
  });
}

export class MonitoringConstruct extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { config } = props;
    // A customer-managed key, because CloudWatch may not use the AWS-managed SNS key.
    const key = new Key(this, 'AlarmTopicKey', { enableKeyRotation: true, description: `${config.prefix} alarm topic` });
    key.addToResourcePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.topic = new Topic(this, 'Alarms', { displayName: `${config.prefix} alarms`, masterKey: key, enforceSSL: true });
    if (config.alarmEmail) this.topic.addSubscription(new EmailSubscription(config.alarmEmail));

    this.alarm('Api5xx', props.api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }), 5, 'API answered 5xx (more than 5 in 5 minutes)');
    for (const fn of props.apiFunctions) this.functionAlarms(fn);
    for (const [handler, fn] of props.jobFunctions) {
      this.functionAlarms(fn, 'Job');
      this.alarm(`${pascal(handler)}JobFailed`, fn.metricErrors({ period: Duration.hours(1), statistic: 'Sum' }), 1, `Scheduled job ${handler} failed`, 1);
    }
    for (const [name, queue] of Object.entries(props.queues)) {
      this.alarm(`${name}Depth`, queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }), 1, `Messages waiting in ${name}`, 1);
    }
    this.alarm(
      'NotificationBacklogAge',
      notificationAgeMetric(),
      config.notificationAgeAlarm.toSeconds(),
      `Oldest undelivered notification older than ${config.notificationAgeAlarm.toMinutes()} minutes`,
    );

    this.dashboard(props);
  }

  private alarm(id: string, metric: IMetric, threshold: number, description: string, evaluationPeriods = 1): Alarm {
    const alarm = new Alarm(this, id, {
      alarmDescription: description,
      metric,
      threshold,
      evaluationPeriods,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
    return alarm;
  }

  private functionAlarms(fn: AppFunction, prefix = ''): void {
    const name = `${prefix}${pascal(fn.handlerName)}`;
    this.alarm(`${name}Errors`, fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }), 1, `${fn.handlerName}: errors`);
    this.alarm(`${name}Throttles`, fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }), 1, `${fn.handlerName}: throttled invocations`);
  }

  private dashboard({ config, api, apiFunctions, jobFunctions, queues }: MonitoringProps): void {
    const functions = [...apiFunctions, ...jobFunctions.values()];
    const perFunction = (metric: (fn: AppFunction) => IMetric) => functions.map(metric);
    new Dashboard(this, 'Dashboard', {
      dashboardName: `${config.prefix}-overview`,
      widgets: [
        [new TextWidget({ markdown: `# Góp Ý (${config.stage})\nAlarms go to the SNS topic; see docs/DEPLOY.md.`, width: 24, height: 2 })],
        [
          new GraphWidget({ title: 'API requests', left: [api.metricCount({ period: Duration.minutes(5) })], width: 8 }),
          new GraphWidget({
            title: 'API errors',
            left: [api.metricClientError({ period: Duration.minutes(5) }), api.metricServerError({ period: Duration.minutes(5) })],
            width: 8,
          }),
          new GraphWidget({ title: 'API latency p99 (ms)', left: [api.metricLatency({ period: Duration.minutes(5), statistic: 'p99' })], width: 8 }),
        ],
        [
          new GraphWidget({ title: 'Function errors', left: perFunction((fn) => fn.metricErrors({ period: Duration.minutes(5) })), width: 8 }),
          new GraphWidget({ title: 'Function duration p99 (ms)', left: perFunction((fn) => fn.metricDuration({ period: Duration.minutes(5), statistic: 'p99' })), width: 8 }),
          new GraphWidget({ title: 'Throttles', left: perFunction((fn) => fn.metricThrottles({ period: Duration.minutes(5) })), width: 8 }),
        ],
        [
          new SingleValueWidget({
            title: 'Dead letters waiting',
            metrics: Object.values(queues).map((queue) => queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' })),
            width: 12,
          }),
          new GraphWidget({ title: 'Oldest undelivered notification (s)', left: [notificationAgeMetric()], width: 12 }),
        ],
      ],
    });
  }
}
