/**
 * The pages to build: every `kiosk/*.html`. A page whose module script does not exist yet (another
 * team's page half-way through) is skipped with a warning instead of breaking everyone's build;
 * `npm run build` still fails on it (scripts/page-weights.ts checks every page was built).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const KIOSK_ROOT = dirname(fileURLToPath(import.meta.url));

/** Every kiosk/*.html file name, buildable or not. */
export function pageFiles(root = KIOSK_ROOT): string[] {
  return readdirSync(root).filter((file) => file.endsWith('.html')).sort();
}

/** Local scripts a page loads, e.g. `/src/kiosk/main.tsx`. */
function scriptsOf(html: string): string[] {
  return [...html.matchAll(/<script[^>]*\ssrc="(\/[^"]+)"/g)].map((match) => match[1]!);
}

/** `{ kiosk: '/…/kiosk/kiosk.html', … }` for the pages whose scripts exist. */
export function pageEntries(root = KIOSK_ROOT, warn: (message: string) => void = console.warn): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const file of pageFiles(root)) {
    const path = join(root, file);
    const missing = scriptsOf(readFileSync(path, 'utf8')).filter((src) => !existsSync(join(root, src)));
    if (missing.length) warn(`Skipping kiosk/${file}: missing ${missing.join(', ')}`);
    else entries[file.slice(0, -'.html'.length)] = path;
  }
  return entries;
}
