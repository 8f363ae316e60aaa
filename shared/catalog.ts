/** The catalog: departments, their counters and the procedures they own, and the evaluation criteria. */
import { criteriaOf, type Criterion } from './criteria.ts';

export type Department = {
  id: string;
  name: string;
  answerSlaWorkingDays: number;
  level?: 'province' | 'commune' | 'central';
  /** The department's mailbox for alerts and citizens' replies (else DEPARTMENT_ALERT_EMAIL). */
  alertEmail?: string;
  /** The department's own published hotline and e-mail: kept when redacting public texts. */
  publicPhone?: string;
  publicEmail?: string;
  /** Địa danh: where the department sits, written before the date of its letters (Decree 30/2020), e.g. "TP. Hồ Chí Minh". */
  place?: string;
};
export type Counter = { id: string; name: string; departmentId: string; procedureCodes: string[] };
export type Procedure = { code: string; name: string; departmentId: string; field?: string };
export type Catalog = { departments: Department[]; counters: Counter[]; procedures: Procedure[]; criteria?: Criterion[] };

/** Where items go when neither the procedure nor the counter names an owner. */
export const TRIAGE_DEPARTMENT_ID = 'tiep-nhan-chung';
/** Not a department: the admin's inbox view of every department's queue at once (`departmentId=all`). */
export const ALL_DEPARTMENTS = 'all';

export type CatalogIndex = {
  departments: Map<string, Department>;
  counters: Map<string, Counter>;
  procedures: Map<string, Procedure>;
  /** The evaluation criteria citizens choose from (the defaults when the catalog names none). */
  criteria: readonly Criterion[];
};

export function indexCatalog(catalog: Catalog): CatalogIndex {
  return {
    departments: new Map(catalog.departments.map((d) => [d.id, d])),
    counters: new Map(catalog.counters.map((c) => [c.id, c])),
    procedures: new Map(catalog.procedures.map((p) => [p.code, p])),
    criteria: criteriaOf(catalog.criteria),
  };
}

/**
 * The number a citizen without a smartphone calls about a counter (printed on its posters): its
 * department's published hotline, else the centre's, the triage department's (the one-stop centre).
 */
export function hotlineOf(departments: ReadonlyMap<string, Department>, departmentId: string): string | undefined {
  return departments.get(departmentId)?.publicPhone ?? departments.get(TRIAGE_DEPARTMENT_ID)?.publicPhone;
}

/** `{ id, name }` of a department for a response; the id stands in for the name of one no longer in the catalog. */
export function departmentRef(catalog: Pick<CatalogIndex, 'departments'>, id: string): { id: string; name: string } {
  return { id, name: catalog.departments.get(id)?.name ?? id };
}
