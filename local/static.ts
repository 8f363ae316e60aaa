/**
 * Static files: the built pages (kiosk/dist) by route, and published files under DATA_DIR/public
 * (statistics). In AWS, CloudFront + S3 do this with the same paths and headers.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { PAGE_ROUTES, SECURITY_HEADERS } from '#shared/pages';

const DIST = resolve('kiosk/dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

async function sendFile(res: ServerResponse, file: string, cache: string, head: boolean): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return false;
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': String(info.size),
    'cache-control': cache,
  });
  if (head) res.end();
  else createReadStream(file).pipe(res);
  return true;
}

/** Resolves `relative` inside `root`, refusing anything that escapes it. */
function inside(root: string, relative: string): string | undefined {
  const full = normalize(join(root, relative));
  return full.startsWith(root + '/') || full === root ? full : undefined;
}

export async function serveStatic(req: IncomingMessage, res: ServerResponse, dataDir: string): Promise<void> {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  const head = req.method === 'HEAD';
  const page = PAGE_ROUTES.find((route) => route.match.test(path));
  if (page && (await sendFile(res, join(DIST, page.file), 'no-cache', head))) return;
  const published = path.startsWith('/stats/') ? inside(join(dataDir, 'public'), path) : undefined;
  if (published && (await sendFile(res, published, 'public, max-age=300', head))) return;
  const asset = inside(DIST, path);
  if (asset && path.startsWith('/assets/') && (await sendFile(res, asset, 'public, max-age=31536000, immutable', head))) return;
  if (asset && !path.endsWith('/') && (await sendFile(res, asset, 'public, max-age=3600', head))) return;
  // The styled, phone-ready page (kiosk/404.html); the plain line only if the pages are not built.
  const notFound = await readFile(join(DIST, '404.html'), 'utf8').catch(() => undefined);
  res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
  if (notFound) return void res.end(head ? undefined : notFound);
  res.end('<!doctype html><html lang="vi"><meta charset="utf-8"><title>Không tìm thấy trang</title><h1>Không tìm thấy trang</h1><p>Page not found. <a href="/">Trang chủ</a></p></html>');
}
