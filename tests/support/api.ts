/**
 * A real local stack for API tests: in-memory dynalite, the table, the demo catalog, and the HTTP
 * server with the adapter in front of the real handlers. No mocks.
 */
import type { Server } from 'node:http';
import { importCatalog } from '#functions/lib/importer';
import { startLocalSignIn } from '#local/auth';
import type { LocalOidc } from '#local/oidc';
import { startServer, type ServerOptions } from '#local/server';
import { registerDemoOfficials } from '#local/officials';
import { loadDemoCatalog } from '#local/seed';
import { startLocalStore, type LocalStore } from '#local/stack';
import { startStatsStore } from '#local/stats-store';

export type TestApi = {
  url: string;
  store: LocalStore;
  request: (method: string, path: string, init?: { body?: unknown; raw?: string | Buffer; headers?: Record<string, string> }) => Promise<{ status: number; headers: Headers; json: any; text: string }>;
  close: () => Promise<void>;
  /** With `auth: true`: the in-process OpenID provider that signs officials in. */
  oidc?: LocalOidc;
};

/**
 * `auth: true` mounts the local OpenID provider under /oidc and verifies bearer tokens like `npm start`;
 * `stats: true` starts the in-memory stats store (S3) that the job publishes to and /stats/… reads from.
 */
export async function startTestApi(options: Partial<ServerOptions> & { seedHistory?: boolean; auth?: boolean; stats?: boolean } = {}): Promise<TestApi> {
  const store = await startLocalStore({ persist: false, seed: options.seedHistory ?? false });
  const stats = options.stats ? await startStatsStore({ persist: false }) : undefined;
  if (!options.seedHistory) await importCatalog(await loadDemoCatalog());
  // The issuer needs the port, known only once listening: the mount and verifier are bound after.
  let signIn: Awaited<ReturnType<typeof startLocalSignIn>> | undefined;
  const auth: Partial<ServerOptions> = options.auth
    ? { authenticate: (header) => signIn!.authenticate(header), mounts: [(req, res) => signIn?.oidc.mount(req, res) ?? false, ...(options.mounts ?? [])] }
    : {};
  const { server, url } = await startServer(0, { ...options, ...auth });
  if (options.auth) {
    signIn = await startLocalSignIn(url);
    // As `npm start` does: the demo officials are in the directory the inbox assigns from.
    await registerDemoOfficials(signIn.oidc.officials, new Date());
  }
  return {
    url,
    store,
    oidc: signIn?.oidc,
    async request(method, path, init = {}) {
      const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
      const response = await fetch(url + path, {
        method,
        headers: { ...(body !== undefined && init.raw === undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
        body: body as string | undefined,
      });
      const text = await response.text();
      let json: any;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: response.status, headers: response.headers, json, text };
    },
    async close() {
      await new Promise<void>((resolve) => {
        (server as Server).close(() => resolve());
        (server as Server).closeAllConnections();
      });
      await store.close();
      await stats?.close();
    },
  };
}
