/** `npm run token`: the last line is an access token that the `npm start` verifier accepts. */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLocalSignIn } from '#local/auth';
import { startServer } from '#local/server';
import type { Server } from 'node:http';

let server: Server;
let url: string;
let dataDir: string;
let signIn: Awaited<ReturnType<typeof startLocalSignIn>>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'gopy-token-'));
  ({ server, url } = await startServer(0, { mounts: [(req, res) => signIn.oidc.mount(req, res)] }));
  signIn = await startLocalSignIn(url, dataDir);
});
afterAll(() => {
  server?.close();
  server?.closeAllConnections();
});

const token = async (...args: string[]) => {
  const { stdout } = await promisify(execFile)('npx', ['tsx', 'local/token.ts', ...args], {
    env: { ...process.env, PORT: new URL(url).port, DATA_DIR: dataDir },
  });
  return stdout.trim().split('\n').at(-1)!;
};

it('prints a token for a department official, signed with the DATA_DIR keys, valid for the running stack', async () => {
  const claims = await signIn.authenticate(`Bearer ${await token('--department', 'so-tai-chinh')}`);
  expect(claims).toMatchObject({ username: 'taichinh.son', 'cognito:groups': '[dept-so-tai-chinh]', client_id: 'gopy-inbox', iss: `${url}/oidc` });
}, 60_000);

it('prints a token for the admin', async () => {
  const claims = await signIn.authenticate(`Bearer ${await token('--admin')}`);
  expect(claims['cognito:groups']).toBe('[admin]');
}, 60_000);

it('prints a token for a department lead with --role lead, carrying the lead group and the name', async () => {
  const claims = await signIn.authenticate(`Bearer ${await token('--department', 'so-tu-phap', '--role', 'lead')}`);
  expect(claims).toMatchObject({ username: 'lanhdao.tuphap', name: 'Ngô Thị Hạnh', 'cognito:groups': '[lead-so-tu-phap]' });
}, 60_000);
