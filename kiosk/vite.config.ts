/**
 * One multi-page build: every `kiosk/*.html` is an entry, so a page added by another team
 * (inbox.html, stats.html) is picked up without touching this file. Each page ships only the code
 * it imports; shared pieces (i18n, language toggle, styles) live in `src/common/`.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export const KIOSK_ROOT = dirname(fileURLToPath(import.meta.url));
export const DIST = join(KIOSK_ROOT, 'dist');

/** `{ kiosk: '/…/kiosk/kiosk.html', … }` for every HTML file at the root of kiosk/. */
export function pageEntries(root = KIOSK_ROOT): Record<string, string> {
  return Object.fromEntries(
    readdirSync(root)
      .filter((file) => file.endsWith('.html'))
      .map((file) => [file.slice(0, -'.html'.length), resolve(root, file)]),
  );
}

export default defineConfig({
  root: KIOSK_ROOT,
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  plugins: [preact({ devtoolsInProd: false, prefreshEnabled: false })],
  build: {
    outDir: DIST,
    emptyOutDir: true,
    target: 'es2020',
    // Small pages: inline nothing (CSP forbids inline scripts), keep one CSS file per page.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: { input: pageEntries() },
  },
});
