/**
 * One multi-page build: every `kiosk/*.html` is an entry, so a page added by another team
 * (inbox.html, stats.html) is picked up without touching this file. Each page ships only the code
 * it imports; shared pieces (i18n, language toggle, styles) live in `src/common/`.
 */
import { join } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { KIOSK_ROOT, pageEntries } from './entries.ts';

export default defineConfig({
  root: KIOSK_ROOT,
  base: '/',
  publicDir: 'public',
  logLevel: 'warn',
  plugins: [preact({ devtoolsInProd: false, prefreshEnabled: false })],
  build: {
    outDir: join(KIOSK_ROOT, 'dist'),
    emptyOutDir: true,
    target: 'es2020',
    // Small pages: inline nothing (CSP forbids inline scripts), keep one CSS file per page.
    assetsInlineLimit: 0,
    // No preload helper in the pages: lazily loaded steps are fetched right after first render anyway.
    modulePreload: false,
    rollupOptions: { input: pageEntries() },
  },
});
