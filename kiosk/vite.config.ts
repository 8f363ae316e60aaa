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
  // `vite build` is always a production bundle (local/pages.ts sets NODE_ENV for builds started
  // from tests); no devtools or debug hooks in the pages either way.
  plugins: [preact({ devtoolsInProd: false, devToolsEnabled: false, prefreshEnabled: false })],
  build: {
    outDir: join(KIOSK_ROOT, 'dist'),
    emptyOutDir: true,
    target: 'es2020',
    // Small pages: inline nothing (CSP forbids inline scripts), keep one CSS file per page.
    assetsInlineLimit: 0,
    // Static imports are preloaded from the HTML (no extra round trip); no polyfill needed.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: pageEntries(),
      output: {
        // Fewer, larger shared chunks: each file costs a request and its own gzip dictionary,
        // which matters for the QR page's one-round-trip budget.
        codeSplitting: {
          groups: [
            { name: 'framework', test: /node_modules[\\/](preact|@preact)[\\/]|vite[\\/]preload-helper|kiosk[\\/]src[\\/]common[\\/](i18n|LangToggle|SiteHeader|api)\.tsx?$/ },
            { name: 'flow', test: /kiosk[\\/]src[\\/]common[\\/]flow[\\/](model|FlowView|Face|strings)\.tsx?$/ },
          ],
        },
      },
    },
  },
});
