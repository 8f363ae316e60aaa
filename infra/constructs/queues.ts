/**
 * Dead-letter queues: undeliverable notifications (the deliver job puts them here after its
 * retries) and failed scheduled runs (Scheduler could not invoke, or the function failed after
 * Lambda's async retries). Both are watched by alarms; messages are kept 14 days for a replay.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export class QueuesConstruct extends Construct {
  readonly notificationDeadLetters: Queue;
  readonly jobFailures: Queue;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.notificationDeadLetters = this.deadLetterQueue('NotificationDeadLetters');
    this.jobFailures = this.deadLetterQueue('JobFailures');
  }

  private deadLetterQueue(id: string): Queue {
    const queue = new Queue(this, id, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(queue).acknowledge(
      { id: 'AwsSolutions-SQS3', reason: 'This queue is itself a dead-letter queue; nothing consumes it automatically.' },
      { id: 'Serverless-SQSRedrivePolicy', reason: 'This queue is itself a dead-letter queue.' },
    );
    return queue;
  }
}
