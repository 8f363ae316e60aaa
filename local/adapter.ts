/**
 * The thin adapter: an HTTP request becomes an API Gateway HTTP API (payload 2.0) event for the
 * very handler module CDK deploys. It holds no product logic: routing comes from functions/routes.ts
 * and sign-in from a verifier that checks tokens the way API Gateway's JWT authorizer does.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { errorBody, HttpError, NotFoundError, UnauthorizedError } from '#shared/errors';
import { matchRoute, type Route } from '#functions/routes';
import type { Claims, HttpEvent } from '#functions/lib/http';

export type LocalRequest = {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  sourceIp: string;
};
export type LocalResponse = { statusCode: number; headers: Record<string, string>; body: string | Buffer };

/** Verifies a bearer token and returns its claims; throws UnauthorizedError otherwise. */
export type Authenticator = (authorization: string | undefined) => Promise<Claims>;
/** Runs before the handler (local stand-in for API Gateway throttling and WAF); may throw HttpError. */
export type Guard = (request: LocalRequest, route: Route) => Promise<void> | void;

type Handler = (event: HttpEvent, context: Context) => Promise<{ statusCode?: number; headers?: Record<string, string>; body?: string; isBase64Encoded?: boolean }>;

const modules = new Map<string, Promise<{ handler: Handler }>>();
const loadHandler = (name: string) => {
  if (!modules.has(name)) modules.set(name, import(`../functions/${name}.ts`));
  return modules.get(name)!;
};

const errorResponse = (error: unknown): LocalResponse => {
  const { statusCode, body, headers } = errorBody(error);
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
};

export function toEvent(request: LocalRequest, route: Route, params: Record<string, string>, claims?: Claims): HttpEvent {
  const url = new URL(request.url, 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const now = Date.now();
  const text = request.body.toString('utf8');
  const binary = !Buffer.from(text, 'utf8').equals(request.body);
  return {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: Object.keys(params).length ? params : undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: { method: route.method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: request.sourceIp, userAgent: headers['user-agent'] ?? '' },
      requestId: randomUUID(),
      routeKey: `${route.method} ${route.path}`,
      stage: '$default',
      time: new Date(now).toISOString(),
      timeEpoch: now,
      ...(claims ? { authorizer: { jwt: { claims, scopes: [] } } } : {}),
    },
    body: request.body.length ? (binary ? request.body.toString('base64') : text) : undefined,
    isBase64Encoded: binary,
  } as HttpEvent;
}

function lambdaContext(name: string): Context {
  const deadline = Date.now() + 30_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${name}`,
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export type AdapterOptions = { authenticate?: Authenticator; guards?: Guard[] };

/** Serves one /api request the way API Gateway would. */
export async function dispatch(request: LocalRequest, options: AdapterOptions = {}): Promise<LocalResponse> {
  try {
    const path = new URL(request.url, 'http://localhost').pathname;
    const match = matchRoute(request.method === 'HEAD' ? 'GET' : request.method, path);
    if (!match) throw new NotFoundError('No such API route', { code: 'route_not_found' });
    if ('allowed' in match) {
      const response = errorResponse(new HttpError(405, 'method_not_allowed', `Use ${match.allowed.join(' or ')}`));
      response.headers.allow = match.allowed.join(', ');
      return response;
    }
    for (const guard of options.guards ?? []) await guard(request, match.route);
    let claims: Claims | undefined;
    if (match.route.auth === 'official') {
      if (!options.authenticate) throw new UnauthorizedError();
      const header = request.headers.authorization;
      claims = await options.authenticate(Array.isArray(header) ? header[0] : header);
    }
    const { handler } = await loadHandler(match.route.handler);
    const result = await handler(toEvent(request, match.route, match.params, claims), lambdaContext(match.route.handler));
    const body = result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? '');
    return { statusCode: result.statusCode ?? 200, headers: result.headers ?? {}, body };
  } catch (error) {
    if (!(error instanceof HttpError)) console.error(error);
    return errorResponse(error);
  }
}
