/**
 * Draws the answer letter (shared/letter.ts) as an A4 PDF with pdfkit. Noto Sans comes in two
 * subsets (latin; vietnamese: ă đ ĩ ũ ơ ư and the letters with two marks), so each text is written
 * in runs, each in the subset that has its characters; both are embedded (subsetted) in the file.
 */
import PDFDocument from 'pdfkit';
import type { Letter } from '#shared/letter';
import { LETTER_FONTS } from './letter-fonts.ts';

/** The vietnamese subset's characters (its CSS unicode-range, less what the latin one has). */
const VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01A0\u01A1\u01AF\u01B0\u0300\u0301\u0303\u0309\u0323\u1EA0-\u1EF9\u20AB]/u;

const fonts = () => ({
  latin: Buffer.from(LETTER_FONTS.latin, 'base64'),
  latinBold: Buffer.from(LETTER_FONTS.latinBold, 'base64'),
  vietnamese: Buffer.from(LETTER_FONTS.vietnamese, 'base64'),
  vietnameseBold: Buffer.from(LETTER_FONTS.vietnameseBold, 'base64'),
});

/** Splits NFC text into runs that one subset can draw. */
export function fontRuns(text: string): { text: string; vietnamese: boolean }[] {
  const runs: { text: string; vietnamese: boolean }[] = [];
  for (const char of text.normalize('NFC')) {
    const vietnamese = VIETNAMESE.test(char);
    const last = runs.at(-1);
    if (last && last.vietnamese === vietnamese) last.text += char;
    else runs.push({ text: char, vietnamese });
  }
  return runs;
}

type Style = { bold?: boolean; size?: number; align?: 'left' | 'center'; width?: number; x?: number; y?: number; gap?: number };

/** `compress: false` only for tests that read the content streams. */
export async function renderLetter(letter: Letter, options: { compress?: boolean } = {}): Promise<Buffer> {
  const font = fonts();
  // Our own font from the start: pdfkit never loads its built-in Helvetica (an AFM file a bundle lacks).
  const doc = new PDFDocument({ size: 'A4', margins: { top: 57, bottom: 57, left: 85, right: 57 }, font: font.latin as unknown as string /* pdfkit takes a Buffer too; its types say string */, compress: options.compress ?? true, info: { Title: `${letter.subject} ${letter.number}`, Author: letter.department } });
  doc.registerFont('latin', font.latin);
  doc.registerFont('latinBold', font.latinBold);
  doc.registerFont('vietnamese', font.vietnamese);
  doc.registerFont('vietnameseBold', font.vietnameseBold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const full = doc.page.width - left - doc.page.margins.right;
  const fontOf = (vietnamese: boolean, bold?: boolean) => `${vietnamese ? 'vietnamese' : 'latin'}${bold ? 'Bold' : ''}`;
  const widthOf = (text: string, bold?: boolean) => fontRuns(text).reduce((sum, run) => sum + doc.font(fontOf(run.vietnamese, bold)).widthOfString(run.text, { features: [] }), 0);
  /**
   * One paragraph, wrapped here (pdfkit's `continued` runs break words at a font change and lose
   * centring): words fill lines greedily, each line is drawn run by run at measured positions.
   */
  const write = (text: string, style: Style = {}) => {
    const width = style.width ?? full;
    const x0 = style.x ?? doc.x;
    let y = style.y ?? doc.y;
    doc.fontSize(style.size ?? 12);
    const lines: string[] = [];
    for (const word of text.normalize('NFC').split(/\s+/).filter(Boolean)) {
      const last = lines.at(-1);
      if (last !== undefined && widthOf(`${last} ${word}`, style.bold) <= width) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    const height = doc.font(fontOf(false, style.bold)).currentLineHeight(true) * 1.15;
    for (const line of lines) {
      if (y + height > doc.page.height - doc.page.margins.bottom) {
        doc.addPage();
        y = doc.page.margins.top;
      }
      let x = style.align === 'center' ? x0 + (width - widthOf(line, style.bold)) / 2 : x0;
      for (const run of fontRuns(line)) {
        doc.font(fontOf(run.vietnamese, style.bold)).text(run.text, x, y, { lineBreak: false, features: [] });
        x += doc.widthOfString(run.text, { features: [] });
      }
      y += height;
    }
    doc.x = x0;
    doc.y = y + (style.gap ?? 4);
  };

  // Heading: the agency and the number on the left, the national motto and the date on the right.
  const half = full / 2 - 10;
  const top = doc.y;
  write(letter.department.toLocaleUpperCase('vi'), { bold: true, align: 'center', width: half, x: left, y: top, size: 12 });
  write(`Số: ${letter.number}`, { align: 'center', width: half, x: left, size: 11 });
  write(letter.subject, { align: 'center', width: half, x: left, size: 11 });
  const leftBottom = doc.y;
  write('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, align: 'center', width: half + 20, x: left + half + 10, y: top, size: 11 });
  write('Độc lập - Tự do - Hạnh phúc', { bold: true, align: 'center', width: half + 20, x: left + half + 10, size: 12 });
  // Decree 30/2020: "Địa danh, ngày … tháng … năm …", under the motto.
  const dateLine = letter.place ? `${letter.place}, ${letter.date}` : `Ngày ${letter.date.replace(/^ngày /, '')}`;
  write(dateLine, { align: 'center', width: half + 20, x: left + half + 10, size: 11 });
  doc.y = Math.max(leftBottom, doc.y) + 24;

  write(`Kính gửi: Ông/Bà ${letter.recipient.name}`, { bold: true, x: left, gap: 2 });
  if (letter.recipient.address) write(`Địa chỉ: ${letter.recipient.address}`, { x: left });
  doc.moveDown();
  for (const paragraph of letter.body) write(paragraph, { x: left, gap: 8 });
  for (const paragraph of letter.answer.split(/\n+/)) write(paragraph, { x: left, gap: 8 });
  write(`${letter.department} trân trọng thông báo để Ông/Bà được biết.`, { x: left, gap: 8 });
  doc.moveDown();

  // Signature block: "Nơi nhận" on the left, the signer on the right.
  if (doc.y > doc.page.height - 200) doc.addPage();
  const signTop = doc.y;
  write('Nơi nhận:', { bold: true, size: 11, width: half, x: left, y: signTop, gap: 0 });
  write('- Như trên;', { size: 10, width: half, x: left, gap: 0 });
  write('- Lưu: VT.', { size: 10, width: half, x: left, gap: 0 });
  write(letter.signer.title, { bold: true, align: 'center', width: half + 20, x: left + half + 10, y: signTop, size: 11 });
  write('(Ký, ghi rõ họ tên, đóng dấu)', { align: 'center', width: half + 20, x: left + half + 10, size: 10 });
  if (letter.signer.name) write(letter.signer.name, { bold: true, align: 'center', width: half + 20, x: left + half + 10, y: doc.y + 60, size: 12 });
  doc.end();
  return done;
}
