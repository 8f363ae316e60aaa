/**
 * Runs the hostile requests of ./fuzz-arbitraries.ts against a running local stack (this process's
 * store) and checks, for each: no 5xx; every 4xx has the error shape; a rejected request wrote no
 * record (item count, rate-limit counters aside); no answer without a valid token contains contact data.
 */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import fc from 'fast-check';
import { Agent, request } from 'node:http';
import { dynamo, tableName } from '#functions/lib/dynamo';
import { authorization, FUZZ_CONTACT, requestFor, validSubmission, type FuzzRequest, type Known } from './fuzz-arbitraries.ts';

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

function send(base: string, req: FuzzRequest, tokens: Record<string, string>): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  const url = new URL(base);
  const auth = authorization(req.auth, tokens);
  const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body);
  return new Promise((resolve, reject) => {
    const r = request(
      { host: url.hostname, port: url.port, method: req.method, path: req.path, agent, headers: { ...req.headers, ...(auth ? { authorization: auth } : {}), ...(body ? { 'content-length': body.length } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(body);
  });
}

/** Items other than rate-limit counters (those count attempts, rejected ones included, by design). */
async function countData(): Promise<number> {
  let count = 0;
  let startKey: Record<string, any> | undefined;
  do {
    const page = await dynamo().send(
      new ScanCommand({ TableName: tableName(), Select: 'COUNT', FilterExpression: 'NOT begins_with(pk, :rate)', ExpressionAttributeValues: { ':rate': { S: 'RATE#' } }, ExclusiveStartKey: startKey }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

/** Tracking codes and counter ids in the table, for paths that reach real records. */
async function knownIds(): Promise<Known> {
  const known: Known = { trackingCodes: [], counterIds: [] };
  const page = await dynamo().send(new ScanCommand({ TableName: tableName(), Limit: 400, ProjectionExpression: 'pk' }));
  for (const item of page.Items ?? []) {
    const [kind, id] = String(item.pk?.S).split('#');
    if (kind === 'FB' && id && known.trackingCodes.length < 40) known.trackingCodes.push(id);
    if (kind === 'COUNTER' && id) known.counterIds.push(id);
  }
  known.trackingCodes.push('GY-22222-22222');
  return known;
}

/** Every contact value stored in the table, plus the fuzzer's own, in the forms a leak could take. */
async function contactNeedles(): Promise<string[]> {
  const values = new Set<string>(Object.values(FUZZ_CONTACT));
  let startKey: Record<string, any> | undefined;
  do {
    const page = await dynamo().send(new ScanCommand({ TableName: tableName(), FilterExpression: 'attribute_exists(contact)', ProjectionExpression: 'contact', ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) for (const v of Object.values(unmarshall(item).contact ?? {})) if (typeof v === 'string') values.add(v);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  const needles = [...values].flatMap((v) => [v.normalize('NFC'), v.replace(/[ .-]/g, '')]).filter((v) => v.length >= 6);
  return [...new Set(needles)];
}

export type FuzzFailure = { problem: string; request: FuzzRequest; status: number; body: string };
export type FuzzResult = { cases: number; serverErrors: number; statuses: Record<string, number>; failure?: FuzzFailure; seed: number; counterexamplePath?: string };

const isErrorShape = (text: string) => {
  try {
    const json = JSON.parse(text);
    return typeof json?.error?.code === 'string' && typeof json?.error?.message === 'string';
  } catch {
    return false;
  }
};

export async function fuzzApi(options: { url: string; tokens: Record<string, string>; runs: number; seed?: number; shrink?: boolean }): Promise<FuzzResult> {
  const needles = await contactNeedles();
  let cases = 0;
  let serverErrors = 0;
  let failure: FuzzFailure | undefined;
  const statuses: Record<string, number> = {};
  const seed = options.seed ?? Date.now() ^ (Math.random() * 2 ** 31);
  const property = fc.asyncProperty(requestFor(options.tokens, await knownIds()), async (req) => {
    cases++;
    const writes = req.method === 'POST';
    const before = writes ? await countData() : 0;
    const res = await send(options.url, req, options.tokens);
    const code = res.status >= 400 ? /"code":"(\w+)"/.exec(res.text)?.[1] : undefined;
    const label = `${res.status}${code ? ` ${code}` : ''}`;
    statuses[label] = (statuses[label] ?? 0) + 1;
    const fail = (problem: string) => {
      failure = { problem, request: { ...req, body: typeof req.body === 'string' && req.body.length > 300 ? `${req.body.slice(0, 300)}… (${req.body.length} chars)` : req.body }, status: res.status, body: res.text.slice(0, 500) };
      return false;
    };
    if (res.status >= 500) {
      serverErrors++;
      return fail('server error');
    }
    if (res.status >= 400 && req.method !== 'HEAD' && !isErrorShape(res.text)) return fail('4xx without the error shape');
    if (res.status >= 400 && writes && (await countData()) !== before) return fail('a rejected request wrote to the table');
    if (!(req.auth in options.tokens)) {
      let decoded = res.text;
      try {
        decoded = JSON.stringify(JSON.parse(res.text));
      } catch {
        // not JSON: check the raw text
      }
      const text = decoded.normalize('NFC');
      const leaked = needles.find((n) => text.includes(n) || res.text.includes(n));
      if (leaked) return fail(`contact data in an answer without a valid token: "${leaked}"`);
    }
    return true;
  });
  const details = await fc.check(property, { numRuns: options.runs, seed, endOnFailure: !options.shrink, examples: [[validSubmission()]] });
  return { cases, serverErrors, statuses, failure, seed, counterexamplePath: details.counterexamplePath ?? undefined };
}
