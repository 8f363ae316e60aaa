/**
 * Loads a function bundle from the cloud assembly the way Lambda does: the asset folder copied to
 * an isolated temp dir (no node_modules above it), an ESM import of the module the handler string
 * names, and the template's environment variables with stand-ins for the values CloudFormation
 * resolves at deploy time. A variable without a stand-in fails the test: a new one needs one here.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';

export type Bundle = { handler: (event: unknown, context: unknown) => Promise<any>; env: Record<string, string> };

/** Resolves one template value: plain strings as they are, intrinsics through `standIns` by variable name. */
function resolveEnv(variables: Record<string, unknown>, standIns: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(variables)) {
    if (name in standIns) env[name] = standIns[name]!;
    else if (typeof value === 'string' && !value.includes('{{resolve:')) env[name] = value;
    else throw new Error(`${name} is resolved by CloudFormation (${JSON.stringify(value).slice(0, 80)}): give it a local stand-in`);
  }
  return env;
}

export async function loadBundle(assembly: CloudAssembly, props: Record<string, any>, standIns: Record<string, string>): Promise<Bundle> {
  const assetDir = join(assembly.directory, `asset.${String(props.Code.S3Key).replace(/\.zip$/, '')}`);
  const isolated = mkdtempSync(join(tmpdir(), 'gopy-lambda-'));
  cpSync(assetDir, isolated, { recursive: true });
  const [file, exported] = String(props.Handler).split('.') as [string, string];
  const module = (await import(pathToFileURL(join(isolated, `${file}.mjs`)).href)) as Record<string, Bundle['handler']>;
  if (typeof module[exported] !== 'function') throw new Error(`${props.Handler}: no exported function`);
  return { handler: module[exported], env: resolveEnv(props.Environment?.Variables ?? {}, standIns) };
}

/** Runs the handler with its environment in process.env (each bundle has its own module state). */
export async function invoke(bundle: Bundle, event: unknown, base: Record<string, string>): Promise<any> {
  const saved = { ...process.env };
  Object.assign(process.env, base, bundle.env);
  try {
    return await bundle.handler(event, { functionName: 'bundle-test', getRemainingTimeInMillis: () => 10_000, awsRequestId: crypto.randomUUID() });
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

/** An HTTP API payload 2.0 event as API Gateway sends it; claims in the JWT authorizer's string form. */
export function httpEvent(method: string, routePath: string, options: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown; headers?: Record<string, string>; claims?: Record<string, string> } = {}) {
  const rawPath = routePath.replace(/\{(\w+)\}/g, (_, name: string) => options.params?.[name] ?? '');
  const now = Date.now();
  return {
    version: '2.0',
    routeKey: `${method} ${routePath}`,
    rawPath,
    rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
    headers: { 'content-type': 'application/json', 'user-agent': 'bundle-test', ...options.headers },
    queryStringParameters: options.query,
    pathParameters: options.params,
    requestContext: {
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'bundle-test' },
      requestId: crypto.randomUUID(),
      routeKey: `${method} ${routePath}`,
      stage: '$default',
      time: new Date(now).toISOString(),
      timeEpoch: now,
      ...(options.claims ? { authorizer: { jwt: { claims: options.claims, scopes: [] } } } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    isBase64Encoded: false,
  };
}
