/** Local stack settings, all from the environment (see README "Configuration"). */
import { resolve } from 'node:path';

export const config = {
  port: Number(process.env.PORT ?? 3000),
  dataDir: resolve(process.env.DATA_DIR ?? '.data'),
  tableName: process.env.TABLE_NAME ?? 'gopy-local',
  publicBaseUrl: process.env.PUBLIC_BASE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
};

/**
 * The SDK needs a region and credentials even for dynalite, which ignores them. Only the endpoint
 * (DYNAMODB_ENDPOINT) differs from AWS.
 */
export function useLocalStore(endpoint: string): void {
  process.env.DYNAMODB_ENDPOINT = endpoint;
  process.env.TABLE_NAME = config.tableName;
  process.env.AWS_REGION ??= 'ap-southeast-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
}
