/** The inbox's use cases on top of the store: visibility, actions, notices. */
import { canAccess, canSeeContact, type Official } from '#shared/auth';
import { BadRequestError, ForbiddenError, NotFoundError } from '#shared/errors';
import type { InboxQuery } from '#shared/inbox';
import { toLocalIso } from '#shared/time';
import { wholeTrackingCode } from '#shared/search';
import { parseTrackingCode } from '#shared/tracking-code';
import { ALL_DEPARTMENTS, TRIAGE_DEPARTMENT_ID } from '#shared/catalog';
import { assignedMessage } from '#shared/notifications';
import { applyAction, type Action, type CaseRecord, type Transition } from '#shared/workflow';
import { loadCatalog } from './catalog-store.ts';
import { countOpenByStatus, moveInCounts, readCounters } from './inbox-counts.ts';
import { forwardToDuplicates } from './duplicates.ts';
import { countViews, getCase, putAuditEvent, queryQueue, queryQueues, saveCase } from './inbox-store.ts';
import { log } from './log.ts';
import { writeMonthMarkers } from './month-markers.ts';
import { notifyCitizen, publicBaseUrl } from './notify.ts';
import { getOfficial, recordOfficial } from './officials-store.ts';
import { enqueue, eraseRecordNotices } from './outbox.ts';

/**
 * A record the official may see. Another department's record answers exactly like a missing one
 * (404), so nobody learns which tracking codes exist elsewhere.
 */
export async function loadVisibleCase(rawCode: string, official: Official): Promise<CaseRecord> {
  const code = parseTrackingCode(rawCode);
  const record = code ? await getCase(code) : undefined;
  if (!record || !canAccess(official, record.departmentId)) throw new NotFoundError('No record with this tracking code in your inbox', { code: 'not_found' });
  return record;
}

/** The department whose queue is read: the one asked for (if allowed) or the official's own. */
export async function resolveDepartment(official: Official, requested: string | undefined): Promise<string> {
  if (requested) {
    if (!canAccess(official, requested)) throw new NotFoundError('No such department in your inbox', { code: 'not_found' });
    if (!(await loadCatalog()).departments.has(requested)) throw new NotFoundError('No such department', { code: 'not_found' });
    return requested;
  }
  const own = official.departments[0];
  if (own) return own;
  if (official.admin) return TRIAGE_DEPARTMENT_ID;
  throw new NotFoundError('Your account belongs to no department', { code: 'no_department' });
}

/** What a list shows: one department, or `all` of them (`departmentIds`); `contact`: its contact data may be searched. */
export type Scope = { departmentId: string; departmentIds: string[]; contact?: boolean; me?: string };

/** Like resolveDepartment, plus `all` for the admin; an official asking for `all` gets 403. */
export async function resolveScope(official: Official, requested: string | undefined): Promise<Scope> {
  if (requested !== ALL_DEPARTMENTS) {
    const departmentId = await resolveDepartment(official, requested);
    return { departmentId, departmentIds: [departmentId], contact: canSeeContact(official, departmentId), me: official.id };
  }
  if (!official.admin) throw new ForbiddenError('Only the province admin can list all departments at once; choose your own department', { code: 'admin_only' });
  return { departmentId: ALL_DEPARTMENTS, departmentIds: [...(await loadCatalog()).departments.keys()], me: official.id };
}

/** A page of the scope's queue: one department's, or all of them merged in the same order. */
export async function queryScope(scope: Scope, query: InboxQuery, options: { now: Date; limit?: number }): Promise<{ records: CaseRecord[]; nextCursor: string | null }> {
  // A whole tracking code is one read of that record, wherever it sits in the queues.
  const code = query.q ? wholeTrackingCode(query.q) : null;
  if (code) {
    const record = query.cursor ? undefined : await getCase(code);
    return { records: record && scope.departmentIds.includes(record.departmentId) ? [record] : [], nextCursor: null };
  }
  const queue = { ...options, contact: Boolean(scope.contact), me: scope.me };
  return scope.departmentId === ALL_DEPARTMENTS ? queryQueues(scope.departmentIds, query, queue) : queryQueue(scope.departmentId, query, queue);
}

