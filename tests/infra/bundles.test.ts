/**
 * The artifacts we ship, under test: every function bundle of a real `cdk synth` (esbuild, as
 * deployed), loaded like Lambda loads it (tests/infra/bundle-runtime.ts) and driven through a
 * scenario against dynalite, an S3/SQS emulator (fauxqs, with S3's 403-for-missing-keys rule
 * unless the template grants s3:ListBucket) and a Secrets Manager stand-in (tests/support): the
 * functions get secrets' ARNs, as deployed, and read the values at run time. A bundle without a
 * scenario fails the first test.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCatalog } from '#functions/lib/importer';
import { loadDemoCatalog } from '#local/seed';
import { startLocalStore, type LocalStore } from '#local/stack';
import { httpEvent, invoke, loadBundle, type Bundle } from './bundle-runtime.ts';
import { actionsOf, functionsByHandler, statementsOf, synthesize, type Synthesized } from './synth.ts';
import { pdfText } from '../support/pdf-text.ts';
import { startTestS3, type TestS3 } from '../support/s3.ts';
import { startTestSecretsManager, type TestSecretsManager } from '../support/secrets-manager.ts';
import { codeFromBytes } from '#shared/tracking-code';

const ORIGIN = 'bundle-test-origin-secret';
const TRACKING_KEY = 'bundle-test-tracking-key';
const secretArn = (name: string) => `arn:aws:secretsmanager:ap-southeast-1:111111111111:secret:${name}-AbCdEf`;
const ARNS = { ORIGIN_VERIFY_SECRET_ARN: secretArn('ApiOriginVerifySecret'), TRACKING_CODE_SECRET_ARN: secretArn('DataTrackingCodeSecret') };
const BUCKET = 'gopy-site';
const official = (groups: string) => ({ sub: 'f3a9-lan', username: '7f3c9a2e-generated', name: 'Nguyễn Thị Lan', token_use: 'access', client_id: 'inbox', 'cognito:groups': groups });
const LAN = official('[dept-so-tu-phap]');
const LEAD = official('[lead-so-tu-phap]');

let prod: Synthesized;
let store: LocalStore;
let s3: TestS3;
let secrets: TestSecretsManager;
let base: Record<string, string>;
let standIns: Record<string, string>;
const bundles = new Map<string, Bundle>();

beforeAll(async () => {
  prod = synthesize({ stage: 'prod', bundle: true });
  store = await startLocalStore({ persist: false, seed: false });
  await importCatalog(await loadDemoCatalog());
  const publisher = functionsByHandler(prod.siteTemplate).get('publish-stats')!;
  // S3 answers 404 for a missing key only to a caller allowed to list the bucket (unconditionally).
  const canList = statementsOf(prod.siteTemplate, publisher).some((s) => s.Effect === 'Allow' && actionsOf(s).includes('s3:ListBucket') && !s.Condition);
  s3 = await startTestS3({ canList, buckets: [BUCKET] });
  const { queueUrl } = s3.fauxqs.createQueue('dead-letters');
  secrets = await startTestSecretsManager({ [ARNS.ORIGIN_VERIFY_SECRET_ARN]: ORIGIN, [ARNS.TRACKING_CODE_SECRET_ARN]: TRACKING_KEY });
  base = {
    DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT!,
    AWS_ENDPOINT_URL_S3: s3.s3Endpoint,
    AWS_ENDPOINT_URL_SQS: s3.sqsEndpoint,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint,
    AWS_REGION: 'ap-southeast-1',
  };
  standIns = {
    TABLE_NAME: process.env.TABLE_NAME!,
    STATS_BUCKET: BUCKET,
    DEAD_LETTER_QUEUE_URL: queueUrl,
    PUBLIC_BASE_URL: 'https://gopy.example.gov.vn',
    ...ARNS, // the template's Refs to the two secrets; the values stay in the stand-in
  };
  for (const [handler, fn] of functionsByHandler(prod.siteTemplate)) bundles.set(handler, await loadBundle(prod.assembly, fn.props, standIns));
}, 600_000); // esbuild of every function: ~70 s on an idle 2-core machine, minutes under load
afterAll(async () => {
  await s3?.close();
  await secrets?.close();
  await store?.close();
});

const run = (handler: string, event: unknown = {}) => invoke(bundles.get(handler)!, event, base);
const api = (handler: string, method: string, path: string, options: Parameters<typeof httpEvent>[2] = {}) =>
  run(handler, httpEvent(method, path, { ...options, headers: { 'x-origin-verify': ORIGIN, ...options.headers } })).then((r) => ({ ...r, json: parse(r.body) }));
const parse = (body: string | undefined) => {
  try {
    return body ? JSON.parse(body) : undefined;
  } catch {
    return undefined; // CSV, base64 XLSX
  }
};
/** What the job published, read straight from the store (not through the proxy's rules). */
const published = async (name: string) => {
  const response = await fetch(`${s3.sqsEndpoint}/${BUCKET}/stats/${name}`);
  return response.ok ? JSON.parse(await response.text()) : undefined;
};
const monthsOf = (index: { months?: { month: string }[] }) => (index.months ?? []).map((entry) => entry.month);
const petition = { counterId: 'stp-quay-02', kind: 'pakn', channel: 'kiosk', comment: 'Đề nghị niêm yết lệ phí.', contact: { name: 'Phạm Thị Dung', phone: '0912345678', email: 'dung@example.vn' }, consent: true };
let code = '';

