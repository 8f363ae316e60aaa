/**
 * Every API route and the handler module that serves it. The local adapter and the CDK API stack
 * both read this list, so a route exists in both places or in neither.
 */
import type { Capability } from './jobs.ts';

export type Route = {
  method: 'GET' | 'POST';
  path: string;
  /** Module under functions/ exporting `handler`. */
  handler: string;
  /** `official`: requires a signed-in official (JWT authorizer in AWS, verified token locally). */
  auth?: 'official';
  /** What the function may do with the table: least privilege per function. */
  access: 'none' | 'read' | 'write';
  /** AWS resources beyond the table, granted by infra (see Capability in ./jobs.ts). */
  uses?: Capability[];
};

export const ROUTES: Route[] = [
  { method: 'GET', path: '/api/health', handler: 'health', access: 'none' },
  { method: 'GET', path: '/api/counters', handler: 'list-counters', access: 'read' },
  { method: 'GET', path: '/api/counters/{id}', handler: 'get-counter', access: 'read' },
  { method: 'GET', path: '/api/procedures', handler: 'search-procedures', access: 'read' },
  { method: 'POST', path: '/api/feedback', handler: 'submit-feedback', access: 'write', uses: ['tracking-codes'] },
  { method: 'GET', path: '/api/feedback/{trackingCode}', handler: 'get-feedback', access: 'read' },
  // Computes only (no table): the codes of keys a kiosk will use, so an offline petition shows its code.
  { method: 'POST', path: '/api/kiosk/reserve-codes', handler: 'reserve-codes', access: 'none', uses: ['tracking-codes'] },
  { method: 'POST', path: '/api/feedback/{trackingCode}/info', handler: 'provide-info', access: 'write' },
  { method: 'POST', path: '/api/feedback/{trackingCode}/answer-rating', handler: 'rate-answer', access: 'write' },
  // A follow-up is a new record whose tracking code is the keyed hash of its Idempotency-Key.
  { method: 'POST', path: '/api/feedback/{trackingCode}/follow-up', handler: 'follow-up', access: 'write', uses: ['tracking-codes'] },
  // Officials' inbox. Fixed paths before /api/inbox/{trackingCode}: the first match wins.
  { method: 'GET', path: '/api/inbox', handler: 'inbox-list', auth: 'official', access: 'read' },
  // `write`: both record the caller in the officials directory (once a day), which assignment reads.
  { method: 'GET', path: '/api/inbox/me', handler: 'inbox-me', auth: 'official', access: 'write' },
  { method: 'GET', path: '/api/inbox/officials', handler: 'inbox-officials', auth: 'official', access: 'write' },
  { method: 'GET', path: '/api/inbox/templates', handler: 'inbox-templates-get', auth: 'official', access: 'read' },
  { method: 'POST', path: '/api/inbox/templates', handler: 'inbox-templates-save', auth: 'official', access: 'write' },
  { method: 'GET', path: '/api/inbox/alerts', handler: 'inbox-alerts', auth: 'official', access: 'read' },
  { method: 'GET', path: '/api/inbox/export.csv', handler: 'inbox-export-csv', auth: 'official', access: 'read' },
  { method: 'GET', path: '/api/inbox/export.xlsx', handler: 'inbox-export-xlsx', auth: 'official', access: 'read' },
  { method: 'POST', path: '/api/inbox/intake', handler: 'inbox-intake', auth: 'official', access: 'write', uses: ['tracking-codes'] },
  { method: 'POST', path: '/api/inbox/bulk-actions', handler: 'inbox-bulk', auth: 'official', access: 'write' },
  { method: 'GET', path: '/api/inbox/duty', handler: 'inbox-duty-get', auth: 'official', access: 'read' },
  { method: 'POST', path: '/api/inbox/duty', handler: 'inbox-duty', auth: 'official', access: 'write' },
  { method: 'GET', path: '/api/inbox/performance', handler: 'inbox-performance', auth: 'official', access: 'read' },
  { method: 'GET', path: '/api/inbox/performance.xlsx', handler: 'inbox-performance-xlsx', auth: 'official', access: 'read' },
  { method: 'GET', path: '/api/inbox/{trackingCode}', handler: 'inbox-get', auth: 'official', access: 'read' },
  { method: 'GET', path: '/api/inbox/{trackingCode}/letter.pdf', handler: 'inbox-letter', auth: 'official', access: 'read' },
  { method: 'POST', path: '/api/inbox/{trackingCode}/actions', handler: 'inbox-action', auth: 'official', access: 'write' },
];

/** Matches a concrete path against the route templates; path parameters are URL-decoded. */
export function matchRoute(method: string, path: string): { route: Route; params: Record<string, string> } | { allowed: string[] } | undefined {
  const allowed: string[] = [];
  for (const route of ROUTES) {
    const names: string[] = [];
    const pattern = new RegExp(
      `^${route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+)';
      })}$`,
    );
    const match = pattern.exec(path);
    if (!match) continue;
    if (route.method !== method) {
      allowed.push(route.method);
      continue;
    }
    const params: Record<string, string> = {};
    names.forEach((name, i) => {
      try {
        params[name] = decodeURIComponent(match[i + 1]!);
      } catch {
        params[name] = match[i + 1]!;
      }
    });
    return { route, params };
  }
  return allowed.length ? { allowed } : undefined;
}
