/**
 * Where the published statistics go: `stats/…` objects of the site bucket (STATS_BUCKET, served by
 * CloudFront at /stats/…) in AWS; DATA_DIR/public/stats locally (served at /stats/… by
 * local/static.ts). The job is the same code either way; only this port differs.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

export type StatsOutput = {
  /** Human-readable place, for logs. */
  where: string;
  read(name: string): Promise<string | undefined>;
  write(name: string, body: string, contentType: string): Promise<void>;
};

export function fileOutput(dir: string): StatsOutput {
  return {
    where: dir,
    read: (name) => readFile(join(dir, name), 'utf8').catch((error) => (error.code === 'ENOENT' ? undefined : Promise.reject(error))),
    async write(name, body) {
      const file = join(dir, name);
      await mkdir(dirname(file), { recursive: true });
      // Write then rename: a reader never sees half a file.
      await writeFile(`${file}.tmp`, body);
      await rename(`${file}.tmp`, file);
    },
  };
}

export function s3Output(bucket: string, prefix = 'stats/'): StatsOutput {
  const s3 = new S3Client({});
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

/** S3 when STATS_BUCKET is set (AWS), else DATA_DIR/public/stats. */
export function defaultStatsOutput(): StatsOutput {
  const bucket = process.env.STATS_BUCKET;
  return bucket ? s3Output(bucket) : fileOutput(resolve(process.env.DATA_DIR ?? '.data', 'public', 'stats'));
}
