/**
 * An S3-compatible store for tests: fauxqs (an S3/SQS/SNS emulator from npm) behind a small proxy
 * that answers a read of a missing key the way S3 does for a caller without s3:ListBucket on the
 * bucket: 403 AccessDenied instead of 404 NoSuchKey. `canList` says which answer the caller gets
 * (the bundle tests derive it from the function's IAM statements in the template).
 *
 * Clients reach it through AWS_ENDPOINT_URL_S3 (virtual-hosted style: `bucket.s3.localhost`,
 * resolved by fauxqs' DNS interceptor), exactly as the SDK reaches S3 in Lambda otherwise.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { interceptLocalhostDns, startFauxqs, type FauxqsServer } from 'fauxqs';

export type TestS3 = {
  fauxqs: FauxqsServer;
  /** For AWS_ENDPOINT_URL_S3 (through the proxy). */
  s3Endpoint: string;
  /** For AWS_ENDPOINT_URL_SQS (fauxqs directly). */
  sqsEndpoint: string;
  canList: boolean;
  close(): Promise<void>;
};

const ACCESS_DENIED = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>';

export async function startTestS3(options: { canList: boolean; buckets?: string[] }): Promise<TestS3> {
  const fauxqs = await startFauxqs({ port: 0, logger: false });
  for (const bucket of options.buckets ?? []) fauxqs.createBucket(bucket);
  const restoreDns = interceptLocalhostDns();
  const state = { canList: options.canList };
  const proxy: Server = createServer((incoming, outgoing) => {
    const upstream = request(
      { host: '127.0.0.1', port: fauxqs.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (answer) => {
        const missing = answer.statusCode === 404 && (incoming.method === 'GET' || incoming.method === 'HEAD');
        if (missing && !state.canList) {
          answer.resume();
          outgoing.writeHead(403, { 'content-type': 'application/xml' }).end(incoming.method === 'HEAD' ? undefined : ACCESS_DENIED);
          return;
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', (error) => outgoing.writeHead(502).end(String(error)));
    incoming.pipe(upstream);
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  const port = (proxy.address() as AddressInfo).port;
  return {
    fauxqs,
    s3Endpoint: `http://s3.localhost:${port}`,
    sqsEndpoint: fauxqs.address,
    get canList() {
      return state.canList;
    },
    set canList(value: boolean) {
      state.canList = value;
    },
    async close() {
      restoreDns();
      await new Promise((done) => proxy.close(done));
      await fauxqs.stop();
    },
  };
}
