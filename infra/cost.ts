/**
 * `npm run cost [-- --sms-usd 0.05] [--write]`: the cost model of docs/COST.md, computed from the
 * synthesized prod template (function memory and architecture, indexes and their projection, WAF
 * rules, alarms, keys, secrets, scheduled jobs) and from what the code writes per submission
 * (infra/cost-model.ts: item sizes, index copies, the rate-limit window, outbox items, SMS parts).
 * Prices are ap-southeast-1 list prices, stated in PRICES; durations and the SMS price are
 * assumptions (ASSUMED, --sms-usd), not measurements: no AWS account is reachable from here.
 * `--write` replaces the output block in docs/COST.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { JOBS } from '#functions/jobs';
import { SECRET_MAX_AGE_SECONDS } from '#functions/lib/secrets';
import { submissionWrites } from './cost-model.ts';
import { buildApp } from './stacks/index.ts';

/** USD, ap-southeast-1 (Singapore) list prices; CloudFront: "Asia Pacific" incl. Vietnam. */
export const PRICES = {
  dynamoWriteUnit: 0.7116 / 1e6,
  dynamoReadUnit: 0.1425 / 1e6,
  lambdaRequest: 0.2 / 1e6,
  lambdaArmGbSecond: 0.0000133334,
  httpApiRequest: 1.3 / 1e6,
  cloudFrontHttpsRequest: 0.012 / 1e4,
  cloudFrontGbOut: 0.12,
  wafRequest: 0.6 / 1e6,
  wafWebAcl: 5,
  wafRule: 1,
  s3Put: 0.005 / 1e3,
  s3Get: 0.00044 / 1e3,
  logsIngestGb: 0.7,
  alarm: 0.1,
  kmsKey: 1,
  secret: 0.4,
  secretsApiCall: 0.05 / 1e4,
  dashboard: 3,
  schedulerInvocation: 1 / 1e6,
  xrayTrace: 5 / 1e6,
  sesEmail: 0.1 / 1e3,
};

/** What cannot be measured here. */
export const ASSUMED = {
  /** Billed duration of one submission, warm, incl. amortised cold starts (init is billed since 2025). */
  submitMs: 60,
  /** API access log line plus an occasional application line, bytes per request. */
  logBytesPerRequest: 450,
  /** A phone submission via QR loads the /q page once: requests and gzip bytes (HTML, JS, CSS, config). */
  qrPageRequests: 4,
  qrPageBytes: 60_000,
  /** Statistics job: billed seconds per 100,000 records of the month read. */
  statsSecondsPer100k: 20,
  /** Statistics files written per run (index, JSON, CSV per month; two months on the 1st). */
  statsPutsPerRun: 4,
  /** USD per SMS part to a Vietnamese number (transactional): a placeholder, not a quote; --sms-usd overrides. */
  smsUsd: 0.05,
  /** Submissions arrive in office hours: 22 working days × 9 hours a month (for X-Ray's sampling). */
  busySecondsPerMonth: 22 * 9 * 3600,
  /** Billed duration of a scheduled run that finds little to do (delivery every minute, hourly checks). */
  idleJobMs: 300,
  /** Execution environments each function keeps warm all month: an upper bound at a province's load (idle ones are reclaimed). */
  warmEnvironmentsPerFunction: 1,
};

/**
 * GetSecretValue calls a month: each warm environment of a function that reads `secrets` secrets
 * refreshes each one when its cache (functions/lib/secrets.ts) is older than `maxAgeSeconds`.
 */
export function secretReadsPerMonth(secrets: number, maxAgeSeconds = SECRET_MAX_AGE_SECONDS, environments = ASSUMED.warmEnvironmentsPerFunction): number {
  return secrets * environments * Math.ceil((31 * 24 * 3600) / maxAgeSeconds);
}

/**
 * Share of requests X-Ray records under Lambda's default sampling rule (the first request each
 * second, then 5% of the rest), for `perMonth` requests spread evenly over office hours.
 */
export function tracedShare(perMonth: number, busySeconds = ASSUMED.busySecondsPerMonth): number {
  const rate = perMonth / busySeconds;
  return rate === 0 ? 0 : (Math.min(rate, 1) + 0.05 * Math.max(0, rate - 1)) / rate;
}

/** Runs a month of an EventBridge Scheduler expression (rate(N unit) or a daily cron). */
export function runsPerMonth(schedule: string): number {
  const rate = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(schedule);
  if (!rate) return 31; // the jobs' crons run once a day
  return (31 * 24 * 60) / (Number(rate[1]) * { minute: 1, hour: 60, day: 1440 }[rate[2] as 'minute' | 'hour' | 'day']);
}

