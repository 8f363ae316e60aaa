/**
 * fast-check generators of hostile requests for every route in functions/routes.ts: adversarial
 * methods, paths, query strings, headers and bodies (Unicode NFD, zero-width, right-to-left
 * overrides, emoji, lone surrogates, huge and deeply nested JSON, prototype keys).
 */
import fc from 'fast-check';
import { isPublicSubmission } from '#functions/lib/rate-limit';
import { ROUTES, type Route } from '#functions/routes';
import { CHANNELS, KINDS, REASONS } from '#shared/schemas';

export type FuzzRequest = { route: string; method: string; path: string; headers: Record<string, string>; body?: string | Buffer; auth: string };

/** Contact data the fuzzer submits: none of it may ever appear in a public response. */
export const FUZZ_CONTACT = { name: 'Phạm Thị Kiểm Thử', phone: '0987 654 321', email: 'kiem.thu.fuzz@example.vn', address: '99 Đường Thử Nghiệm' };

const NASTY = [
  'Nguye\u0302\u0303n Va\u0306n A', // NFD
  'a\u200b\u200c\u200d\ufeffb', // zero-width
  '\u202eevil\u202c', '\u2066rtl\u2069', // bidi overrides
  '👩‍👩‍👧‍👦🇻🇳', '\ud800', '\udfff', '\u0000', '\r\n', '\u0085', '\t',
  '<img src=x onerror=alert(1)>', "' OR '1'='1", '${7*7}', '{{7*7}}', '../../etc/passwd', '%00', '__proto__', 'constructor',
  'GY-22222-22222', 'gy 7kq4m 9x2tb', '1.001247', 'stp-quay-02', 'x'.repeat(5000), ' ', '',
];
const nastyString = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }));
const ascii = (max: number) => fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: max });
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.constantFrom(null, true, false, 0, -1, 1e308, -0, 2 ** 53 + 1, 3.5, [], {}),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A body close to valid for `route`, so mutations reach the deeper checks. */
export function template(route: Route): fc.Arbitrary<Record<string, unknown>> {
  if (route.handler === 'submit-feedback') {
    return fc.record(
      {
        counterId: fc.constantFrom('stp-quay-02', 'bt-quay-01', 'tthc-quay-01', 'nope'),
        kind: fc.constantFrom(...KINDS),
        channel: fc.constantFrom(...CHANNELS),
        rating: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.integer({ min: -1, max: 6 }) }),
        reasons: fc.subarray([...REASONS]),
        procedureCode: fc.constantFrom('2.001417', '2.001417', '9.999999'),
        comment: fc.oneof(nastyString, fc.constant('Đề nghị niêm yết công khai lệ phí.')),
        contact: fc.record({ name: fc.constant(FUZZ_CONTACT.name), phone: fc.constant(FUZZ_CONTACT.phone), email: fc.constant(FUZZ_CONTACT.email), address: fc.constant(FUZZ_CONTACT.address) }, { requiredKeys: ['name'] }),
        consent: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.boolean() }),
        deviceId: fc.constantFrom('fuzz-kiosk-1', 'fuzz-kiosk-2'),
      },
      { requiredKeys: ['counterId', 'kind', 'channel', 'contact'] },
    );
  }
  if (route.handler === 'provide-info') return fc.record({ text: fc.oneof(nastyString, fc.constant('Số hồ sơ 000.00.12.H29-261104-0001')) }, { requiredKeys: [] });
  if (route.handler === 'inbox-bulk') return fc.record({ type: fc.constantFrom('acknowledge', 'close', 'explode'), trackingCodes: fc.array(nastyString, { maxLength: 5 }) });
  const types = ['acknowledge', 'classify', 'assign', 'note', 'request-info', 'info-received', 'reroute', 'answer', 'approve', 'return', 'reject', 'duplicate', 'spam', 'close', 'erase-contact'];
  return fc.record(
    { type: fc.constantFrom(...types), text: nastyString, reason: nastyString, category: nastyString, officialId: nastyString, departmentId: fc.constantFrom('so-tu-phap', 'so-tai-chinh', '../x'), of: nastyString, version: fc.integer() },
    { requiredKeys: ['type'] },
  );
}

function mutated(route: Route): fc.Arbitrary<string | Buffer> {
  const json = (value: unknown) => JSON.stringify(value);
  return fc.oneof(
    { weight: 8, arbitrary: template(route).map(json) },
    {
      weight: 4,
      arbitrary: fc.tuple(template(route), fc.string({ maxLength: 12 }), nastyValue).map(([body, key, value]) => {
        const keys = Object.keys(body);
        const target = keys.length && key.length % 2 ? keys[key.length % keys.length]! : key;
        return json({ ...body, [target]: value });
      }),
    },
    { weight: 1, arbitrary: template(route).map((body) => `{"__proto__":{"consent":true,"kind":"pakn"},${json(body).slice(1)}`) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(json) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 30_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 10_000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)) },
    { weight: 1, arbitrary: fc.constantFrom(65_000, 66_000, 1_100_000).chain((size) => template(route).map((body) => json({ ...body, comment: 'ắ'.repeat(size / 3) }))) },
    { weight: 1, arbitrary: fc.constantFrom('', 'null', '[]', '"x"', '123', '{', '{"a":1,"a":2}', 'kind=pakn', '\u0000') },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)) },
  );
}

