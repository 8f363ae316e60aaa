/** Who may see which performance view, and the view itself: shared by the JSON and the XLSX routes. */
import * as z from 'zod/mini';
import { canLead, officialFromClaims } from '#shared/auth';
import { BadRequestError } from '#shared/errors';
import { computePerformance, DEFAULT_MIN_RATINGS, type Performance } from '#shared/performance';
import { id } from '#shared/schemas';
import { monthWindow } from '#shared/stats/month';
import { localMonthOf } from '#shared/time';
import type { Claims } from './http.ts';
import { loadCatalog } from './catalog-store.ts';
import { resolveDepartment } from './inbox.ts';
import { queryMonthRecords } from './performance-store.ts';
import { queryDutyEvents } from './duty-store.ts';
import type { DutyLogLine } from '#shared/performance-report';

export const performanceQuerySchema = z.strictObject({
  month: z.optional(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM'))),
  departmentId: z.optional(id),
});

const minRatings = () => {
  const n = Number(process.env.PERFORMANCE_MIN_RATINGS);
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_MIN_RATINGS;
};

export type PerformanceView = Performance & {
  department: { id: string; name: string };
  scope: 'department' | 'own';
  /** The catalog's evaluation criteria, printed with the report. */
  criteria: { id: string; vi: string; en: string }[];
  /** Who started and ended duty at the department's counters in the month (leads and the admin only). */
  dutyLog: DutyLogLine[];
};

/** The month's duty log of the department's counters, oldest first: one Query per counter. */
async function dutyLogOf(counters: ReadonlyMap<string, string>, month: string): Promise<DutyLogLine[]> {
  const events = (await Promise.all([...counters.keys()].map((id) => queryDutyEvents(id, month)))).flat();
  return events
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map((e) => ({ at: e.at, counter: counters.get(e.counterId) ?? e.counterId, type: e.type, official: e.officialName }));
}

/**
 * The month's view of a department: leads of it and the admin see every counter and official; its
 * other officials only their own row; anyone else gets 404 as for the inbox (resolveDepartment).
 */
export async function performanceFor(claims: Claims | undefined, query: z.infer<typeof performanceQuerySchema>, now: Date): Promise<PerformanceView> {
  const official = officialFromClaims(claims);
  const requested = query.departmentId ?? official.leads?.[0];
  // The admin belongs to no department: a silent default would show one department's figures as if asked for.
  if (!requested && !official.departments.length && official.admin) throw new BadRequestError('Choose a department: departmentId=…', { code: 'department_required' });
  const departmentId = await resolveDepartment(official, requested);
  const month = query.month ?? localMonthOf(now);
  const catalog = await loadCatalog();
  const counters = new Map([...catalog.counters.values()].filter((c) => c.departmentId === departmentId).map((c) => [c.id, c.name]));
  const lead = canLead(official, departmentId);
  const performance = computePerformance(await queryMonthRecords(departmentId, month), {
    departmentId,
    window: monthWindow(month, now),
    criteria: catalog.criteria,
    counters,
    minRatings: minRatings(),
    ...(lead ? {} : { onlyOfficial: { id: official.id, username: official.username } }),
  });
  return {
    ...performance,
    department: { id: departmentId, name: catalog.departments.get(departmentId)?.name ?? departmentId },
    scope: lead ? 'department' : 'own',
    criteria: catalog.criteria.map(({ id, vi, en }) => ({ id, vi, en })),
    dutyLog: lead ? await dutyLogOf(counters, month) : [],
  };
}
