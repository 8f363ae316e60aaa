/** Decodes a QR code from an image with jsQR (an independent decoder), inside a Chromium page. */
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';

const jsQrPath = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js');

/** Draws `dataUrl` (PNG, SVG…) `width` pixels wide on white and returns the text of its QR code, or null. */
export async function decodeQr(browser: Browser, dataUrl: string, width?: number): Promise<string | null> {
  const page = await browser.newPage();
  try {
    await page.setContent('<canvas id="c"></canvas>');
    await page.addScriptTag({ path: jsQrPath });
    return await page.evaluate(
      async ({ dataUrl, width }) => {
        const image = new Image();
        image.src = dataUrl;
        await image.decode();
        const canvas = document.getElementById('c') as HTMLCanvasElement;
        canvas.width = width ?? image.naturalWidth;
        canvas.height = Math.round((canvas.width * image.naturalHeight) / image.naturalWidth);
        const context = canvas.getContext('2d')!;
        context.fillStyle = '#fff';
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
        const found = (window as unknown as { jsQR: (data: Uint8ClampedArray, w: number, h: number) => { data: string } | null }).jsQR(pixels.data, pixels.width, pixels.height);
        return found?.data ?? null;
      },
      { dataUrl, width },
    );
  } finally {
    await page.close();
  }
}
