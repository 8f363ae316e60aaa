/**
 * The posters scan: each SVG poster is rendered by Chromium at print-like resolution and its QR code
 * decoded with jsQR (an independent decoder) to the counter's URL. The PDF draws the same layout.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { posterSvg, type PaperSize } from '../../scripts/poster.ts';
import { launchChromium } from '../support/browser.ts';
import { decodeQr } from '../support/qr-decode.ts';

const counter = { id: 'bt-quay-01', name: 'Quầy 1 — Hộ tịch, chứng thực (phường Bến Thành)', department: { name: 'UBND phường Bến Thành' }, phone: '028 3822 6688' };
const url = 'https://gopy.example.gov.vn/q/bt-quay-01';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

test.each(['A4', 'A5'] as PaperSize[])('the %s poster’s QR code decodes to the counter’s page', async (paper) => {
  // Arrange: about 100 dpi, a phone camera sees far more than that from a metre away.
  const svg = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(posterSvg(counter, url, paper))}`;

  // Act
  const decoded = await decodeQr(browser, svg, paper === 'A4' ? 830 : 590);

  // Assert
  expect(decoded).toBe(url);
});
