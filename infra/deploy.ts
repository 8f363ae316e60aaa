/**
 * `npm run deploy [-- --stage prod] [--yes] [-c key=value …]`: builds the pages, bootstraps the
 * home region and us-east-1 (the WAF stack), deploys both stacks and prints the site URL and the
 * next steps. Uses the credentials of the shell (AWS_PROFILE etc.); see docs/DEPLOY.md.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { buildPages } from '#local/pages';

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

function cdk(args: string[]): void {
  console.log(`\n$ cdk ${args.join(' ')}`);
  execFileSync('npx', ['cdk', ...args], { stdio: 'inherit' });
}

async function main(): Promise<void> {
  const { stage, yes, context } = parseArgs(process.argv.slice(2));
  const common = ['-c', `stage=${stage}`, ...context];

  console.log('Building pages into kiosk/dist…');
  await buildPages();

  // Bootstraps every environment the app's stacks name: <account>/ap-southeast-1 and <account>/us-east-1.
  cdk(['bootstrap', ...common]);

  const outputs = `cdk.out/outputs-${stage}.json`;
  cdk(['deploy', '--all', ...common, '--outputs-file', outputs, '--require-approval', yes ? 'never' : 'broadening']);

  const all = JSON.parse(readFileSync(outputs, 'utf8')) as Record<string, Record<string, string>>;
  const site = all[`GopY-${stage}-Site`] ?? {};
  console.log(`
Góp Ý (${stage}) is deployed.
  Site:          ${site.SiteUrl}
  Inbox:         ${site.SiteUrl}/inbox
  User pool:     ${site.UserPoolId}
  Alarm topic:   ${site.AlarmTopicArn}

Next: create the first administrator (docs/DEPLOY.md, "First administrator"):
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
