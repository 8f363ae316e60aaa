/**
 * `npm run deploy [-- --stage prod] [--yes] [-c key=value …]`: builds the pages, bootstraps the
 * home region and us-east-1 (the WAF stack), deploys both stacks, loads the catalog into the
 * table (an idempotent upsert: the API answers nothing useful without it) and prints the site URL
 * and the next steps. Before deploying it says which notification channels will be on. Uses the credentials of the shell (AWS_PROFILE etc.); see docs/DEPLOY.md.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importCatalog } from '#functions/lib/importer';
import { buildPages } from '#local/pages';
import { DEFAULT_CATALOG, HOME_REGION } from './config.ts';

const ROOT = resolve(import.meta.dirname, '..');

type Options = { stage: string; yes: boolean; context: string[] };

export function parseArgs(argv: string[]): Options {
  const options: Options = { stage: 'dev', yes: false, context: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--stage') options.stage = argv[++i] ?? '';
    else if (arg.startsWith('--stage=')) options.stage = arg.slice('--stage='.length);
    else if (arg === '--yes') options.yes = true;
    else if (arg === '-c' || arg === '--context') options.context.push('-c', argv[++i] ?? '');
    else throw new Error(`Unknown argument ${arg}. Usage: npm run deploy -- [--stage dev|prod] [--yes] [-c key=value …]`);
  }
  if (options.stage !== 'dev' && options.stage !== 'prod') throw new Error('--stage must be dev or prod');
  return options;
}

/** CDK context as the app will see it: cdk.json's, then each `-c key=value` (the last one wins). */
export function contextValues(context: string[], cdkJson = JSON.parse(readFileSync(resolve(ROOT, 'cdk.json'), 'utf8'))): Record<string, string> {
  const values: Record<string, string> = { ...cdkJson.context };
  for (let i = 1; i < context.length; i += 2) {
    const [key, ...rest] = context[i]!.split('=');
    values[key!] = rest.join('=');
  }
  return values;
}

/** What citizens will receive, said before deploying: a channel without its sender is off (skipped, never failed). */
export function channelReport(values: Record<string, string>): string[] {
  return [
    values.smsSenderId
      ? `  SMS:     on, sender ID "${values.smsSenderId}" (needs SNS production SMS and a spending limit, docs/DEPLOY.md)`
      : '  SMS:     OFF: citizens get no SMS (set -c smsSenderId=… with a sender ID registered for Vietnam)',
    values.mailFrom
      ? `  E-mail:  on, from ${values.mailFrom} (needs SES production access and that identity verified)`
      : '  E-mail:  OFF: citizens and departments get no e-mail (set -c mailFrom=… with an SES-verified sender)',
  ];
}

/** Loads the catalog into the deployed table: the same upsert as `npm run import`, so running it again changes nothing. */
export async function loadCatalog(file: string, tableName: string) {
  process.env.TABLE_NAME = tableName;
  process.env.AWS_REGION ??= HOME_REGION;
  return importCatalog(JSON.parse(readFileSync(resolve(ROOT, file), 'utf8')));
}

function cdk(args: string[]): void {
  console.log(`\n$ cdk ${args.join(' ')}`);
  execFileSync('npx', ['cdk', ...args], { stdio: 'inherit' });
}

async function main(): Promise<void> {
  const { stage, yes, context } = parseArgs(process.argv.slice(2));
  const common = ['-c', `stage=${stage}`, ...context];
  const values = contextValues(common);
  console.log(`Notifications to citizens (${stage}):\n${channelReport(values).join('\n')}`);

  console.log('Building pages into kiosk/dist…');
  await buildPages();

  // Bootstraps every environment the app's stacks name: <account>/ap-southeast-1 and <account>/us-east-1.
  cdk(['bootstrap', ...common]);

  const outputs = `cdk.out/outputs-${stage}.json`;
  cdk(['deploy', '--all', ...common, '--outputs-file', outputs, '--require-approval', yes ? 'never' : 'broadening']);

  const all = JSON.parse(readFileSync(outputs, 'utf8')) as Record<string, Record<string, string>>;
  const site = all[`GopY-${stage}-Site`] ?? {};
  const catalogFile = values.catalog ?? DEFAULT_CATALOG;
  if (!site.TableName) throw new Error(`No TableName in ${outputs}: the stack did not deploy completely`);
  console.log(`\nLoading the catalog ${catalogFile} into ${site.TableName}…`);
  console.log(`  ${JSON.stringify(await loadCatalog(catalogFile, site.TableName))}`);
  console.log(`
Góp Ý (${stage}) is deployed.
  Site:          ${site.SiteUrl}
  Inbox:         ${site.SiteUrl}/inbox
  User pool:     ${site.UserPoolId}
  Alarm topic:   ${site.AlarmTopicArn}

Next (docs/DEPLOY.md, steps 6 and 7):
  publish the statistics once, then run the smoke test:
  aws lambda invoke --region ap-southeast-1 --function-name ${site.PublishStatsFunctionName} \\
    --cli-binary-format raw-in-base64-out --payload '{}' /dev/stdout
  npm run smoke -- --url ${site.SiteUrl}
  create the first administrator:
  aws cognito-idp admin-create-user --region ap-southeast-1 --user-pool-id ${site.UserPoolId} \\
    --username admin@example.gov.vn --user-attributes Name=email,Value=admin@example.gov.vn Name=email_verified,Value=true
  aws cognito-idp admin-add-user-to-group --region ap-southeast-1 --user-pool-id ${site.UserPoolId} \\
    --username admin@example.gov.vn --group-name admin`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
