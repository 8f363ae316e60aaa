import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ensurePagesBuilt } from '#local/pages';
import { BUDGETS, firstRenderFiles, ONE_ROUND_TRIP, pageWeights } from '../../scripts/page-weights.ts';

test('first render follows HTML scripts, styles and static imports, not import()', () => {
  const dist = mkdtempSync(join(tmpdir(), 'weights-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'p.html'), '<script type="module" src="/assets/p.js"></script><link rel="stylesheet" href="/assets/p.css">');
  writeFileSync(join(dist, 'assets/p.js'), 'import{a}from"./shared.js";import"./side.js";const later=()=>import("./lazy.js");');
  writeFileSync(join(dist, 'assets/shared.js'), 'export const a=1;export*from"./deep.js"');
  for (const file of ['p.css', 'side.js', 'lazy.js', 'deep.js']) writeFileSync(join(dist, 'assets', file), '');

  expect(firstRenderFiles(dist, 'p.html').sort()).toEqual(['assets/deep.js', 'assets/p.css', 'assets/p.js', 'assets/shared.js', 'assets/side.js', 'p.html']);
});

test('the pages citizens open on a phone (QR page, tracking page) have the one-round-trip budget', () => {
  expect(BUDGETS['q.html']).toBe(ONE_ROUND_TRIP);
  expect(BUDGETS['track.html']).toBe(ONE_ROUND_TRIP);
  expect(ONE_ROUND_TRIP).toBe(14_336);
});

test('the built QR page, tracking page and kiosk are within their gzip budgets', async () => {
  await ensurePagesBuilt({ quiet: true });

  const weights = pageWeights('kiosk/dist');

  for (const page of Object.keys(BUDGETS)) {
    const weight = weights.find((w) => w.page === page);
    expect(weight?.built, page).toBe(true);
    if (weight?.built) expect(weight.gzip, `${page}: ${weight.gzip} bytes gzip`).toBeLessThanOrEqual(BUDGETS[page]!);
  }
});

test("the tracking page's first render leaves the record view and its forms to import()", async () => {
  await ensurePagesBuilt({ quiet: true });

  const firstRender = firstRenderFiles('kiosk/dist', 'track.html')
    .map((file) => readFileSync(join('kiosk/dist', file), 'utf8'))
    .join('\n');

  expect(firstRender).toContain('Tra cứu kết quả xử lý'); // the shell's title
  // One string of each view loaded later: the record's facts, the reply form, the rating form.
  for (const later of ['Ngày tiếp nhận', 'Gửi thông tin bổ sung', 'Gửi đánh giá']) expect(firstRender).not.toContain(later);
});
