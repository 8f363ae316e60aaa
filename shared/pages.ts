/**
 * Page routes and security headers, shared by the local server and CloudFront (infra/) so both
 * serve the same paths with the same headers.
 */
export const PAGE_ROUTES: { match: RegExp; file: string; cloudfront: string }[] = [
  { match: /^\/$/, file: 'index.html', cloudfront: '/' },
  { match: /^\/kiosk\/?$/, file: 'kiosk.html', cloudfront: '/kiosk' },
  { match: /^\/q\/[^/]+\/?$/, file: 'q.html', cloudfront: '/q/*' },
  { match: /^\/track(\/[^/]*)?\/?$/, file: 'track.html', cloudfront: '/track*' },
  { match: /^\/inbox(\/.*)?$/, file: 'inbox.html', cloudfront: '/inbox*' },
  { match: /^\/stats\/?$/, file: 'stats.html', cloudfront: '/stats' },
];

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  // camera: the site's own pages only, for "Quét mã" (the receipt's QR code) on the kiosk and QR page.
  'permissions-policy': 'camera=(self), microphone=(), geolocation=()',
};
