/**
 * Routing: the procedure's owning department; else the counter's department; else the central
 * triage queue. Every decision is kept in the record's routing history.
 */
import { TRIAGE_DEPARTMENT_ID, type CatalogIndex } from './catalog.ts';
import { endOfLocalDay, lastDayOfMonth, type LocalMonth } from './time.ts';

export type RoutingStep = {
  at: string;
  by: string;
  from?: string;
  to: string;
  rule: 'procedure' | 'counter' | 'triage' | 'manual' | 'follow-up';
  reason: string;
};

export function routeFeedback(
  input: { counterId: string; procedureCode?: string },
  catalog: CatalogIndex,
  at: string,
): RoutingStep {
  const procedure = input.procedureCode ? catalog.procedures.get(input.procedureCode) : undefined;
  if (procedure && catalog.departments.has(procedure.departmentId)) {
    return { at, by: 'system', to: procedure.departmentId, rule: 'procedure', reason: `Thủ tục ${procedure.code} thuộc thẩm quyền đơn vị này` };
  }
  const counter = catalog.counters.get(input.counterId);
  if (counter && catalog.departments.has(counter.departmentId)) {
    return { at, by: 'system', to: counter.departmentId, rule: 'counter', reason: `Tiếp nhận tại quầy ${counter.name}` };
  }
  return { at, by: 'system', to: TRIAGE_DEPARTMENT_ID, rule: 'triage', reason: 'Chưa xác định đơn vị xử lý: chuyển bộ phận tiếp nhận chung' };
}

/**
 * The department a record counts for in local month `month`: its owner at the end of that month
 * (at the end of a running month: now). So a reroute never changes the figures of a month that
 * closed before it, nor that month's published file.
 */
export function departmentInMonth(record: { departmentId: string; routing?: readonly RoutingStep[] }, month: LocalMonth): string {
  const end = Date.parse(endOfLocalDay(lastDayOfMonth(month)));
  let owner: string | undefined;
  for (const step of record.routing ?? []) if (Date.parse(step.at) <= end) owner = step.to;
  return owner ?? record.departmentId;
}
