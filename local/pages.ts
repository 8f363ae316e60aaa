/**
 * Builds the pages (kiosk/dist) when they are missing or older than their sources, so `npm start`
 * and the browser tests always serve what the sources say. Uses Vite's programmatic build with
 * the same config as `npm run build`.
 *
 * Several processes (test files run in parallel, a running `npm start`) may ask at once: a lock
 * directory lets one build while the others wait, and the build goes to a fresh folder that
 * replaces kiosk/dist in two renames, so a server never sees a half-written page.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pageEntries } from '../kiosk/entries.ts';

const KIOSK = resolve('kiosk');
const DIST = join(KIOSK, 'dist');
// Work folders live in node_modules/.cache: same file system as kiosk/dist (renames work), ignored by git.
const WORK = resolve('node_modules/.cache/gopy-pages');
const LOCK = join(WORK, 'build-lock');
const STALE_LOCK_MS = 3 * 60_000;
/** Sources outside kiosk/ that pages import (schemas, tracking codes…). */
const SOURCES = [KIOSK, resolve('shared')];
const SKIP = new Set(['dist', 'node_modules']);

function newestMtime(path: string): number {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  // Files only: a folder's own mtime also changes when kiosk/dist is swapped in.
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (SKIP.has(entry)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when every buildable kiosk/*.html has a built page newer than every source file. */
export function pagesAreFresh(): boolean {
  const built = Object.keys(pageEntries(KIOSK, () => undefined)).map((page) => join(DIST, `${page}.html`));
  if (!built.every((file) => existsSync(file))) return false;
  const oldestBuilt = Math.min(...built.map((file) => statSync(file).mtimeMs));
  return SOURCES.every((source) => newestMtime(source) <= oldestBuilt);
}

function holderIsGone(): boolean {
  try {
    process.kill(Number(readFileSync(join(LOCK, 'pid'), 'utf8')), 0);
    return false;
  } catch {
    const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    return age > 5_000; // the pid file may not be written yet
  }
}

function tryLock(): boolean {
  mkdirSync(WORK, { recursive: true });
  try {
    mkdirSync(LOCK);
    writeFileSync(join(LOCK, 'pid'), String(process.pid));
    return true;
  } catch {
    const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > STALE_LOCK_MS || holderIsGone()) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

async function buildInto(outDir: string, quiet: boolean): Promise<void> {
  const { build } = await import('vite');
  // Vite and the Preact preset decide "production" from NODE_ENV; vitest sets it to "test", which
  // would ship development builds of the libraries (and break the weight budgets).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(KIOSK, 'vite.config.ts'), mode: 'production', logLevel: quiet ? 'error' : 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/** Builds into a new folder, then swaps it in for kiosk/dist. */
export async function buildPages(options: { quiet?: boolean } = {}): Promise<void> {
  const next = join(WORK, `dist-${process.pid}-${Date.now()}`);
  await buildInto(next, options.quiet ?? false);
  const old = `${next}-old`;
  if (existsSync(DIST)) renameSync(DIST, old);
  renameSync(next, DIST);
  rmSync(old, { recursive: true, force: true });
}

let pending: Promise<void> | undefined;

/** Builds when needed; callers in this process share one build, other processes wait for the lock. */
export function ensurePagesBuilt(options: { quiet?: boolean } = {}): Promise<void> {
  pending ??= (async () => {
    while (!pagesAreFresh()) {
      if (!tryLock()) {
        await sleep(250);
        continue;
      }
      try {
        if (!pagesAreFresh()) {
          if (!options.quiet) console.log('Building pages into kiosk/dist…');
          await buildPages(options);
        }
      } finally {
        rmSync(LOCK, { recursive: true, force: true });
      }
    }
  })().finally(() => {
    pending = undefined;
  });
  return pending;
}