/** One scenario per deployed function, in order (later ones use what earlier ones made). */
const SCENARIOS: Record<string, () => Promise<void>> = {
  health: async () => {
    expect((await api('health', 'GET', '/api/health')).statusCode).toBe(200);
    // The origin secret is read by its ARN: a call around CloudFront (another header) is refused.
    expect((await api('health', 'GET', '/api/health', { headers: { 'x-origin-verify': 'guessed' } })).json.error.code).toBe('direct_access');
  },
  'list-counters': async () => expect((await api('list-counters', 'GET', '/api/counters')).json.length).toBeGreaterThan(0),
  'get-counter': async () => expect((await api('get-counter', 'GET', '/api/counters/{id}', { params: { id: 'stp-quay-02' } })).json.department.id).toBe('so-tu-phap'),
  'search-procedures': async () => expect((await api('search-procedures', 'GET', '/api/procedures', { query: { q: 'ho tich' } })).statusCode).toBe(200),
  'submit-feedback': async () => {
    const headers = { 'idempotency-key': 'bundle-test-0001' };
    const first = await api('submit-feedback', 'POST', '/api/feedback', { body: petition, headers });
    expect(first.statusCode).toBe(201);
    code = first.json.trackingCode;
    const replay = await api('submit-feedback', 'POST', '/api/feedback', { body: petition, headers });
    expect(replay.json.trackingCode).toBe(code);
    expect((await api('submit-feedback', 'POST', '/api/feedback', { body: { ...petition, channel: 'qr' } })).statusCode).toBe(201); // a phone, no key
  },
  'reserve-codes': async () => {
    const reserved = await api('reserve-codes', 'POST', '/api/kiosk/reserve-codes', { body: { deviceId: 'kiosk-bundle-1', keys: ['bundle-test-0001'] } });
    expect(reserved.json.codes).toEqual([{ key: 'bundle-test-0001', trackingCode: code }]); // the code the submission got
    // …keyed with the secret read by its ARN, not the built-in local key.
    expect(code).toBe(codeFromBytes(createHmac('sha256', TRACKING_KEY).update('idem:bundle-test-0001').digest()));
  },
  'get-feedback': async () => expect((await api('get-feedback', 'GET', '/api/feedback/{trackingCode}', { params: { trackingCode: code } })).json.trackingCode).toBe(code),
  'provide-info': async () => {
    const answer = await api('provide-info', 'POST', '/api/feedback/{trackingCode}/info', { params: { trackingCode: code }, body: { text: 'Bổ sung' }, headers: { 'idempotency-key': 'info-1' } });
    expect(answer.json.error.code).toBe('not_waiting');
  },
  // Nothing is published yet: both citizen routes on the answer read the record and refuse.
  'rate-answer': async () => {
    const rated = await api('rate-answer', 'POST', '/api/feedback/{trackingCode}/answer-rating', { params: { trackingCode: code }, body: { rating: 'satisfied' }, headers: { 'idempotency-key': 'rate-1' } });
    expect(rated.json.error.code).toBe('not_answered');
  },
  'follow-up': async () => {
    const followed = await api('follow-up', 'POST', '/api/feedback/{trackingCode}/follow-up', { params: { trackingCode: code }, body: { text: 'Chưa thỏa đáng' }, headers: { 'idempotency-key': 'follow-1' } });
    expect(followed.json.error.code).toBe('not_answered');
  },
  'inbox-me': async () => expect((await api('inbox-me', 'GET', '/api/inbox/me', { claims: LAN })).json.official).toMatchObject({ username: 'Nguyễn Thị Lan', departments: ['so-tu-phap'] }),
  // inbox-me wrote Lan into the officials directory: the list to assign from holds her (by name).
  'inbox-officials': async () => {
    const listed = await api('inbox-officials', 'GET', '/api/inbox/officials', { claims: LAN });
    expect(listed.statusCode).toBe(200);
    expect(listed.json.officials).toContainEqual({ id: 'f3a9-lan', name: 'Nguyễn Thị Lan' });
  },
  // A template Lan saves is listed first for her department, before the built-in ones.
  'inbox-templates-save': async () => {
    const saved = await api('inbox-templates-save', 'POST', '/api/inbox/templates', { claims: LAN, body: { title: 'Mẫu của Sở', text: 'Cảm ơn Ông/Bà (mã {code}).' } });
    expect(saved.statusCode).toBe(201);
    expect(saved.json).toMatchObject({ scope: 'department', updatedBy: 'Nguyễn Thị Lan' });
  },
  'inbox-templates-get': async () => {
    const listed = await api('inbox-templates-get', 'GET', '/api/inbox/templates', { claims: LAN });
    expect(listed.json.templates[0]).toMatchObject({ scope: 'department', title: 'Mẫu của Sở' });
    expect(listed.json.templates.map((t: any) => t.scope)).toContain('builtin');
  },
  'inbox-list': async () => expect((await api('inbox-list', 'GET', '/api/inbox', { claims: LAN })).json.items.map((i: any) => i.trackingCode)).toContain(code),
  'inbox-get': async () => expect((await api('inbox-get', 'GET', '/api/inbox/{trackingCode}', { params: { trackingCode: code }, claims: LAN })).json.contact.name).toBe('Phạm Thị Dung'),
  'inbox-action': async () => {
    const acted = await api('inbox-action', 'POST', '/api/inbox/{trackingCode}/actions', { params: { trackingCode: code }, claims: LAN, body: { type: 'acknowledge' } });
    expect(acted.statusCode).toBe(200);
    expect(JSON.stringify(acted.json)).toContain('Nguyễn Thị Lan'); // the audit trail names the person
    const idToken = { ...LAN, token_use: 'id' };
    expect((await api('inbox-action', 'POST', '/api/inbox/{trackingCode}/actions', { params: { trackingCode: code }, claims: idToken, body: { type: 'note', text: 'x' } })).statusCode).toBe(401);
  },
  'inbox-intake': async () => {
    const call = { counterId: 'stp-quay-02', kind: 'pakn', channel: 'phone', comment: 'Gọi điện phản ánh chờ lâu.', contact: { name: 'Trần Văn Hùng', phone: '0912 777 888' }, consent: true };
    const entered = await api('inbox-intake', 'POST', '/api/inbox/intake', { claims: LAN, body: call, headers: { 'idempotency-key': 'intake-bundle-1' } });
    expect(entered.statusCode).toBe(201);
    expect(entered.json.department.id).toBe('so-tu-phap');
  },
  // Duty, then the lead's performance view of the month (read from its statistics partition).
  'inbox-duty': async () => {
    const started = await api('inbox-duty', 'POST', '/api/inbox/duty', { claims: LAN, body: { counterId: 'stp-quay-02' } });
    expect(started.json).toMatchObject({ counterId: 'stp-quay-02', official: { name: 'Nguyễn Thị Lan' } });
  },
  'inbox-duty-get': async () => expect((await api('inbox-duty-get', 'GET', '/api/inbox/duty', { claims: LAN })).json.counterId).toBe('stp-quay-02'),
  'inbox-performance': async () => {
    const view = await api('inbox-performance', 'GET', '/api/inbox/performance', { claims: LEAD });
    expect(view.statusCode).toBe(200);
    expect(view.json.departmentId).toBe('so-tu-phap');
  },
  'inbox-performance-xlsx': async () => {
    const xlsx = await api('inbox-performance-xlsx', 'GET', '/api/inbox/performance.xlsx', { claims: LEAD });
    expect(xlsx.statusCode).toBe(200);
    expect(Buffer.from(xlsx.body, xlsx.isBase64Encoded ? 'base64' : 'utf8').subarray(0, 2).toString()).toBe('PK');
  },
  'inbox-bulk': async () => expect((await api('inbox-bulk', 'POST', '/api/inbox/bulk-actions', { claims: LAN, body: { type: 'close', trackingCodes: ['GY-AAAAA-AAAAA'] } })).statusCode).toBeLessThan(500),
  'inbox-alerts': async () => expect((await api('inbox-alerts', 'GET', '/api/inbox/alerts', { claims: LAN })).statusCode).toBe(200),
  'inbox-export-csv': async () => expect((await api('inbox-export-csv', 'GET', '/api/inbox/export.csv', { claims: LAN })).body).toContain(code),
  'inbox-export-xlsx': async () => {
    const xlsx = await api('inbox-export-xlsx', 'GET', '/api/inbox/export.xlsx', { claims: LAN });
    expect(xlsx.statusCode).toBe(200);
    expect(Buffer.from(xlsx.body, xlsx.isBase64Encoded ? 'base64' : 'utf8').subarray(0, 2).toString()).toBe('PK'); // a zip
  },
  'publish-stats': async () => {
    // Empty bucket first (index.json missing), then again over what it wrote.
    expect(await published('index.json')).toBeUndefined();
    await run('publish-stats', {});
    const first = await published('index.json');
    expect(monthsOf(first).length).toBeGreaterThan(0);
    const running = monthsOf(first)[0]!; // newest first
    expect((await published(`${running}.json`)).month).toBe(running);
    await run('publish-stats', {});
    expect(monthsOf(await published('index.json'))).toEqual(monthsOf(first));
    // Under a role that may not list the bucket, S3 answers 403 for the missing key: the job must fail, not publish half an index.
    s3.fauxqs.emptyBucket(BUCKET);
    s3.canList = false;
    await expect(run('publish-stats', {})).rejects.toThrow(/ListBucket/);
    s3.canList = true;
  },
  'deliver-notifications': async () => {
    // No smsSenderId / mailFrom in this deployment: both channels off, the petitions' messages skipped, none dead.
    const result = await run('deliver-notifications', {});
    expect(result).toMatchObject({ transport: 'aws', delivered: 0, dead: 0, retried: 0 });
    expect(result.off).toBeGreaterThanOrEqual(2);
    expect(s3.fauxqs.inspectQueue('dead-letters')!.messages.ready).toHaveLength(0);
  },
  'check-satisfaction': async () => void (await run('check-satisfaction', {})),
  'send-digests': async () => void (await run('send-digests', {})),
  'reconcile-inbox-counts': async () => void (await run('reconcile-inbox-counts', {})),
  'token-claims': async () => {
    const event = { version: '2', triggerSource: 'TokenGeneration_HostedAuth', request: { userAttributes: { sub: 'f3a9', email: 'lan@stp.gov.vn', name: 'Nguyễn Thị Lan' } }, response: {} };
    expect((await run('token-claims', event)).response.claimsAndScopeOverrideDetails.accessTokenGeneration.claimsToAddOrOverride).toEqual({ name: 'Nguyễn Thị Lan', email: 'lan@stp.gov.vn' });
  },
  // Last: it publishes the answer of `code`, which the scenarios above expect open.
  'inbox-letter': async () => {
    const params = { trackingCode: code };
    const path = '/api/inbox/{trackingCode}/letter.pdf';
    expect((await api('inbox-letter', 'GET', path, { params, claims: LAN })).json.error.code).toBe('no_published_answer');
    const MINH = { ...official('[dept-so-tu-phap]'), sub: 'b71c-minh', name: 'Phạm Văn Minh' };
    for (const [claims, body] of [[LAN, { type: 'answer', text: 'Sở đã niêm yết lệ phí tại quầy.', summary: 'Đề nghị niêm yết lệ phí.' }], [MINH, { type: 'approve' }]] as const) {
      expect((await api('inbox-action', 'POST', '/api/inbox/{trackingCode}/actions', { params, claims, body })).statusCode).toBe(200);
    }
    const letter = await api('inbox-letter', 'GET', path, { params, claims: LAN });
    expect(letter.statusCode).toBe(200);
    // The fonts travel inside the bundle: the name and the answer come out with their diacritics.
    const text = pdfText(Buffer.from(letter.body, letter.isBase64Encoded ? 'base64' : 'latin1')).replace(/\s+/g, '');
    expect(text).toContain('PhạmThịDung');
    expect(text).toContain('Sởđãniêmyếtlệphítạiquầy.');
  },
};

describe('shipped bundles', () => {
  it('has a scenario for every deployed function, and every bundle runs on the Lambda runtime', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual([...bundles.keys()].sort());
    for (const [handler, fn] of functionsByHandler(prod.siteTemplate)) expect(fn.props.Runtime, handler).toBe(`nodejs${process.versions.node.split('.')[0]}.x`);
  });

  for (const [handler, scenario] of Object.entries(SCENARIOS)) it(`${handler}: its scenario`, scenario, 60_000);

  it('reads each secret at run time, at most once per function while its cache is fresh', () => {
    for (const [variable, arn] of Object.entries(ARNS)) {
      const holders = [...bundles.values()].filter((bundle) => bundle.env[variable] === arn).length;
      expect(holders, variable).toBeGreaterThan(0);
      expect(secrets.calls.get(arn), variable).toBeGreaterThan(0);
      expect(secrets.calls.get(arn), variable).toBeLessThanOrEqual(holders); // each bundle has its own cache
    }
  });
});
