/**
 * The public statistics page against objects published by the real job from demo history (the local
 * stats store, S3): opens /stats, switches month, and finds the month file's figures on the page.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { defaultStatsOutput } from '#functions/lib/stats-output';
import { publishStats } from '#functions/publish-stats';
import type { PublishedMonth } from '#shared/stats/publication';
import { addMonths, localMonthOf } from '#shared/time';
import { seriousA11yViolations, startBrowserStack, type BrowserStack } from '../support/browser.ts';

let stack: BrowserStack;
const current = localMonthOf(new Date());
const previous = addMonths(current, -1);

beforeAll(async () => {
  stack = await startBrowserStack({ seedHistory: true, stats: true });
  await publishStats([addMonths(current, -2), previous, current], { output: defaultStatsOutput(), now: new Date() });
});
afterAll(async () => {
  await stack?.close();
});

const monthFile = async (month: string) => JSON.parse((await defaultStatsOutput().read(`${month}.json`))!) as PublishedMonth;
const label = (month: string) => `Tháng ${Number(month.slice(5))}/${month.slice(0, 4)}`;
const percent = (rate: number | null) => (rate === null ? '—' : new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 }).format(rate));

test('opens on the newest month, switches month, and shows the published figures', async () => {
  const page = await stack.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));

  await page.goto(stack.url + '/stats');
  await expect.poll(() => page.locator('#headline').textContent()).toContain(label(current));

  await page.selectOption('#month', previous);
  await expect.poll(() => page.locator('#headline').textContent()).toContain(label(previous));
  expect(new URL(page.url()).searchParams.get('month')).toBe(previous);

  const stats = await monthFile(previous);
  const { totals } = stats;
  const shown = await page.locator('.figures dd .value').allTextContents();
  expect(shown).toEqual([
    String(totals.received),
    String(totals.answered),
    percent(totals.onTimeRate),
    String(totals.medianResponseWorkingDays ?? '—'),
    String(totals.p90ResponseWorkingDays ?? '—'),
    percent(totals.satisfactionRate),
    String(totals.openOverdue),
  ]);
  for (const department of stats.departments) {
    const row = page.locator(`tr[data-department="${department.id}"]`);
    await expect.poll(() => row.locator('td[data-col="received"]').textContent()).toBe(String(department.received));
    expect(await row.locator('td[data-col="onTimeRate"]').textContent()).toBe(percent(department.onTimeRate));
  }
  // Zero table reads: the page only fetched static files.
  expect(requests.filter((path) => path.startsWith('/api/'))).toEqual([]);
  expect(requests).toContain(`/stats/${previous}.json`);
});

test('sorts the table, switches to English, and has no serious accessibility problems', async () => {
  const page = await stack.newPage();
  await page.goto(`${stack.url}/stats?month=${previous}`);
  await page.locator('table.departments').waitFor();

  await page.getByRole('button', { name: 'Sắp xếp theo Tiếp nhận' }).click();
  const received = (await page.locator('table.departments tbody:first-of-type td[data-col="received"]').allTextContents()).map(Number);
  expect(received).toEqual([...received].sort((a, b) => b - a));
  expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('Tiếp nhận');

  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'English' }).click();
  await expect.poll(() => page.locator('h1').textContent()).toBe('Petition and feedback handling statistics');
});

test('lists published answers ten at a time, continues at the first new one, and searches them all', async () => {
  // The published month with the most answers (the demo history answers dozens a month).
  const months = [addMonths(current, -2), previous, current];
  const files = await Promise.all(months.map(monthFile));
  const stats = files.reduce((a, b) => (b.answers.length > a.answers.length ? b : a));
  expect(stats.answers.length).toBeGreaterThan(10);
  const page = await stack.newPage();
  await page.goto(`${stack.url}/stats?month=${stats.month}`);
  // The section below the summary is drawn as the reader scrolls near it.
  await page.locator('#answers').scrollIntoViewIfNeeded();
  const items = page.locator('ol.answers > li');
  await expect.poll(() => items.count()).toBe(10);

  await page.getByRole('button', { name: /Xem thêm \d+ trả lời/ }).click();

  await expect.poll(() => items.count()).toBe(Math.min(20, stats.answers.length));
  await expect.poll(() => page.evaluate(() => document.activeElement === document.querySelectorAll('ol.answers > li')[10])).toBe(true);
  const target = stats.answers.at(-1)!;
  await page.fill('#answer-search', target.question.slice(0, 30));
  await expect.poll(() => page.locator('ol.answers').textContent()).toContain(target.answer);
  expect(await items.count()).toBeLessThanOrEqual(10);
});

test('shows every column of the ranking, backlog included, without sideways scrolling on a 1440 px screen', async () => {
  const page = await stack.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${stack.url}/stats?month=${previous}`);
  await page.locator('table.departments').waitFor();

  const overflow = await page.locator('.scroll', { has: page.locator('table.departments') }).evaluate((element) => element.scrollWidth - element.clientWidth);
  const stats = await monthFile(previous);

  expect(overflow).toBe(0);
  for (const department of stats.departments) {
    const row = page.locator(`tr[data-department="${department.id}"]`);
    expect(await row.locator('td[data-col="openAtEnd"]').textContent()).toBe(String(department.openAtEnd));
    expect(await row.locator('td[data-col="rankingRate"]').textContent()).toBe(percent(department.rankingRate));
  }
});

test('on a 360 px phone every chart label is drawn at 12 px or more, and the charts wait below the fold until scrolled near', async () => {
  const page = await stack.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  await page.goto(`${stack.url}/stats?month=${previous}`);
  await page.locator('#headline').waitFor();
  await expect(page.locator('.chart').count()).resolves.toBe(0);

  await page.locator('#charts').scrollIntoViewIfNeeded();
  await expect.poll(() => page.locator('.chart svg text').count()).toBeGreaterThan(10);
  // The size a reader sees: the computed font size times the SVG's scale on screen.
  const sizes = await page.locator('.chart svg text').evaluateAll((texts) =>
    texts.map((text) => {
      const scale = (text as SVGTextElement).getScreenCTM()!.a;
      return { label: text.textContent, px: parseFloat(getComputedStyle(text).fontSize) * scale };
    }),
  );

  expect(sizes.filter((size) => size.px < 12)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
});

test('on a phone, the first Tab draws every section below the summary, so the keyboard reaches them all', async () => {
  const page = await stack.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  await page.goto(`${stack.url}/stats?month=${previous}`);
  await page.locator('#headline').waitFor();
  await expect(page.locator('table.departments, ol.answers, .definitions').count()).resolves.toBe(0);

  await page.keyboard.press('Tab');

  await expect.poll(() => page.locator('table.departments').count()).toBe(1);
  await expect.poll(() => page.locator('.definitions').count()).toBe(1);
  await expect.poll(() => page.locator('#answer-search').count()).toBe(1);
});
