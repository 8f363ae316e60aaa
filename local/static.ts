/**
 * Static files: the built pages (kiosk/dist) by route, and the published statistics at /stats/…,
 * read by GetObject from the stats bucket the job wrote (local/stats-store.ts). In AWS, CloudFront
 * + S3 do this with the same paths and headers.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { defaultStatsOutput, type StatsOutput } from '#functions/lib/stats-output';
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

/** The statistics files are flat (index.json, YYYY-MM.json|csv): a name with a slash or `..` is none of them. */
const STATS_NAME = /^\/stats\/([\w-]+\.(?:json|csv))$/;

/** One S3 client per bucket and endpoint (they change only when a test starts another store). */
let stats: { key: string; output: StatsOutput } | undefined;
function statsOutput(): StatsOutput | undefined {
  if (!process.env.STATS_BUCKET) return undefined; // no stats store in this process: /stats/… is 404
  const key = `${process.env.S3_ENDPOINT}|${process.env.STATS_BUCKET}`;
  if (stats?.key !== key) stats = { key, output: defaultStatsOutput() };
  return stats.output;
}

async function sendPublished(res: ServerResponse, path: string, head: boolean): Promise<boolean> {
  const name = STATS_NAME.exec(path)?.[1];
  const body = name ? await statsOutput()?.read(name) : undefined;
  if (body === undefined) return false;
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': TYPES[extname(name!)]!,
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'public, max-age=300',
  });
  res.end(head ? undefined : body);
  return true;
}

export async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  const head = req.method === 'HEAD';
  const page = PAGE_ROUTES.find((route) => route.match.test(path));
  if (page && (await sendFile(res, join(DIST, page.file), 'no-cache', head))) return;
  if (path.startsWith('/stats/') && (await sendPublished(res, path, head))) return;
  const asset = inside(DIST, path);
  if (asset && path.startsWith('/assets/') && (await sendFile(res, asset, 'public, max-age=31536000, immutable', head))) return;
  if (asset && !path.endsWith('/') && (await sendFile(res, asset, 'public, max-age=3600', head))) return;
  // The styled, phone-ready page (kiosk/404.html); the plain line only if the pages are not built.
  const notFound = await readFile(join(DIST, '404.html'), 'utf8').catch(() => undefined);
  res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
  if (notFound) return void res.end(head ? undefined : notFound);
  res.end('<!doctype html><html lang="vi"><meta charset="utf-8"><title>Không tìm thấy trang</title><h1>Không tìm thấy trang</h1><p>Page not found. <a href="/">Trang chủ</a></p></html>');
}
