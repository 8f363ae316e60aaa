/**
 * The text of a PDF written by pdfkit, as a reader would copy it: content streams (FlateDecode
 * inflated with node:zlib) read for `Tf` and `TJ`/`Tj`, each glyph id mapped back to its
 * characters through its font's ToUnicode CMap. Enough for our letters, not a general PDF parser.
 */
import { inflateSync } from 'node:zlib';

type PdfObject = { dict: string; stream?: Buffer };

function objectsOf(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const match of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = match[2]!;
    const at = body.indexOf('stream');
    if (at < 0) {
      objects.set(Number(match[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, at);
    const start = match.index! + match[0].indexOf(body) + at + 'stream'.length + (body[at + 6] === '\r' ? 2 : 1);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const raw = pdf.subarray(start, start + length);
    objects.set(Number(match[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
  }
  return objects;
}

/** glyph id (4 hex digits) → characters, from a ToUnicode CMap's bfrange and bfchar entries. */
function cmapOf(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const hexText = (hex: string) => String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const [, from, to, targets] of cmap.matchAll(/<([0-9a-f]{4})>\s*<([0-9a-f]{4})>\s*\[([^\]]*)\]/gi)) {
    // An empty target: a glyph with no characters of its own (a mark the font adds under a letter).
    const list = [...targets!.matchAll(/<([0-9a-f]*)>/gi)].map((m) => m[1]!);
    for (let code = parseInt(from!, 16), i = 0; code <= parseInt(to!, 16); code++, i++) if (list[i] !== undefined) map.set(code.toString(16).padStart(4, '0'), hexText(list[i]!));
  }
  for (const [, from, to, target] of cmap.matchAll(/^<([0-9a-f]{4})>\s*<([0-9a-f]{4})>\s*<([0-9a-f]+)>\s*$/gim)) {
    const first = parseInt(target!, 16);
    for (let code = parseInt(from!, 16); code <= parseInt(to!, 16); code++) map.set(code.toString(16).padStart(4, '0'), String.fromCodePoint(first + code - parseInt(from!, 16)));
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, target] of block[1]!.matchAll(/<([0-9a-f]{4})>\s*<([0-9a-f]+)>/gi)) map.set(code!.toLowerCase(), hexText(target!));
  }
  return map;
}

/** Every page's text; runs drawn at the same height join into one line, lines in drawing order. */
export function pdfText(pdf: Buffer): string {
  const objects = objectsOf(pdf);
  const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);
  const lines: string[] = [];
  for (const page of [...objects.values()].filter((o) => /\/Type \/Page\b/.test(o.dict))) {
    const fontDict = /\/Font <<([\s\S]*?)>>/.exec(page.dict)?.[1] ?? objects.get(ref(page.dict, 'Resources'))?.dict.match(/\/Font <<([\s\S]*?)>>/)?.[1] ?? '';
    const cmaps = new Map<string, Map<string, string>>();
    for (const [, name, id] of fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const unicode = objects.get(ref(objects.get(Number(id))?.dict ?? '', 'ToUnicode'))?.stream;
      if (unicode) cmaps.set(name!, cmapOf(unicode.toString('latin1')));
    }
    const content = objects.get(ref(page.dict, 'Contents'))?.stream?.toString('latin1') ?? '';
    let font = new Map<string, string>();
    let y = '';
    for (const [, tmY, tf, array, single] of content.matchAll(/1 0 0 1 [\d.-]+ ([\d.-]+) Tm|\/(\w+) [\d.]+ Tf|\[((?:<[0-9a-f]*>|[\s\d.-])*)\] TJ|<([0-9a-f]*)> Tj/gi)) {
      if (tmY !== undefined) {
        if (tmY !== y) lines.push('');
        y = tmY;
      } else if (tf) font = cmaps.get(tf) ?? new Map();
      else {
        const hex = (array ?? `<${single}>`).match(/<([0-9a-f]*)>/gi)!.map((h) => h.slice(1, -1)).join('');
        lines[lines.length - 1] += (hex.match(/.{4}/g) ?? []).map((g) => font.get(g.toLowerCase()) ?? '\uFFFD').join('');
      }
    }
  }
  return lines.join('\n');
}

/** The font size of every text run on every page (the `Tf` operators of the content streams). */
export function pdfFontSizes(pdf: Buffer): number[] {
  const contents = [...objectsOf(pdf).values()].filter((o) => o.stream && !/\/Type|\/Subtype|\/Length1/.test(o.dict));
  return contents.flatMap((o) => [...o.stream!.toString('latin1').matchAll(/\/\w+ ([\d.]+) Tf/g)].map((m) => Number(m[1])));
}