function template(): { site: Template; edge: Template } {
  const app = new App({ context: { stage: 'prod', 'aws:cdk:bundling-stacks': [] } });
  const { site, edge } = buildApp(app);
  const assembly = app.synth();
  return {
    site: Template.fromJSON(assembly.getStackByName(site.stackName).template),
    edge: Template.fromJSON(assembly.getStackByName(edge.stackName).template),
  };
}

const usd = (n: number) => `$${n < 0.01 ? n.toFixed(4) : n.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

const sum = (lines: Record<string, number>) => Object.values(lines).reduce((a, b) => a + b, 0);
const breakdown = (lines: Record<string, number>) => Object.entries(lines).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${usd(v)}`).join(', ');

type Fn = { MemorySize: number; Architectures: string[]; Environment?: { Variables?: Record<string, string> } };

/** The model's lines, as printed and as written into docs/COST.md. */
function report(smsUsd: number): string[] {
  const out: string[] = [];
  const { site, edge } = template();
  const functions = (Object.values(site.findResources('AWS::Lambda::Function')) as { Properties: Fn }[]).map((f) => f.Properties);
  const fn = (name: string) => functions.find((f) => f.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === name);
  const submit = fn('submit-feedback')!;
  const stats = fn('publish-stats');
  const table = (Object.values(site.findResources('AWS::DynamoDB::Table'))[0] as { Properties: any }).Properties;
  const indexes = (table.GlobalSecondaryIndexes as { IndexName: string; Projection: { ProjectionType: string } }[]) ?? [];
  const acl = (Object.values(edge.findResources('AWS::WAFv2::WebACL'))[0] as { Properties: any }).Properties;
  const count = (type: string) => Object.keys(site.findResources(type)).length;
  /** (function, secret) pairs: each function reads the secrets whose ARN it is given. */
  const secretReaders = functions.flatMap((f) => Object.keys(f.Environment?.Variables ?? {}).filter((name) => name.endsWith('_SECRET_ARN'))).length;
  const secretReads = secretReadsPerMonth(secretReaders);

  out.push(`From the template: submit-feedback ${submit.MemorySize} MB ${submit.Architectures}; table indexes ${indexes.map((i) => `${i.IndexName} (${i.Projection.ProjectionType})`).join(', ')}`);
  out.push(`WAF rules ${acl.Rules.length}; alarms ${count('AWS::CloudWatch::Alarm')}; KMS keys ${count('AWS::KMS::Key')}; secrets ${count('AWS::SecretsManager::Secret')}; functions ${functions.length}; SMS ${usd(smsUsd)} per part (--sms-usd)`);

  const samples = submissionWrites();
  out.push('', 'Writes per submission (items built by the API\'s own code; 1 WRU per started KB per copy):');
  for (const s of samples) {
    const extra = [s.rateLimitWru ? `+ ${s.rateLimitWru} rate-limit window` : '', s.outboxWru ? `+ ${s.outboxWru} outbox (${s.smsParts} SMS over its life)` : ''].filter(Boolean).join(' ');
    out.push(`  ${s.name}: ${s.bytes} B in ${s.copies.join(' + ')} = ${s.recordWru} WRU ${extra}`.trimEnd());
  }

  const n = 1e6;
  const gbSeconds = (submit.MemorySize / 1024) * (ASSUMED.submitMs / 1000);
  const traced = tracedShare(n);
  const perMillion = (s: (typeof samples)[number]) => ({
    'DynamoDB record': n * s.recordWru * PRICES.dynamoWriteUnit,
    'rate-limit write': n * s.rateLimitWru * PRICES.dynamoWriteUnit,
    'outbox writes': n * s.outboxWru * PRICES.dynamoWriteUnit,
    'Lambda requests': n * PRICES.lambdaRequest,
    'Lambda duration': n * gbSeconds * PRICES.lambdaArmGbSecond,
    'HTTP API': n * PRICES.httpApiRequest,
    'CloudFront (API request)': n * PRICES.cloudFrontHttpsRequest,
    'WAF requests': n * PRICES.wafRequest,
    'CloudWatch Logs': ((n * ASSUMED.logBytesPerRequest) / 1e9) * PRICES.logsIngestGb,
    'X-Ray': n * traced * PRICES.xrayTrace,
    SMS: n * s.smsParts * smsUsd,
    'SES e-mail': n * s.emails * PRICES.sesEmail,
  });
  out.push('', `1,000,000 submissions a month (Lambda ${ASSUMED.submitMs} ms assumed at ${submit.MemorySize} MB; X-Ray records ${(traced * 100).toFixed(0)}% of them over office hours):`);
  for (const kind of ['rating', 'pakn'] as const) {
    out.push(kind === 'rating' ? ' Ratings:' : ' Petitions (each answered once: SMS at receipt and at the answer):');
    for (const s of samples.filter((x) => x.kind === kind)) {
      const lines = perMillion(s);
      const withoutSms = s.smsParts ? `; without SMS ${usd(sum(lines) - lines.SMS)}` : '';
      out.push(`  ${s.name}: ${usd(sum(lines))}${withoutSms}  (${breakdown(lines)})`);
    }
  }
  const qrPage = n * (ASSUMED.qrPageRequests * (PRICES.cloudFrontHttpsRequest + PRICES.wafRequest) + (ASSUMED.qrPageBytes / 1e9) * PRICES.cloudFrontGbOut);
  out.push(`  + if every submission came by QR and loaded the /q page once: ${usd(qrPage)}`);

  if (stats) {
    const statsGb = stats.MemorySize / 1024;
    out.push('', `A month of statistics publication (publish-stats ${stats.MemorySize} MB, 31 daily runs + 1 closing run):`);
    for (const records of [10_000, 100_000, 1_000_000]) {
      const readUnits = Math.ceil((records * samples[1]!.bytes) / 4096) * 0.5; // eventually consistent Query pages
      const runs = 32;
      const seconds = (records / 1e5) * ASSUMED.statsSecondsPer100k;
      const cost = {
        'DynamoDB reads': runs * readUnits * PRICES.dynamoReadUnit,
        Lambda: runs * (seconds * statsGb * PRICES.lambdaArmGbSecond + PRICES.lambdaRequest),
        'S3 PUT': runs * ASSUMED.statsPutsPerRun * PRICES.s3Put,
        Scheduler: runs * PRICES.schedulerInvocation,
      };
      out.push(`  ${records.toLocaleString('en')} records in the month: ${usd(sum(cost))}  (${breakdown(cost)})`);
    }
  }

  // The other scheduled jobs run whether or not anything happened: a fixed cost.
  const jobRuns = JOBS.filter((j) => j.handler !== 'publish-stats').map((j) => ({ runs: runsPerMonth(j.schedule), gb: (fn(j.handler)?.MemorySize ?? 1024) / 1024 }));
  const runs = jobRuns.reduce((a, j) => a + j.runs, 0);
  const fixed = {
    'WAF web ACL + rules': PRICES.wafWebAcl + acl.Rules.length * PRICES.wafRule,
    'CloudWatch alarms': count('AWS::CloudWatch::Alarm') * PRICES.alarm,
    'CloudWatch dashboard': count('AWS::CloudWatch::Dashboard') * PRICES.dashboard,
    'KMS keys': count('AWS::KMS::Key') * PRICES.kmsKey,
    'Secrets Manager': count('AWS::SecretsManager::Secret') * PRICES.secret,
    [`secret reads (${secretReaders} function × secret pairs, ${secretReads.toLocaleString('en')} GetSecretValue at most)`]: secretReads * PRICES.secretsApiCall,
    [`scheduled runs (${Math.round(runs).toLocaleString('en')}: Lambda, Scheduler, X-Ray)`]: jobRuns.reduce(
      (a, j) => a + j.runs * (PRICES.lambdaRequest + (ASSUMED.idleJobMs / 1000) * j.gb * PRICES.lambdaArmGbSecond + PRICES.schedulerInvocation + PRICES.xrayTrace),
      0,
    ),
  };
  out.push('', `Fixed per month: ${usd(sum(fixed))}  (${breakdown(fixed)})`);
  return out;
}

function main(): void {
  const { values } = parseArgs({ options: { 'sms-usd': { type: 'string', default: String(ASSUMED.smsUsd) }, write: { type: 'boolean', default: false } } });
  const smsUsd = Number(values['sms-usd']);
  if (!(smsUsd >= 0)) throw new Error('--sms-usd must be a price in USD per SMS part, e.g. 0.05');
  const lines = report(smsUsd);
  console.log(lines.join('\n'));
  if (values.write) {
    const doc = readFileSync('docs/COST.md', 'utf8');
    const block = /```\n\$ npm run cost[^\n]*\n[\s\S]*?```/;
    if (!block.test(doc)) throw new Error('docs/COST.md has no ```$ npm run cost block to replace');
    writeFileSync('docs/COST.md', doc.replace(block, () => `\`\`\`\n$ npm run cost${smsUsd === ASSUMED.smsUsd ? '' : ` -- --sms-usd ${smsUsd}`}\n${lines.join('\n')}\n\`\`\``));
    console.log('\ndocs/COST.md updated');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
