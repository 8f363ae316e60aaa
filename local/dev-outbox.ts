/**
 * `/dev/outbox` (local only): the SMS and e-mails the delivery job "sent", read from the files it
 * wrote under DATA_DIR/outbox, newest first. Text is escaped: messages quote citizens' words.
 */
import { readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { SECURITY_HEADERS } from '#shared/pages';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function devOutboxMount(outboxDir: string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/$/, '');
    if (path !== '/dev/outbox' && path !== '/dev/outbox.json') return false;
    const names = (await readdir(outboxDir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort().reverse().slice(0, 200);
    const messages = await Promise.all(names.map(async (name) => JSON.parse(await readFile(join(outboxDir, name), 'utf8')) as Record<string, string>));
    if (path.endsWith('.json')) {
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ messages }));
      return true;
    }
    const rows = messages
      .map(
        (m) => `<article><h2>${m.channel === 'sms' ? 'SMS' : 'E-mail'} → ${escapeHtml(m.to ?? '')}</h2><p><small>${escapeHtml(m.sentAt ?? '')} · ${escapeHtml(m.ref ?? '')}</small></p>${
          m.subject ? `<p><strong>${escapeHtml(m.subject)}</strong></p>` : ''
        }<pre>${escapeHtml(m.text ?? '')}</pre></article>`,
      )
      .join('\n');
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Hộp thư đi (local) — Góp Ý</title>
<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}article{border-bottom:1px solid #ccc;padding:.5rem 0}pre{white-space:pre-wrap;background:#f5f5f5;padding:.5rem}</style></head>
<body><main><h1>Hộp thư đi <small lang="en">(local outbox)</small></h1><p>${messages.length} tin đã gửi qua kênh tệp (${escapeHtml(outboxDir)}).</p>${rows || '<p>Chưa có tin nào.</p>'}</main></body></html>`);
    return true;
  };
}
