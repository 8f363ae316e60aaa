/**
 * Where the published statistics go: `stats/…` objects of the site bucket (STATS_BUCKET, served by
 * CloudFront at /stats/…). Locally the bucket is an S3-compatible server from npm (S3_ENDPOINT,
 * local/stats-store.ts) and local/static.ts serves /stats/… by reading the objects back through
 * this port: the job and the pages use the same S3 code in AWS and locally.
 */
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

export type StatsOutput = {
  /** Human-readable place, for logs. */
  where: string;
  read(name: string): Promise<string | undefined>;
  write(name: string, body: string, contentType: string): Promise<void>;
};

/** AWS's S3 in Lambda; the local store's endpoint when S3_ENDPOINT is set (path-style, like any S3-compatible server). */
const s3Client = () => {
  const endpoint = process.env.S3_ENDPOINT;
  return new S3Client(endpoint ? { endpoint, forcePathStyle: true } : {});
};

export function s3Output(bucket: string, prefix = 'stats/'): StatsOutput {
  const s3 = s3Client();
  return {
    where: `s3://${bucket}/${prefix}`,
    async read(name) {
      try {
        const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: prefix + name }));
        return await object.Body!.transformToString('utf-8');
      } catch (error) {
        if (isMissing(error)) return undefined;
        // S3 answers 403, not 404, for a missing key when the caller may not list the bucket. Reading
        // that as "absent" would republish index.json with only this run's months: fail loudly instead.
        if ((error as Error).name === 'AccessDenied') {
          throw new Error(`S3 denied reading ${prefix + name} in ${bucket}: a missing key answers 403 unless the role has s3:ListBucket on the bucket`, { cause: error });
        }
        throw error;
      }
    },
    async write(name, body, contentType) {
      await s3.send(
        new PutObjectCommand({ Bucket: bucket, Key: prefix + name, Body: body, ContentType: contentType, CacheControl: 'public, max-age=300' }),
      );
    },
  };
}

/** NoSuchKey (GetObject) or a bare 404: the object does not exist. */
function isMissing(error: unknown): boolean {
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return error instanceof NoSuchKey || name === 'NoSuchKey' || name === 'NotFound' || $metadata?.httpStatusCode === 404;
}

/** The statistics bucket of this deployment (AWS) or of the local stack (STATS_BUCKET either way). */
export function defaultStatsOutput(): StatsOutput {
  const bucket = process.env.STATS_BUCKET;
  if (!bucket) throw new Error('STATS_BUCKET is not set: in AWS the stats-bucket capability sets it, locally the stats store (local/stats-store.ts)');
  return s3Output(bucket);
}