/** Real path parameters (tracking codes, counter ids) so requests also reach records that exist. */
export type Known = { trackingCodes: string[]; counterIds: string[] };

const segment = (known: Known) => fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...known.trackingCodes, ...known.counterIds) },
  fc.constantFrom('GY-22222-22222', 'gy-22222-22222', 'stp-quay-02', '..', '%2e%2e', '%2F', '%', '%zz', '%c0%af', 'x'.repeat(3000), '%00', 'export.csv'),
  nastyString.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'))),
);

function pathFor(route: Route, known: Known): fc.Arbitrary<string> {
  const parts = route.path.split(/(\{\w+\})/);
  return fc.oneof(
    { weight: 5, arbitrary: fc.tuple(...parts.map((part) => (/^\{\w+\}$/.test(part) ? segment(known) : fc.constant(part)))).map((p) => p.join('')) },
    { weight: 1, arbitrary: fc.tuple(fc.constant(route.path.replace(/\{\w+\}.*/, '')), segment(known), fc.constantFrom('', '/', '//', '/x', '/../health')).map((p) => p.join('')) },
    { weight: 1, arbitrary: segment(known).map((s) => `/api/${s}`) },
  );
}

const query = fc.oneof(
  fc.constant(''),
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom('q', 'status', 'cursor', 'limit', 'departmentId', 'overdue', 'from', 'to', 'kind', 'channel', 'counterId', 'procedureCode', '__proto__'), fc.string({ maxLength: 8 })), nastyString), { maxLength: 4 })
    .map((pairs) => `?${new URLSearchParams(pairs.map(([k, v]) => [k, v.replace(/[\ud800-\udfff]/g, '\ufffd')])).toString()}`),
  fc.constantFrom('?q=%', '?q=%E0%A4%A', '?limit=999&limit=1', '?status=open&status=done', '?cursor=' + 'A'.repeat(500), '?q=' + 'a'.repeat(300)),
);

const hostileHeaders = fc.record(
  {
    'content-type': fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/vnd.api+json', 'multipart/form-data; boundary=x', 'application/jsonx'),
    'idempotency-key': fc.oneof(fc.uuid(), fc.constantFrom('short', 'x'.repeat(129), 'fuzz-key-fixed-0001', 'a b c d e f g h'), ascii(40)),
    'x-forwarded-for': fc.constantFrom('1.2.3.4', '::1', 'garbage'),
    accept: ascii(30),
  },
  { requiredKeys: [] },
      );

export function requestFor(tokens: Record<string, string>, known: Known): fc.Arbitrary<FuzzRequest> {
  const auths = ['none', 'garbage', 'bearer-garbage', 'alg-none', ...Object.keys(tokens)];
  // The public submission route is the one the whole internet can write to: it gets 4× the cases.
  const weighted = ROUTES.flatMap((route) => (isPublicSubmission(route) ? [route, route, route, route] : [route]));
  return fc.constantFrom(...weighted).chain((route) =>
    fc.record({
      route: fc.constant(`${route.method} ${route.path}`),
      method: fc.oneof({ weight: 6, arbitrary: fc.constant(route.method) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS') }),
      path: fc.tuple(pathFor(route, known), query).map(([p, q]) => p + q),
      auth: route.auth ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...Object.keys(tokens)) }, { weight: 1, arbitrary: fc.constantFrom(...auths) }) : fc.constantFrom(...auths),
      headers: fc.oneof(
        { weight: 3, arbitrary: fc.uuid().map((key) => ({ 'content-type': 'application/json', 'idempotency-key': key })) },
        { weight: 2, arbitrary: hostileHeaders },
      ),
      body: route.method === 'POST' ? fc.option(mutated(route), { freq: 10, nil: undefined }) : fc.option(fc.constant('{"x":1}'), { freq: 4, nil: undefined }),
    }),
  );
}

/** A valid PAKN with contact data: always run first, so every run reaches the write path and then tries to read the contact back. */
export function validSubmission(): FuzzRequest {
  const body = { counterId: 'stp-quay-02', kind: 'pakn', channel: 'qr', rating: 2, procedureCode: '2.001417', comment: 'Đề nghị niêm yết công khai lệ phí.', contact: FUZZ_CONTACT, consent: true, deviceId: 'fuzz-example' };
  return { route: 'POST /api/feedback', method: 'POST', path: '/api/feedback', headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, body: JSON.stringify(body), auth: 'none' };
}

export function authorization(auth: string, tokens: Record<string, string>): string | undefined {
  if (auth === 'none') return undefined;
  if (auth === 'garbage') return 'Basic dXNlcjpwYXNz';
  if (auth === 'bearer-garbage') return 'Bearer not.a.jwt';
  if (auth === 'alg-none') return `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"admin","cognito:groups":["admin"]}').toString('base64url')}.`;
  return `Bearer ${tokens[auth]}`;
}
