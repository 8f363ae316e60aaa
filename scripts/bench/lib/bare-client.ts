/** The baseline for function bundles: nothing but the DynamoDB client, bundled the same way. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export const client = new DynamoDBClient({});
