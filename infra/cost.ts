/**
 * `npm run cost`: the cost model of docs/COST.md, computed from the synthesized prod template
 * (function memory and architecture, indexes and their projection, WAF rules, alarms, keys) and
 * from real feedback items built by the same code the API runs (their DynamoDB size decides the
 * write units). Prices are ap-southeast-1 list prices, stated in PRICES; the Lambda duration is an
 * assumption (ASSUMED), not a measurement: no AWS account is reachable from here.
 */
import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { toItem } from '#functions/lib/feedback-store';
import { indexCatalog, type Catalog } from '#shared/catalog';
import { buildFeedbackRecord } from '#shared/feedback';
import type { FeedbackInput } from '#shared/schemas';
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
  dashboard: 3,
  schedulerInvocation: 1 / 1e6,
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
};

/** DynamoDB item size: attribute names plus values (AWS's documented rules, numbers approximated). */
export function itemBytes(item: Record<string, any>): number {
  const value = (v: any): number => {
    if ('S' in v) return Buffer.byteLength(v.S, 'utf8');
    if ('N' in v) return Math.ceil(String(v.N).replace(/^-/, '').length / 2) + 1;
    if ('BOOL' in v || 'NULL' in v) return 1;
    if ('L' in v) return 3 + v.L.reduce((sum: number, e: any) => sum + 1 + value(e), 0);
    if ('M' in v) return 3 + Object.entries(v.M).reduce((sum, [k, e]) => sum + 1 + Buffer.byteLength(k, 'utf8') + value(e), 0);
    if ('SS' in v) return v.SS.reduce((sum: number, s: string) => sum + Buffer.byteLength(s, 'utf8'), 0);
    return 0;
  };
  return Object.entries(item).reduce((sum, [name, v]) => sum + Buffer.byteLength(name, 'utf8') + value(v), 0);
}

const SAMPLES: Record<string, FeedbackInput> = {
  'kiosk rating, no comment': { counterId: 'tthc-quay-01', kind: 'rating', channel: 'kiosk', rating: 4, reasons: ['waiting_time'], deviceId: 'kiosk-01' },
  'QR rating, 300-character comment': {
    counterId: 'tthc-quay-01',
    kind: 'rating',
    channel: 'qr',
    rating: 2,
    comment: 'Thời gian chờ quá lâu, cán bộ hướng dẫn chưa rõ ràng về giấy tờ cần bổ sung. '.repeat(4).slice(0, 300),
  },
  'petition (PAKN), 2,000 characters, contact': {
    counterId: 'tthc-quay-01',
    kind: 'pakn',
    channel: 'web',
    comment: 'Đề nghị xem xét lại quy định về thành phần hồ sơ đăng ký đất đai vì chưa phù hợp thực tế. '.repeat(25).slice(0, 2000),
    contact: { name: 'Nguyễn Văn An', phone: '0912345678', address: '12 Lê Lợi, phường Bến Thành, TP. Hồ Chí Minh' },
    consent: true,
  },
};

const catalog = () => indexCatalog(JSON.parse(readFileSync('local/demo/catalog.json', 'utf8')) as Catalog);

