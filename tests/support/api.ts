/**
 * A real local stack for API tests: in-memory dynalite, the table, the demo catalog, and the HTTP
 * server with the adapter in front of the real handlers. No mocks.
 */
import type { Server } from 'node:http';
import { importCatalog } from '#functions/lib/importer';
import { startServer, type ServerOptions } from '#local/server';
import { loadDemoCatalog } from '#local/seed';
import { startLocalStore, type LocalStore } from '#local/stack';

export type TestApi = {
  url: string;
  store: LocalStore;
  request: (method: string, path: string, init?: { body?: unknown; raw?: string | Buffer; headers?: Record<string, string> }) => Promise<{ status: number; headers: Headers; json: any; text: string }>;
  close: () => Promise<void>;
};

export async function startTestApi(options: Partial<ServerOptions> & { seedHistory?: boolean } = {}): Promise<TestApi> {
  const store = await startLocalStore({ persist: false, seed: options.seedHistory ?? false });
  if (!options.seedHistory) await importCatalog(await loadDemoCatalog());
  const { server, url } = await startServer(0, { dataDir: '.test-data', ...options });
  return {
    url,
    store,
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
    },
  };
}
