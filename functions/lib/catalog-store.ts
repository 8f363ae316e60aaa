/** Catalog access patterns. The catalog is small and read on every submission, so it is cached. */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { Criterion } from '#shared/criteria';
import { indexCatalog, type Catalog, type CatalogIndex, type Counter, type Department, type Procedure } from '#shared/catalog';
import { dynamo, tableName } from './dynamo.ts';
import { CATALOG_PARTITION, keys } from './keys.ts';
import { queryAll } from './query.ts';

const CACHE_MS = Number(process.env.CATALOG_CACHE_MS ?? 60_000);
let cached: { at: number; value: Promise<CatalogIndex> } | undefined;

/** The whole catalog: one partition of gsi1, paged. */
export async function queryCatalog(): Promise<Catalog> {
  const catalog: Catalog = { departments: [], counters: [], procedures: [] };
  for (const raw of await queryAll({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': { S: CATALOG_PARTITION } } })) {
    const { entity, data } = unmarshall(raw) as { entity: string; data: any };
    if (entity === 'department') catalog.departments.push(data);
    else if (entity === 'counter') catalog.counters.push(data);
    else if (entity === 'procedure') catalog.procedures.push(data);
    else if (entity === 'criterion') (catalog.criteria ??= []).push(data);
  }
  return catalog;
}

/** The catalog, indexed, cached for CATALOG_CACHE_MS (catalog edits are rare; one query per minute). */
export function loadCatalog(): Promise<CatalogIndex> {
  // The cache's age is a duration on the monotonic clock, not an instant of the domain.
  const now = performance.now();
  if (!cached || now - cached.at > CACHE_MS) {
    const value = queryCatalog().then(indexCatalog);
    cached = { at: now, value };
    value.catch(() => (cached = undefined));
  }
  return cached.value;
}

export function forgetCatalogCache(): void {
  cached = undefined;
}

const put = (item: Record<string, unknown>) =>
  dynamo().send(new PutItemCommand({ TableName: tableName(), Item: marshall(item, { removeUndefinedValues: true }) }));

/** Upsert one department. */
export const putDepartment = (data: Department) => put({ ...keys.department(data.id), entity: 'department', data });
/** Upsert one counter. */
export const putCounter = (data: Counter) => put({ ...keys.counter(data.id), entity: 'counter', data });
/** Upsert one procedure. */
export const putProcedure = (data: Procedure) => put({ ...keys.procedure(data.code), entity: 'procedure', data });
/** Upsert one evaluation criterion. */
export const putCriterion = (data: Criterion) => put({ ...keys.criterion(data.id), entity: 'criterion', data });
