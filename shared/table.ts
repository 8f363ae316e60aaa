/**
 * The single DynamoDB table: key schema and indexes. CDK (infra/) and the local stack (local/)
 * both build the table from this one definition.
 *
 * - gsi1: work queues, partitioned by department and open/done, sorted by due date (inbox);
 *         also `CATALOG` for the whole catalog in one query.
 * - gsi2: statistics, partitioned by department and local month.
 */
export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  indexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
} as const;

export type IndexName = (typeof TABLE.indexes)[number]['name'];
