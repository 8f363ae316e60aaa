/**
 * The kiosk fits its tablet: on a 1280×800 landscape and an 800×1280 portrait screen, in normal and
 * in large text, every control of every step is on screen without scrolling (the send and done
 * buttons above all), targets are at least 24 px (WCAG 2.2 AA 2.5.8), and the large-text toggle
 * says it is on. Chromium against the real local stack.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousA11yViolations, startBrowserStack, type BrowserStack } from '../support/browser.ts';

let stack: BrowserStack;
beforeAll(async () => {
  stack = await startBrowserStack();
});
afterAll(() => stack?.close());

const SCREENS = { landscape: { width: 1280, height: 800 }, portrait: { width: 800, height: 1280 } };
const CASES = (['landscape', 'portrait'] as const).flatMap((screen) => [false, true].map((large) => ({ screen, large })));

/** Controls whose box lies outside the viewport (the page must not need scrolling for them), or under 24 px. */
async function offScreen(page: Page, controls: Locator[]): Promise<string[]> {
  const { width, height } = page.viewportSize()!;
  const problems: string[] = [];
  for (const control of controls) {
    const name = String(control).replace(/^Locator@/, '');
    await control.waitFor();
    const box = await control.boundingBox();
    if (!box) problems.push(`${name}: not rendered`);
    else if (box.x < 0 || box.y < 0 || box.x + box.width > width + 0.5 || box.y + box.height > height + 0.5) problems.push(`${name}: ${JSON.stringify(box)}`);
    else if (box.width < 24 || box.height < 24) problems.push(`${name}: smaller than 24 px ${JSON.stringify(box)}`);
  }
  const scrolled = await page.evaluate(() => scrollY);
  if (scrolled) problems.push(`page scrolled by ${scrolled} px`);
  return problems;
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

test.each(CASES)('every control of every step is on screen: $screen, large text $large', async ({ screen, large }) => {
  // Arrange: a fresh tablet; a short quiet period so the idle question comes on the thank-you screen.
  const page = await stack.newPage({ viewport: SCREENS[screen], hasTouch: true });
  await page.goto(`${stack.url}/kiosk?counter=stp-quay-02&idle=4`);
  await page.getByText('Quầy 02 — Sở Tư pháp').waitFor();
  const toggle = button(page, 'Chữ to');
  if (large) await toggle.click();

  // The toggle says whether it is on, in words for assistive technology and with a mark on screen.
  expect(await toggle.getAttribute('aria-pressed')).toBe(String(large));
  const mark = await toggle.evaluate((el) => getComputedStyle(el, '::before').content);
  expect(mark).toBe(large ? '"✓" / ""' : 'none');

  // Faces: in landscape a row, each label centred under its face; in portrait five wide rows, each
  // label beside its face, centred on it.
  const faces = page.locator('.face');
  expect(await faces.count()).toBe(5);
  const problems = await offScreen(page, [toggle, button(page, 'English'), ...(await faces.all()), button(page, 'Chỉ gửi ý kiến, không chấm điểm')]);
  for (const face of await faces.all()) {
    const icon = (await face.locator('svg').boundingBox())!;
    const label = (await face.locator('span').boundingBox())!;
    if (screen === 'landscape') {
      expect(label.y, 'label under its face').toBeGreaterThanOrEqual(icon.y + icon.height - 1);
      expect(Math.abs(label.x + label.width / 2 - (icon.x + icon.width / 2)), 'label centred under its face').toBeLessThan(2);
    } else {
      expect(label.x, 'label beside its face').toBeGreaterThanOrEqual(icon.x + icon.width - 1);
      expect(Math.abs(label.y + label.height / 2 - (icon.y + icon.height / 2)), 'label centred beside its face').toBeLessThan(2);
    }
  }
  const boxes = await Promise.all((await faces.all()).map((f) => f.boundingBox()));
  const sameTop = boxes.every((b) => Math.abs(b!.y - boxes[0]!.y) < 1);
  const sameLeft = boxes.every((b) => Math.abs(b!.x - boxes[0]!.x) < 1);
  expect(sameTop || sameLeft, 'faces in one row or one column').toBe(true);
  if (screen === 'portrait') expect(Math.max(...boxes.map((b) => b!.width)), 'portrait faces use the width').toBeGreaterThan(SCREENS.portrait.width * 0.6);

  // Reasons, procedure, dossier.
  await button(page, 'Hài lòng').click();
  problems.push(
    ...(await offScreen(page, [
      ...(await page.locator('.chip').all()),
      page.locator('#procedure-search'),
      page.locator('#procedure'),
      page.locator('#dossier'),
      button(page, 'Quét mã'),
      button(page, 'Gửi'),
      button(page, 'Viết thêm ý kiến'),
      button(page, '← Quay lại'),
    ])),
  );

  // Comment.
  await button(page, 'Viết thêm ý kiến').click();
  problems.push(...(await offScreen(page, [page.locator('#comment'), button(page, 'Gửi'), button(page, 'Tôi muốn được trả lời'), button(page, '← Quay lại')])));
  await page.locator('#comment').fill('Quầy làm việc đúng giờ, cán bộ hướng dẫn rõ ràng.');

  // Contact form and consent.
  await button(page, 'Tôi muốn được trả lời').click();
  problems.push(
    ...(await offScreen(page, [
      page.locator('#contact-name'),
      page.locator('#contact-phone'),
      page.locator('#contact-address'),
      page.locator('#contact-email'),
      page.locator('#consent'),
      page.locator('label[for=consent]'),
      page.locator('#allow-publication'),
      button(page, 'Gửi phản ánh'),
      button(page, 'Bỏ qua, gửi không cần trả lời'),
      button(page, '← Quay lại'),
    ])),
  );
  await page.locator('#contact-name').fill('Trần Văn Bình');
  await page.locator('#contact-phone').fill('0912 345 678');
  await page.locator('#consent').check();
  expect(await seriousA11yViolations(page)).toEqual([]);

  // Thank-you screen, then the idle question over it.
  await button(page, 'Gửi phản ánh').click();
  await page.getByTestId('tracking-code').waitFor();
  problems.push(...(await offScreen(page, [button(page, 'Xong'), page.getByRole('img', { name: /Mã QR/ })])));
  await page.getByRole('alertdialog').waitFor({ timeout: 15_000 });
  problems.push(...(await offScreen(page, [page.getByRole('alertdialog'), button(page, 'Tôi vẫn đang dùng'), button(page, 'Làm lại từ đầu')])));

  expect(problems).toEqual([]);
}, 120_000);
