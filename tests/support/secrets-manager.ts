/**
 * A Secrets Manager stand-in for tests: npm has no Secrets Manager emulator that runs without
 * Docker, so this is a minimal server of the service's JSON protocol (awsJson1_1) answering
 * `GetSecretValue` only, the one call the functions make. Like dynalite and fauxqs it is a real HTTP
 * endpoint: the real SDK (through Powertools Parameters) reaches it by AWS_ENDPOINT_URL_SECRETS_MANAGER.
 * It counts the calls, so a test can see the functions' cache at work.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type TestSecretsManager = {
  /** For AWS_ENDPOINT_URL_SECRETS_MANAGER. */
  endpoint: string;
  /** GetSecretValue calls so far, by SecretId. */
  calls: Map<string, number>;
  /** Replaces a secret's value (a rotation). */
  put(arn: string, value: string): void;
  close(): Promise<void>;
};

const reply = (status: number, body: unknown) => ({ status, body: JSON.stringify(body) });

/** `secrets`: ARN → SecretString. A SecretId may be the ARN or the name (the ARN's last part). */
export async function startTestSecretsManager(secrets: Record<string, string>): Promise<TestSecretsManager> {
  const values = new Map(Object.entries(secrets));
  const calls = new Map<string, number>();
  const answer = (target: string | undefined, input: { SecretId?: string }) => {
    if (target !== 'secretsmanager.GetSecretValue') return reply(400, { __type: 'UnknownOperationException', message: `not emulated: ${target}` });
    const id = input.SecretId ?? '';
    calls.set(id, (calls.get(id) ?? 0) + 1);
    const arn = [...values.keys()].find((candidate) => candidate === id || candidate.split(':').at(-1) === id);
    if (!arn) return reply(400, { __type: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." });
    return reply(200, { ARN: arn, Name: arn.split(':').at(-1), SecretString: values.get(arn), VersionId: `v-${calls.get(id)}`, VersionStages: ['AWSCURRENT'], CreatedDate: 1_700_000_000 });
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      let input: { SecretId?: string } = {};
      try {
        input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        // an unparsable body finds no secret
      }
      const { status, body } = answer(request.headers['x-amz-target'] as string | undefined, input);
      response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': crypto.randomUUID() }).end(body);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    put: (arn, value) => void values.set(arn, value),
    close: () => new Promise((done) => server.close(() => done())),
  };
}
