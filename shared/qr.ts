/**
 * QR codes as one SVG path (uqr, maintained and dependency-free): the kiosk's thank-you screen
 * draws it in the page, the poster script draws the same path into SVG and PDF.
 */
import { encode } from 'uqr';

/** Path of the dark modules in a `size`×`size` grid of unit squares, with a `quiet`-module margin included in `size`. */
export function qrPath(text: string, options: { ecc?: 'L' | 'M' | 'Q' | 'H'; quiet?: number } = {}): { size: number; path: string } {
  const quiet = options.quiet ?? 4;
  const { data } = encode(text, { ecc: options.ecc ?? 'M', border: 0 });
  let path = '';
  data.forEach((row, y) => {
    // One rectangle per horizontal run of dark modules keeps the path short.
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let run = 1;
      while (row[x + run]) run++;
      path += `M${x + quiet} ${y + quiet}h${run}v1h-${run}z`;
      x += run - 1;
    }
  });
  return { size: data.length + 2 * quiet, path };
}
