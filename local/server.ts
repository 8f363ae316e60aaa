/** The local HTTP server: /api/* through the adapter, the built pages and the published statistics as static files. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch, type AdapterOptions } from './adapter.ts';
import { serveStatic } from './static.ts';

/** API Gateway refuses bodies over 10 MB; we stop reading at 1 MB (the handlers' own limit is 64 KB). */
const MAX_READ_BYTES = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_READ_BYTES) {
        resolve('too-large');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export type ServerOptions = AdapterOptions & {
  /** Extra handlers (OIDC provider, dev pages) tried before static files; return true when handled. */
  mounts?: ((req: IncomingMessage, res: ServerResponse) => Promise<boolean> | boolean)[];
};

async function handle(req: IncomingMessage, res: ServerResponse, options: ServerOptions) {
  const url = req.url ?? '/';
  if (url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')) {
    const body = await readBody(req);
    if (body === 'too-large') {
      res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
      res.end(JSON.stringify({ error: { code: 'payload_too_large', message: 'Request body is larger than 64 KB' } }));
      return;
    }
    const response = await dispatch(
      { method: req.method ?? 'GET', url, headers: req.headers, body, sourceIp: req.socket.remoteAddress ?? '127.0.0.1' },
      options,
    );
    res.writeHead(response.statusCode, response.headers);
    res.end(req.method === 'HEAD' ? undefined : response.body);
    return;
  }
  for (const mount of options.mounts ?? []) if (await mount(req, res)) return;
  await serveStatic(req, res);
}

export async function startServer(port: number, options: ServerOptions): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    handle(req, res, options).catch((error) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: { code: 'internal', message: 'Internal server error' } }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, resolve);
  });
  const address = server.address() as AddressInfo;
  return { server, url: `http://localhost:${address.port}` };
}