/** Open work per status, summed over the scope's departments (each from its own counter). */
export async function countScope(scope: Scope, now: Date): Promise<Record<string, number>> {
  const sum: Record<string, number> = {};
  for (const counts of await Promise.all(scope.departmentIds.map((id) => countOpenByStatus(id, now)))) {
    for (const [status, n] of Object.entries(counts)) sum[status] = (sum[status] ?? 0) + n;
  }
  return sum;
}

/** Items in each view (mine, awaiting approval, due soon), summed over the scope's departments. */
export async function countScopeViews(scope: Scope, now: Date): Promise<Record<string, number>> {
  const sum: Record<string, number> = {};
  for (const counts of await Promise.all(scope.departmentIds.map((id) => countViews(id, scope.me ?? '', now)))) {
    for (const [view, n] of Object.entries(counts)) sum[view] = (sum[view] ?? 0) + n;
  }
  return sum;
}

/** Applies one action: conditional write, then the open counts, its audit event, month markers and the citizen's notice. */
export async function performAction(rawCode: string, action: Action, official: Official, now: Date): Promise<Transition> {
  const record = await loadVisibleCase(rawCode, official);
  // Only an official of the record's department, as the directory knows them (not a typo).
  const assignee = action.type === 'assign' ? await getOfficial(record.departmentId, action.officialId) : undefined;
  if (action.type === 'assign' && !assignee) {
    throw new BadRequestError(`"${action.officialId}" is not an official of this department`, { code: 'unknown_official' });
  }
  if (action.type === 'duplicate') {
    const original = await loadVisibleCase(action.of, official).catch(() => undefined);
    if (!original) throw new BadRequestError(`No record ${action.of} in your inbox to mark this one a duplicate of`, { code: 'unknown_original' });
  }
  const transition = applyAction(record, action, { official, now: toLocalIso(now), catalog: await loadCatalog() });
  await commitTransition(record, transition, now, action.type === 'request-info' ? action.text : undefined);
  await recordOfficial(official, now);
  // The "Giao cho tôi" tab's count is the badge; an e-mail too when the directory knows the address.
  if (assignee?.email && assignee.id !== official.id) {
    await enqueue([assignedMessage(assignee.email, transition.record, official.username, publicBaseUrl())], { trackingCode: record.trackingCode, departmentId: record.departmentId, kind: 'assigned' }, now);
  }
  return transition;
}

/** Persists a transition of `record` (whoever acted): the record, open counts, audit event, month markers, notice. */
export async function commitTransition(record: CaseRecord, transition: Transition, now: Date, requestText?: string): Promise<void> {
  const counters = await readCounters([record.departmentId, transition.record.departmentId]);
  await saveCase(transition.record, record.version ?? 0);
  await moveInCounts(counters, { record, counted: Boolean((record as { counted?: boolean }).counted) }, { record: transition.record, counted: true }, now);
  await putAuditEvent(record.trackingCode, transition.event).catch((error) => {
    // The record changed; losing its audit line must be loud (alarm on this log line).
    log('error', 'audit event write failed', { error, trackingCode: record.trackingCode, version: transition.event.version });
    throw error;
  });
  await writeMonthMarkers(transition.record, now);
  // Erasure reaches the copies too: the record's queued (and sent) notices lose recipient and text.
  if (transition.event.type === 'erase-contact') await eraseRecordNotices(record.trackingCode);
  if (transition.notice) {
    const text = transition.notice === 'answer-published' ? transition.record.answer?.text : requestText;
    await notifyCitizen(transition.record, transition.notice, now, text);
  }
  if (transition.notice === 'answer-published') await forwardToDuplicates(transition.record, now);
}
