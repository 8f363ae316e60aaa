/** One error hierarchy for every handler: `expose` says whether the message may reach the client. */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly expose: boolean;
  readonly details?: unknown;
  readonly headers?: Record<string, string>;

  constructor(
    statusCode: number,
    code: string,
    message: string,
    options: { cause?: unknown; details?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.code = code;
    this.expose = statusCode < 500 || statusCode === 503;
    this.details = options.details;
    this.headers = options.headers;
  }
}

type Options = { cause?: unknown; details?: unknown; code?: string };

export class BadRequestError extends HttpError {
  constructor(message: string, { code = 'bad_request', ...options }: Options = {}) {
    super(400, code, message, options);
    this.name = 'BadRequestError';
  }
}

export class UnauthorizedError extends HttpError {
  constructor(message = 'Sign-in required', { code = 'unauthorized', ...options }: Options = {}) {
    super(401, code, message, { ...options, headers: { 'www-authenticate': 'Bearer' } });
    this.name = 'UnauthorizedError';
  }
}

export class ForbiddenError extends HttpError {
  constructor(message = 'Not allowed', { code = 'forbidden', ...options }: Options = {}) {
    super(403, code, message, options);
    this.name = 'ForbiddenError';
  }
}

export class NotFoundError extends HttpError {
  constructor(message = 'Not found', { code = 'not_found', ...options }: Options = {}) {
    super(404, code, message, options);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends HttpError {
  constructor(message: string, { code = 'conflict', ...options }: Options = {}) {
    super(409, code, message, options);
    this.name = 'ConflictError';
  }
}

export class PayloadTooLargeError extends HttpError {
  constructor(message = 'Request body is larger than 64 KB', options: Options = {}) {
    super(413, 'payload_too_large', message, options);
    this.name = 'PayloadTooLargeError';
  }
}

export class UnsupportedMediaTypeError extends HttpError {
  constructor(message = 'Send the body as application/json', options: Options = {}) {
    super(415, 'unsupported_media_type', message, options);
    this.name = 'UnsupportedMediaTypeError';
  }
}

export class TooManyRequestsError extends HttpError {
  constructor(retryAfterSeconds: number, message = 'Too many requests, try again shortly') {
    super(429, 'rate_limited', message, { headers: { 'retry-after': String(retryAfterSeconds) } });
    this.name = 'TooManyRequestsError';
  }
}

export class ServiceUnavailableError extends HttpError {
  constructor(retryAfterSeconds = 5, options: { cause?: unknown } = {}) {
    super(503, 'unavailable', 'The service is temporarily unavailable, try again shortly', {
      ...options,
      headers: { 'retry-after': String(retryAfterSeconds) },
    });
    this.name = 'ServiceUnavailableError';
  }
}

/** The error body every endpoint answers with. Internals of a 5xx never leave the server. */
export function errorBody(error: unknown): { statusCode: number; body: { error: { code: string; message: string; details?: unknown } }; headers: Record<string, string> } {
  if (error instanceof HttpError && error.expose) {
    const body: { code: string; message: string; details?: unknown } = { code: error.code, message: error.message };
    if (error.details !== undefined) body.details = error.details;
    return { statusCode: error.statusCode, body: { error: body }, headers: error.headers ?? {} };
  }
  return { statusCode: 500, body: { error: { code: 'internal', message: 'Internal server error' } }, headers: {} };
}
