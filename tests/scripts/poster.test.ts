import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadDemoCatalog } from '#local/seed';
import { hotlineOf, indexCatalog } from '#shared/catalog';
import { pdfFontSizes, pdfText } from '../support/pdf-text.ts';
import { fontRuns, MIN_FONT_PT, PAPER, posterLayout, posterPdf, posterSvg, type PaperSize } from '../../scripts/poster.ts';

const counter = { id: 'bt-quay-01', name: 'Quầy 1 — Hộ tịch, chứng thực (phường Bến Thành)', department: { name: 'UBND phường Bến Thành' }, phone: '028 3822 6688' };
const url = 'https://gopy.example.gov.vn/q/bt-quay-01';

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const PAPERS: PaperSize[] = ['A4', 'A5'];

/** Every demo counter's poster on both papers, with the number its catalog gives. */
async function demoPosters() {
  const catalog = await loadDemoCatalog();
  const departments = indexCatalog(catalog).departments;
  return catalog.counters.flatMap((c) =>
    PAPERS.map((paper) => {
      const info = { id: c.id, name: c.name, department: { name: departments.get(c.departmentId)!.name }, phone: hotlineOf(departments, c.departmentId)! };
      return { id: c.id, paper, info, items: posterLayout(info, `${url.replace(/bt-quay-01$/, '')}${c.id}`, paper) };
    }),
  );
}

describe('QR posters', () => {
  test('every character on every demo poster has a glyph in the embedded Noto Sans subsets', async () => {
    const texts = (await demoPosters()).flatMap(({ items }) => items.flatMap((item) => (item.kind === 'text' ? [{ text: item.text, bold: item.bold }] : [])));

    const missing = texts.flatMap(({ text, bold }) => fontRuns(text, bold).missing);

    expect(texts.length).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  test('Vietnamese letters are drawn from the subset that has them', () => {
    const { runs } = fontRuns('Quầy đặt', false);

    expect(runs.map((run) => run.text).join('')).toBe('Quầy đặt');
    expect(new Set(runs.map((run) => run.font))).toEqual(new Set(['noto-latin-regular', 'noto-vietnamese-regular']));
  });

  test('each paper has its own layout: no text under 9 pt, all of it on the page and above the footer', async () => {
    const posters = await demoPosters();

    for (const { id, paper, items } of posters) {
      const texts = items.flatMap((item) => (item.kind === 'text' ? [item] : []));
      const footer = items.filter((item) => item.kind === 'rect').at(-1)!;
      const qr = items.find((item) => item.kind === 'qr')!;
      expect(Math.min(...texts.map((t) => t.size)), `${id} ${paper}`).toBeGreaterThanOrEqual(MIN_FONT_PT);
      expect(footer.y + footer.h, `${id} ${paper}`).toBeCloseTo(PAPER[paper].height, 1);
      // Above the footer band: the last line's descenders stay clear of it.
      const body = texts.filter((t) => t.y < footer.y);
      expect(Math.max(...body.map((t) => t.y + t.size * 0.3)), `${id} ${paper}`).toBeLessThan(footer.y);
      expect(body.filter((t) => t.y > qr.y && t.y - t.size < qr.y + qr.size), `${id} ${paper}: text over the QR`).toEqual([]);
      expect(qr.x + qr.size, `${id} ${paper}`).toBeLessThanOrEqual(PAPER[paper].width);
    }
    // The A5 sizes are its own, not A4's scaled by 1/√2 (which gave a 6.7 pt footer).
    const footerSize = (paper: PaperSize) => posters.find((p) => p.paper === paper)!.items.flatMap((i) => (i.kind === 'text' ? [i.size] : [])).at(-1)!;
    expect(footerSize('A5') / footerSize('A4')).toBeGreaterThan(0.8);
  });

  test.each(PAPERS)('the %s SVG and PDF draw no text under 9 pt', async (paper) => {
    const svg = posterSvg(counter, url, paper);
    const pdf = await posterPdf(counter, url, paper);

    const svgSizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
    const pdfSizes = pdfFontSizes(pdf);
    expect(svgSizes.length).toBeGreaterThan(10);
    expect(pdfSizes.length).toBeGreaterThanOrEqual(svgSizes.length);
    expect(Math.min(...svgSizes)).toBeGreaterThanOrEqual(MIN_FONT_PT);
    expect(Math.min(...pdfSizes)).toBeGreaterThanOrEqual(MIN_FONT_PT);
    // Drawn at paper size: the SVG's user unit is the point, and the PDF page is not scaled.
    expect(svg).toContain(`viewBox="0 0 ${PAPER[paper].width} ${PAPER[paper].height}"`);
    expect(pdf.toString('latin1')).toContain(`/MediaBox [0 0 ${PAPER[paper].width} ${PAPER[paper].height}]`);
    expect(pdfText(pdf)).not.toMatch(/\uFFFD/);
  });

  test.each(PAPERS)('the %s poster gives a number to call without a smartphone, Vietnamese first', async (paper) => {
    const svg = posterSvg(counter, url, paper);
    const pdf = pdfText(await posterPdf(counter, url, paper)).replace(/\s+/g, ' ');

    for (const text of [svg, pdf]) {
      const vi = text.indexOf('Không có điện thoại thông minh? Gọi 028 3822 6688');
      expect(vi).toBeGreaterThan(0);
      expect(text.indexOf('No smartphone? Call 028 3822 6688')).toBeGreaterThan(vi);
    }
  });

  test('the SVG has the call to action, the counter, the department and the QR, at A4 and A5 size', () => {
    const a4 = posterSvg(counter, url, 'A4');
    const a5 = posterSvg(counter, url, 'A5');

    expect(a4).toContain('Quét mã QR bằng điện thoại để đánh giá');
    expect(a4).toContain('Quầy 1 — Hộ tịch, chứng thực');
    expect(a4).toContain('UBND phường Bến Thành');
    expect(a4).toContain('gopy.example.gov.vn/q/bt-quay-01');
    expect(a4).toMatch(/width="595\.28pt" height="841\.89pt"/);
    expect(a5).toMatch(/width="419\.53pt" height="595\.28pt"/);
  });

  test('the PDF embeds its fonts and its text extracts with correct diacritics', async () => {
    const pdf = await posterPdf(counter, url, 'A5');

    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/FontFile2');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 419\.53 595\.28\]/);
    if (!hasPdftotext()) return; // poppler-utils is optional; the glyph coverage test above still holds
    const file = join(mkdtempSync(join(tmpdir(), 'poster-')), 'a5.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Ông/Bà hài lòng với sự phục vụ hôm nay?');
    expect(text).toContain('Quầy 1 — Hộ tịch, chứng thực (phường Bến Thành)');
    expect(text).toContain('Nghị định 13/2023/NĐ-CP');
  });
});
