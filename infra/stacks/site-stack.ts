/**
 * Everything in the home region, one stack composed of constructs by concern: data, queues,
 * auth, API, web, jobs, monitoring. One stack keeps the API ↔ CloudFront ↔ sign-in references
 * free of CloudFormation exports (which would freeze the resources they name).
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config.ts';
import { ApiConstruct } from '../constructs/api.ts';
import { AuthConstruct, CALLBACK_PATH, SIGNED_OUT_PATH } from '../constructs/auth.ts';
import type { CapabilityResources } from '../constructs/capabilities.ts';
import { DataConstruct } from '../constructs/data.ts';
import { JobsConstruct } from '../constructs/jobs.ts';
import { MonitoringConstruct } from '../constructs/monitoring.ts';
import { QueuesConstruct } from '../constructs/queues.ts';
import { WebConstruct } from '../constructs/web.ts';
import type { PublicAuthConfig } from '#shared/auth';

export type SiteStackProps = StackProps & { config: StageConfig; webAclArn: string };

export class SiteStack extends Stack {
  readonly data: DataConstruct;
  readonly queues: QueuesConstruct;
  readonly auth: AuthConstruct;
  readonly api: ApiConstruct;
  readonly web: WebConstruct;
  readonly jobs: JobsConstruct;
  readonly monitoring: MonitoringConstruct;

  constructor(scope: Construct, id: string, { config, webAclArn, ...props }: SiteStackProps) {
    super(scope, id, props);
    this.data = new DataConstruct(this, 'Data', config);
    this.queues = new QueuesConstruct(this, 'Queues');
    const resources: CapabilityResources = {
      siteBucket: this.data.siteBucket,
      deadLetters: this.queues.notificationDeadLetters,
      trackingCodeSecret: this.data.trackingCodeSecret,
      mailFrom: config.mailFrom,
      smsSenderId: config.smsSenderId,
    };
    this.auth = new AuthConstruct(this, 'Auth', config);
    this.api = new ApiConstruct(this, 'Api', { config, table: this.data.table, auth: this.auth, resources });
    const signIn = this.auth.domain.baseUrl();
    this.web = new WebConstruct(this, 'Web', {
      config,
      siteBucket: this.data.siteBucket,
      logBucket: this.data.logBucket,
      apiDomainName: this.api.domainName,
      apiOriginHeader: this.api.originVerify,
      webAclArn,
      connectOrigins: [signIn],
      publicConfig: (siteOrigin) => ({
        stage: config.stage,
        auth: {
          issuer: this.auth.issuer,
          clientId: this.auth.client.userPoolClientId,
          authorizationEndpoint: `${signIn}/oauth2/authorize`,
          tokenEndpoint: `${signIn}/oauth2/token`,
          // Cognito's logout takes client_id and logout_uri (not post_logout_redirect_uri).
          endSessionEndpoint: `${signIn}/logout`,
          revocationEndpoint: `${signIn}/oauth2/revoke`,
          redirectUri: `${siteOrigin}${CALLBACK_PATH}`,
          logoutUri: `${siteOrigin}${SIGNED_OUT_PATH}`,
          scope: 'openid email profile',
        } satisfies PublicAuthConfig,
      }),
    });
    this.auth.useSiteOrigin(this.web.siteOrigin);
    this.jobs = new JobsConstruct(this, 'Jobs', { config, table: this.data.table, resources, failures: this.queues.jobFailures });
    // Links in citizens' SMS and e-mails, and in departments' e-mails, point at the site; departments
    // without a catalog `alertEmail` are written to at this address template.
    for (const fn of [...this.api.functions, ...this.jobs.functions.values()]) {
      fn.addEnvironment('PUBLIC_BASE_URL', this.web.siteOrigin);
      if (config.departmentAlertEmail) fn.addEnvironment('DEPARTMENT_ALERT_EMAIL', config.departmentAlertEmail);
    }
    this.monitoring = new MonitoringConstruct(this, 'Monitoring', {
      config,
      api: this.api.api,
      apiFunctions: [...this.api.functions, ...this.auth.functions],
      jobFunctions: this.jobs.functions,
      queues: { NotificationDeadLetters: this.queues.notificationDeadLetters, JobFailures: this.queues.jobFailures },
    });

    new CfnOutput(this, 'SiteUrl', { value: this.web.siteOrigin, description: 'The site (pages, /api, /stats)' });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
    new CfnOutput(this, 'SignInDomain', { value: signIn });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'TrackingCodeSecretArn', { value: this.data.trackingCodeSecret.secretArn, description: 'Key of tracking codes: `npm run import -- --aws` of feedback needs it' });
    new CfnOutput(this, 'SiteBucketName', { value: this.data.siteBucket.bucketName });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.topic.topicArn });
    const stats = this.jobs.functions.get('publish-stats');
    // After a first deploy /stats is empty until the nightly run: the guide invokes it once by this name.
    if (stats) new CfnOutput(this, 'PublishStatsFunctionName', { value: stats.functionName, description: 'Invoke once after the first deploy: /stats is empty until the nightly run' });
  }
}
