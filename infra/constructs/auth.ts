/**
 * Officials' sign-in: a Cognito user pool where only administrators create accounts, a strong
 * password policy and TOTP MFA for every account (officials see citizens' contact data, so the
 * admin group's MFA requirement is applied to all), one group per department plus `admin`, and a
 * public app client for the inbox (Authorization Code + PKCE, no client secret in the browser).
 *
 * Group names follow shared/auth.ts (the claim `cognito:groups` the handlers read): ADMIN_GROUP
 * sees every department, DEPARTMENT_GROUP_PREFIX + department id one department, LEAD_GROUP_PREFIX +
 * department id that department as its lead (its performance view too).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Aws, Duration, Fn, Lazy, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  type CfnUserPoolClient,
  FeaturePlan,
  LambdaVersion,
  UserPoolOperation,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  UserPool,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ADMIN_GROUP, DEPARTMENT_GROUP_PREFIX, LEAD_GROUP_PREFIX } from '#shared/auth';
import type { Catalog } from '#shared/catalog';
import { TRIGGERS } from '#functions/triggers';
import { AppFunction, ROOT } from './lambda-function.ts';
import type { StageConfig } from '../config.ts';

/** Where the inbox receives the authorization code (kiosk/src/inbox/auth.ts) and lands after sign-out. */
export const CALLBACK_PATH = '/inbox/callback';
export const SIGNED_OUT_PATH = '/inbox';

export function departmentIds(catalogFile: string): string[] {
  const catalog = JSON.parse(readFileSync(resolve(ROOT, catalogFile), 'utf8')) as Catalog;
  return catalog.departments.map((department) => department.id);
}

export class AuthConstruct extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;
  readonly functions: AppFunction[] = [];
  private readonly origins: string[] = [];

  constructor(scope: Construct, id: string, config: StageConfig) {
    super(scope, id);
    const prod = config.stage === 'prod';
    this.userPool = new UserPool(this, 'Officials', {
      userPoolName: `${config.prefix}-officials`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: config.threatProtection ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
      ...(config.threatProtection ? { standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION } : {}),
      deletionProtection: prod,
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      userInvitation: {
        emailSubject: 'Góp Ý: tài khoản cán bộ / official account',
        emailBody:
          'Tài khoản Góp Ý của bạn: {username}, mật khẩu tạm thời: {####}. Đăng nhập tại trang /inbox và đổi mật khẩu, cài đặt ứng dụng xác thực (TOTP).<br>' +
          'Your Góp Ý account: {username}, temporary password: {####}. Sign in at /inbox, change the password and set up an authenticator app.',
      },
    });
    if (!config.threatProtection) {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason: 'Dev stage: the Plus tier (threat protection) is used in prod only, to keep development pools free.',
      });
    }

    // Access tokens carry the official's name (Essentials and Plus feature plans allow V2 triggers).
    const [tokenClaims] = TRIGGERS;
    const trigger = new AppFunction(this, 'TokenClaims', {
      handler: tokenClaims.handler,
      description: tokenClaims.description,
      logRetention: config.logRetention,
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      memorySize: 256,
      timeout: Duration.seconds(5),
    });
    this.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, trigger, LambdaVersion.V2_0);
    Validations.of(trigger).acknowledge(
      { id: 'Serverless-LambdaDLQ', reason: 'Invoked synchronously by Cognito during sign-in: a failure fails that sign-in; there is no event to dead-letter.' },
      { id: 'Serverless-LambdaAsyncFailureDestination', reason: 'Invoked synchronously by Cognito only; never asynchronously.' },
    );
    this.functions.push(trigger);

    this.userPool.addGroup('Admin', { groupName: ADMIN_GROUP, description: 'Province administrators: every department', precedence: 0 });
    for (const department of departmentIds(config.catalogFile)) {
      this.userPool.addGroup(`Dept-${department}`, {
        groupName: `${DEPARTMENT_GROUP_PREFIX}${department}`,
        description: `Officials of ${department}`,
        precedence: 10,
      });
      this.userPool.addGroup(`Lead-${department}`, {
        groupName: `${LEAD_GROUP_PREFIX}${department}`,
        description: `Leads of ${department}: its officials' work and the performance view`,
        precedence: 5,
      });
    }

    this.domain = this.userPool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix: config.authDomainPrefix ?? Fn.join('-', ['gopy', config.stage, Aws.ACCOUNT_ID]) },
    });

    // The site origin is only known once CloudFront exists (see useSiteOrigin); Lazy keeps the
    // client → distribution → API reference one-way.
    const origins = () => [...this.origins, ...config.extraCallbackOrigins];
    this.client = this.userPool.addClient('Inbox', {
      userPoolClientName: 'inbox',
      generateSecret: false,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: Lazy.list({ produce: () => origins().map((origin) => `${origin}${CALLBACK_PATH}`) }),
        logoutUrls: Lazy.list({ produce: () => origins().map((origin) => `${origin}${SIGNED_OUT_PATH}`) }),
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      // One working day: the inbox renews its access token silently with the refresh token, and
      // officials sign in again each morning.
      refreshTokenValidity: Duration.hours(12),
    });
    // Each renewal returns a new refresh token and retires the old one (10 s grace for a retried request).
    (this.client.node.defaultChild as CfnUserPoolClient).refreshTokenRotation = { feature: 'ENABLED', retryGracePeriodSeconds: 10 };
  }

  /** Registers the site's origin (https://…) for sign-in callbacks and sign-out. */
  useSiteOrigin(origin: string): void {
    this.origins.push(origin);
  }

  get issuer(): string {
    return `https://cognito-idp.${Aws.REGION}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
