import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadDemoCatalog } from '#local/seed';
import { fontRuns, posterLayout, posterPdf, posterSvg } from '../../scripts/poster.ts';

const counter = { id: 'bt-quay-01', name: 'Quầy 1 — Hộ tịch, chứng thực (phường Bến Thành)', department: { name: 'UBND phường Bến Thành' } };
const url = 'https://gopy.example.gov.vn/q/bt-quay-01';

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('QR posters', () => {
  test('every character on every demo poster has a glyph in the embedded Noto Sans subsets', async () => {
    const catalog = await loadDemoCatalog();
    const texts = catalog.counters.flatMap((c) =>
      posterLayout({ id: c.id, name: c.name, department: { name: catalog.departments.find((d) => d.id === c.departmentId)!.name } }, url).flatMap((item) =>
        item.kind === 'text' ? [{ text: item.text, bold: item.bold }] : [],
      ),
    );

    const missing = texts.flatMap(({ text, bold }) => fontRuns(text, bold).missing);

    expect(texts.length).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  test('Vietnamese letters are drawn from the subset that has them', () => {
    const { runs } = fontRuns('Quầy đặt', false);

    expect(runs.map((run) => run.text).join('')).toBe('Quầy đặt');
    expect(new Set(runs.map((run) => run.font))).toEqual(new Set(['noto-latin-regular', 'noto-vietnamese-regular']));
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
