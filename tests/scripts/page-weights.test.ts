import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ensurePagesBuilt } from '#local/pages';
import { BUDGETS, firstRenderFiles, pageWeights } from '../../scripts/page-weights.ts';

test('first render follows HTML scripts, styles and static imports, not import()', () => {
  const dist = mkdtempSync(join(tmpdir(), 'weights-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'p.html'), '<script type="module" src="/assets/p.js"></script><link rel="stylesheet" href="/assets/p.css">');
  writeFileSync(join(dist, 'assets/p.js'), 'import{a}from"./shared.js";import"./side.js";const later=()=>import("./lazy.js");');
  writeFileSync(join(dist, 'assets/shared.js'), 'export const a=1;export*from"./deep.js"');
  for (const file of ['p.css', 'side.js', 'lazy.js', 'deep.js']) writeFileSync(join(dist, 'assets', file), '');

  expect(firstRenderFiles(dist, 'p.html').sort()).toEqual(['assets/deep.js', 'assets/p.css', 'assets/p.js', 'assets/shared.js', 'assets/side.js', 'p.html']);
});

test('the built QR page and kiosk are within their gzip budgets', async () => {
  await ensurePagesBuilt({ quiet: true });

  const weights = pageWeights('kiosk/dist');

  for (const page of Object.keys(BUDGETS)) {
    const weight = weights.find((w) => w.page === page);
    expect(weight?.built, page).toBe(true);
    if (weight?.built) expect(weight.gzip, `${page}: ${weight.gzip} bytes gzip`).toBeLessThanOrEqual(BUDGETS[page]!);
  }
});