export function sampleItems(): { name: string; bytes: number; writeUnitsPerCopy: number }[] {
  const index = catalog();
  return Object.entries(SAMPLES).map(([name, input]) => {
    const record = buildFeedbackRecord(input, index, { trackingCode: 'GY-ABCDE-FGHIJ', receivedAt: '2026-10-15T09:30:00+07:00', requestHash: 'x'.repeat(43), source: 'api' });
    const bytes = itemBytes(toItem(record));
    return { name, bytes, writeUnitsPerCopy: Math.ceil(bytes / 1024) };
  });
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

const usd = (n: number) => `$${n < 0.01 ? n.toFixed(4) : n.toFixed(2)}`;

function main(): void {
  const { site, edge } = template();
  const functions = Object.values(site.findResources('AWS::Lambda::Function')) as { Properties: any }[];
  const submit = functions.find((f) => f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'submit-feedback')!.Properties;
  const stats = functions.find((f) => f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'publish-stats')?.Properties;
  const table = (Object.values(site.findResources('AWS::DynamoDB::Table'))[0] as { Properties: any }).Properties;
  const indexes = (table.GlobalSecondaryIndexes as { IndexName: string; Projection: { ProjectionType: string } }[]) ?? [];
  const acl = (Object.values(edge.findResources('AWS::WAFv2::WebACL'))[0] as { Properties: any }).Properties;
  const count = (type: string) => Object.keys(site.findResources(type)).length;

  console.log(`From the template: submit-feedback ${submit.MemorySize} MB ${submit.Architectures}; table indexes ${indexes.map((i) => `${i.IndexName} (${i.Projection.ProjectionType})`).join(', ')}`);
  console.log(`WAF rules ${acl.Rules.length}; alarms ${count('AWS::CloudWatch::Alarm')}; KMS keys ${count('AWS::KMS::Key')}; secrets ${count('AWS::SecretsManager::Secret')}\n`);

  const copies = 1 + indexes.length; // a new record carries every index key: each index stores a full copy (projection ALL)
  console.log('Item sizes (built by buildFeedbackRecord + toItem):');
  const samples = sampleItems();
  for (const s of samples) console.log(`  ${s.name}: ${s.bytes} B → ${s.writeUnitsPerCopy} WRU × ${copies} copies = ${s.writeUnitsPerCopy * copies} WRU`);

  const n = 1e6;
  const gbSeconds = (submit.MemorySize / 1024) * (ASSUMED.submitMs / 1000);
  const perMillion = (wru: number) => ({
    'DynamoDB writes': n * wru * PRICES.dynamoWriteUnit,
    'Lambda requests': n * PRICES.lambdaRequest,
    'Lambda duration': n * gbSeconds * PRICES.lambdaArmGbSecond,
    'HTTP API': n * PRICES.httpApiRequest,
    'CloudFront (API request)': n * PRICES.cloudFrontHttpsRequest,
    'WAF requests': n * PRICES.wafRequest,
    'CloudWatch Logs': ((n * ASSUMED.logBytesPerRequest) / 1e9) * PRICES.logsIngestGb,
  });
  console.log(`\n1,000,000 submissions (Lambda ${ASSUMED.submitMs} ms assumed at ${submit.MemorySize} MB):`);
  for (const s of samples) {
    const lines = perMillion(s.writeUnitsPerCopy * copies);
    const total = Object.values(lines).reduce((a, b) => a + b, 0);
    console.log(`  ${s.name}: ${usd(total)}  (${Object.entries(lines).map(([k, v]) => `${k} ${usd(v)}`).join(', ')})`);
  }
  const qrPage = n * (ASSUMED.qrPageRequests * (PRICES.cloudFrontHttpsRequest + PRICES.wafRequest) + (ASSUMED.qrPageBytes / 1e9) * PRICES.cloudFrontGbOut);
  console.log(`  + if every submission came by QR and loaded the /q page once: ${usd(qrPage)}`);

  if (stats) {
    const statsGb = stats.MemorySize / 1024;
    console.log(`\nA month of statistics publication (publish-stats ${stats.MemorySize} MB, 31 daily runs + 1 closing run):`);
    for (const records of [10_000, 100_000, 1_000_000]) {
      const avgBytes = samples[1]!.bytes;
      const readUnits = Math.ceil((records * avgBytes) / 4096) * 0.5; // eventually consistent Query pages
      const runs = 32;
      const seconds = (records / 1e5) * ASSUMED.statsSecondsPer100k;
      const cost = {
        'DynamoDB reads': runs * readUnits * PRICES.dynamoReadUnit,
        Lambda: runs * (seconds * statsGb * PRICES.lambdaArmGbSecond + PRICES.lambdaRequest),
        'S3 PUT': runs * ASSUMED.statsPutsPerRun * PRICES.s3Put,
        Scheduler: runs * PRICES.schedulerInvocation,
      };
      const total = Object.values(cost).reduce((a, b) => a + b, 0);
      console.log(`  ${records.toLocaleString('en')} records in the month: ${usd(total)}  (${Object.entries(cost).map(([k, v]) => `${k} ${usd(v)}`).join(', ')})`);
    }
  }

  const fixed = {
    'WAF web ACL + rules': PRICES.wafWebAcl + acl.Rules.length * PRICES.wafRule,
    'CloudWatch alarms': count('AWS::CloudWatch::Alarm') * PRICES.alarm,
    'CloudWatch dashboard': count('AWS::CloudWatch::Dashboard') * PRICES.dashboard,
    'KMS keys': count('AWS::KMS::Key') * PRICES.kmsKey,
    'Secrets Manager': count('AWS::SecretsManager::Secret') * PRICES.secret,
  };
  console.log(`\nFixed per month: ${usd(Object.values(fixed).reduce((a, b) => a + b, 0))}  (${Object.entries(fixed).map(([k, v]) => `${k} ${usd(v)}`).join(', ')})`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
