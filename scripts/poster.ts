/**
 * Print-ready QR posters for a counter, A4 and A5, as SVG (editable, text as text) and PDF (exact,
 * fonts embedded). Each paper has its own layout (LAYOUTS): A5 is not A4 shrunk, which would bring the
 * footer to 6.7 pt; no text on either is under MIN_FONT_PT. Both give the number to call for people
 * without a smartphone (the catalog's hotline, shared/catalog.ts `hotlineOf`).
 *
 * Fonts: Noto Sans from @fontsource/noto-sans, which ships one file per Unicode subset. Vietnamese
 * needs three of them (latin: a, á, â…; vietnamese: ạ, ệ, ơ, ư, đ…; latin-ext for the rest), so
 * every line is split into runs, each drawn with the first subset that has its glyphs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { qrPath } from '#shared/qr';

/** `phone`: the hotline printed for people without a smartphone. */
export type PosterCounter = { id: string; name: string; department: { name: string }; phone: string };
export type PaperSize = 'A4' | 'A5';

export const PAPER: Record<PaperSize, { width: number; height: number }> = { A4: { width: 595.28, height: 841.89 }, A5: { width: 419.53, height: 595.28 } };
/** The smallest type on a poster read from a step away (the privacy footer). */
export const MIN_FONT_PT = 9;

/** Font sizes (pt) and spaces of one paper; y grows downwards. */
type Layout = {
  band: number; brand: number; tagline: number; top: number; side: number;
  question: number; scan: number; qr: number; url: number; counter: number; department: number;
  body: number; english: number; phone: number; footer: number; gap: number;
};
export const LAYOUTS: Record<PaperSize, Layout> = {
  A4: { band: 118, brand: 34, tagline: 17, top: 142, side: 40, question: 25, scan: 19, qr: 300, url: 12, counter: 22, department: 16, body: 12.5, english: 12, phone: 18, footer: 9.5, gap: 16 },
  A5: { band: 84, brand: 26, tagline: 13, top: 102, side: 26, question: 18, scan: 14, qr: 210, url: 10, counter: 16, department: 12, body: 10.5, english: 10, phone: 13.5, footer: 9, gap: 11 },
};
const BRAND = '#0b4f9c';
const INK = '#1a1a1a';
const MUTED = '#4a4a4a';

const SUBSETS = ['latin', 'vietnamese', 'latin-ext'] as const;
const fontDir = join(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans/package.json')), 'files');
const fontFile = (subset: string, bold: boolean) => join(fontDir, `noto-sans-${subset}-${bold ? 700 : 400}-normal.woff`);
const fontName = (subset: string, bold: boolean) => `noto-${subset}-${bold ? 'bold' : 'regular'}`;

/** Registers every subset on a pdfkit document (also used, unprinted, to measure text for SVG). */
function withFonts(doc: PDFKit.PDFDocument): PDFKit.PDFDocument {
  for (const subset of SUBSETS) for (const bold of [false, true]) doc.registerFont(fontName(subset, bold), readFileSync(fontFile(subset, bold)));
  return doc;
}

type Glyphs = { hasGlyphForCodePoint(codePoint: number): boolean };
const measurer = withFonts(new PDFDocument({ autoFirstPage: false }));
const coverage = new Map<string, Glyphs>();
function glyphsOf(name: string): Glyphs {
  if (!coverage.has(name)) {
    measurer.font(name);
    coverage.set(name, (measurer as unknown as { _font: { font: Glyphs } })._font.font);
  }
  return coverage.get(name)!;
}

export type Run = { text: string; font: string };

/** Splits text into runs of one font subset each; characters no subset covers are reported. */
export function fontRuns(text: string, bold: boolean): { runs: Run[]; missing: string[] } {
  const runs: Run[] = [];
  const missing: string[] = [];
  for (const char of text.normalize('NFC')) {
    const subset = SUBSETS.find((s) => glyphsOf(fontName(s, bold)).hasGlyphForCodePoint(char.codePointAt(0)!));
    if (!subset) missing.push(char);
    const font = fontName(subset ?? 'latin', bold);
    const last = runs[runs.length - 1];
    if (last?.font === font) last.text += char;
    else runs.push({ text: char, font });
  }
  return { runs, missing };
}

function widthOf(text: string, size: number, bold: boolean): number {
  return fontRuns(text, bold).runs.reduce((sum, run) => sum + measurer.font(run.font).fontSize(size).widthOfString(run.text), 0);
}

/** Greedy word wrap to `maxWidth` points. */
function wrap(text: string, size: number, bold: boolean, maxWidth: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && widthOf(candidate, size, bold) > maxWidth) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current) lines.push(current);
  return lines;
}

type Item =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string }
  | { kind: 'text'; text: string; cx: number; y: number; size: number; bold: boolean; fill: string }
  | { kind: 'qr'; x: number; y: number; size: number; modules: number; path: string };

