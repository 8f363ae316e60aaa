/**
 * The one wrapper every API handler is built with (middy): bounded JSON body, text normalization,
 * zod parsing of body and query, and one error handler that maps `HttpError` to the error shape
 * and turns anything else into a 500 (or 503 for store outages) without internals.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { BadRequestError, errorBody, HttpError, PayloadTooLargeError, UnsupportedMediaTypeError } from '#shared/errors';
import { describeIssues } from '#shared/schemas';
import { normalizeJson } from '#shared/text';
import { asUnavailable } from './dynamo.ts';
import { log } from './log.ts';
import { assertViaSite, originSecret } from './origin-guard.ts';

export const MAX_BODY_BYTES = 64 * 1024;

export type Claims = Record<string, unknown>;
export type HttpEvent = APIGatewayProxyEventV2 & { requestContext: { authorizer?: { jwt?: { claims: Claims } } } };
/** `raw`: a body sent as is; with `base64`, `raw` is base64 of binary content (API Gateway decodes it). */
export type Reply = { statusCode?: number; body?: unknown; headers?: Record<string, string>; raw?: string; base64?: boolean };

export type HttpRequest<B, Q> = {
  body: B;
  query: Q;
  params: Record<string, string>;
  headers: Record<string, string | undefined>;
  claims: Claims | undefined;
  event: HttpEvent;
  /** The request's instant: the one reading of the wall clock per request; everything below takes it from here. */
  now: Date;
};

type Options<B, Q> = {
  body?: z.ZodMiniType<B>;
  query?: z.ZodMiniType<Q>;
  handler: (request: HttpRequest<B, Q>) => Promise<Reply>;
};

function readBody(event: HttpEvent): unknown {
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) throw new PayloadTooLargeError();
  const type = event.headers?.['content-type'] ?? '';
  if (type && !/^application\/([\w.+-]*\+)?json\b/i.test(type)) throw new UnsupportedMediaTypeError();
  if (text.trim() === '') throw new BadRequestError('The request body is empty; send a JSON object', { code: 'empty_body' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new BadRequestError('The request body is not valid JSON', { code: 'invalid_json', cause });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new BadRequestError('The request body must be a JSON object', { code: 'invalid_body' });
  }
  return normalizeJson(parsed);
}

function parse<T>(schema: z.ZodMiniType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const details = describeIssues(result.error);
    throw new BadRequestError(`Invalid ${where}: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`, {
      code: 'validation_failed',
      details,
    });
  }
  return result.data;
}

const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  // nosniff: a JSON answer echoing user text must never be sniffed into HTML.
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers },
  body: JSON.stringify(body),
});

export function http<B = undefined, Q = Record<string, string | undefined>>(options: Options<B, Q>) {
  return middy<HttpEvent, APIGatewayProxyStructuredResultV2>()
    .use({
      onError: async (request) => {
        const error = request.error instanceof HttpError ? request.error : asUnavailable(request.error);
        const { statusCode, body, headers } = errorBody(error);
        if (statusCode >= 500) log('error', 'request failed', { error: request.error, path: request.event?.rawPath });
        request.response = json(statusCode, body, headers);
      },
    })
    .handler(async (event) => {
      const headers: Record<string, string | undefined> = Object.fromEntries(
        Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v as string | undefined]),
      );
      const now = new Date();
      assertViaSite(headers, await originSecret());
      const body = options.body ? parse(options.body, readBody({ ...event, headers } as HttpEvent), 'body') : (undefined as B);
      const query = options.query
        ? parse(options.query, normalizeJson(event.queryStringParameters ?? {}), 'query')
        : ((event.queryStringParameters ?? {}) as Q);
      const reply = await options.handler({
        body,
        query,
        params: (event.pathParameters ?? {}) as Record<string, string>,
        headers,
        claims: event.requestContext?.authorizer?.jwt?.claims,
        event,
        now,
      });
      if (reply.raw !== undefined) return { statusCode: reply.statusCode ?? 200, headers: reply.headers, body: reply.raw, ...(reply.base64 ? { isBase64Encoded: true } : {}) };
      return json(reply.statusCode ?? 200, reply.body ?? null, reply.headers);
    });
}
