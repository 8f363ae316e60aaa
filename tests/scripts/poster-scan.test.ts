/**
 * The posters scan: each SVG poster is rendered by Chromium at print-like resolution and its QR code
 * decoded with jsQR (an independent decoder) to the counter's URL. The PDF draws the same layout.
 */
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { posterSvg, type PaperSize } from '../../scripts/poster.ts';
import { launchChromium } from '../support/browser.ts';

const counter = { id: 'bt-quay-01', name: 'Quầy 1 — Hộ tịch, chứng thực (phường Bến Thành)', department: { name: 'UBND phường Bến Thành' } };
const url = 'https://gopy.example.gov.vn/q/bt-quay-01';
const jsQrPath = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/** Renders the SVG at `width` pixels and returns what jsQR reads from it (null: no code found). */
async function scan(svg: string, width: number): Promise<string | null> {
  const page = await browser.newPage();
  try {
    await page.setContent('<canvas id="c"></canvas>');
    await page.addScriptTag({ path: jsQrPath });
    return await page.evaluate(
      async ({ svg, width }) => {
        const image = new Image();
        image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
        await image.decode();
        const canvas = document.getElementById('c') as HTMLCanvasElement;
        canvas.width = width;
        canvas.height = Math.round((width * image.naturalHeight) / image.naturalWidth);
        const context = canvas.getContext('2d')!;
        context.fillStyle = '#fff';
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
        const found = (window as unknown as { jsQR: (data: Uint8ClampedArray, w: number, h: number) => { data: string } | null }).jsQR(pixels.data, pixels.width, pixels.height);
        return found?.data ?? null;
      },
      { svg, width },
    );
  } finally {
    await page.close();
  }
}

test.each(['A4', 'A5'] as PaperSize[])('the %s poster’s QR code decodes to the counter’s page', async (paper) => {
  // Arrange: about 100 dpi, a phone camera sees far more than that from a metre away.
  const svg = posterSvg(counter, url, paper);

  // Act
  const decoded = await scan(svg, paper === 'A4' ? 830 : 590);

  // Assert
  expect(decoded).toBe(url);
});