/** The poster in points of its paper; y grows downwards, text y is the baseline. */
export function posterLayout(counter: PosterCounter, url: string, paper: PaperSize): Item[] {
  const { width, height } = PAPER[paper];
  const L = LAYOUTS[paper];
  const cx = width / 2;
  const items: Item[] = [{ kind: 'rect', x: 0, y: 0, w: width, h: L.band, fill: BRAND }];
  let y = 0;
  const block = (text: string, size: number, bold: boolean, fill: string, gapAfter: number, maxWidth = width - 2 * L.side) => {
    for (const line of wrap(text, size, bold, maxWidth)) {
      y += size * 1.25;
      items.push({ kind: 'text', text: line, cx, y, size, bold, fill });
    }
    y += gapAfter;
  };
  y = L.band * 0.12;
  block('GÓP Ý', L.brand, true, '#ffffff', 0);
  block('Đánh giá sự phục vụ · Phản ánh, kiến nghị', L.tagline, false, '#ffffff', 0);
  y = L.top;
  block('Ông/Bà hài lòng với sự phục vụ hôm nay?', L.question, true, INK, L.gap / 4, width - L.side);
  block('Quét mã QR bằng điện thoại để đánh giá', L.scan, false, BRAND, L.gap);
  const qr = qrPath(url, { quiet: 2 });
  items.push({ kind: 'qr', x: cx - L.qr / 2, y, size: L.qr, modules: qr.size, path: qr.path });
  y += L.qr + 4;
  block(url.replace(/^https?:\/\//, ''), L.url, false, MUTED, L.gap);
  block(counter.name, L.counter, true, INK, 2);
  block(counter.department.name, L.department, false, INK, L.gap);
  block('Chỉ mất 30 giây · Không cần đăng nhập · Muốn được trả lời, Ông/Bà có thể gửi phản ánh, kiến nghị và nhận mã theo dõi.', L.body, false, INK, L.gap / 2, width - 3 * L.side);
  block('Scan to rate our service. It takes 30 seconds.', L.english, false, MUTED, L.gap);
  // Not everyone has a smartphone: the same feedback by phone (Decree 20/2008, a published number).
  block(`Không có điện thoại thông minh? Gọi ${counter.phone}`, L.phone, true, INK, 0);
  block(`No smartphone? Call ${counter.phone}`, L.english, false, MUTED, 0);
  // The privacy line, its band grown to the lines it wraps to, at the foot of the page.
  const privacy = 'Thông tin cá nhân chỉ dùng để trả lời Ông/Bà và không được công khai (Nghị định 13/2023/NĐ-CP).';
  const footerLines = wrap(privacy, L.footer, false, width - 2 * L.side).length;
  const footerTop = height - footerLines * L.footer * 1.25 - L.footer * 1.4;
  items.push({ kind: 'rect', x: 0, y: footerTop, w: width, h: height - footerTop, fill: '#f2f4f7' });
  y = footerTop + L.footer * 0.2;
  block(privacy, L.footer, false, MUTED, 0);
  return items;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function posterSvg(counter: PosterCounter, url: string, paper: PaperSize): string {
  const { width: w, height: h } = PAPER[paper];
  const body = posterLayout(counter, url, paper).map((item) => {
    if (item.kind === 'rect') return `<rect x="${item.x}" y="${item.y}" width="${item.w}" height="${item.h}" fill="${item.fill}"/>`;
    if (item.kind === 'qr') {
      const k = item.size / item.modules;
      return `<g transform="translate(${item.x} ${item.y}) scale(${k})"><rect width="${item.modules}" height="${item.modules}" fill="#fff"/><path d="${item.path}" fill="#000" shape-rendering="crispEdges"/></g>`;
    }
    return `<text x="${item.cx}" y="${item.y.toFixed(2)}" font-size="${item.size}" font-weight="${item.bold ? 700 : 400}" fill="${item.fill}" text-anchor="middle">${escapeXml(item.text)}</text>`;
  });
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}pt" height="${h}pt" viewBox="0 0 ${w} ${h}" lang="vi" role="img" aria-label="${escapeXml(`Mã QR đánh giá ${counter.name}`)}">`,
    `<title>${escapeXml(`Góp Ý — ${counter.name} — ${counter.department.name}`)}</title>`,
    `<g font-family="'Noto Sans', Arial, sans-serif">`,
    `<rect width="${w}" height="${h}" fill="#fff"/>`,
    ...body,
    `</g></svg>`,
    '',
  ].join('\n');
}

export function posterPdf(counter: PosterCounter, url: string, paper: PaperSize): Promise<Buffer> {
  const doc = withFonts(
    new PDFDocument({
      size: paper,
      margin: 0,
      lang: 'vi-VN',
      info: { Title: `Góp Ý — ${counter.name}`, Subject: `Mã QR đánh giá: ${url}`, Author: counter.department.name },
    }),
  );
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const item of posterLayout(counter, url, paper)) {
    if (item.kind === 'rect') doc.rect(item.x, item.y, item.w, item.h).fill(item.fill);
    else if (item.kind === 'qr') {
      const k = item.size / item.modules;
      doc.rect(item.x, item.y, item.size, item.size).fill('#ffffff');
      doc.save().translate(item.x, item.y).scale(k).path(item.path).fill('#000000').restore();
    } else {
      let x = item.cx - widthOf(item.text, item.size, item.bold) / 2;
      for (const run of fontRuns(item.text, item.bold).runs) {
        doc.font(run.font).fontSize(item.size).fillColor(item.fill).text(run.text, x, item.y, { baseline: 'alphabetic', lineBreak: false });
        x += doc.widthOfString(run.text);
      }
    }
  }
  doc.end();
  return done;
}
