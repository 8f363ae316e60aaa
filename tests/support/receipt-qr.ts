/**
 * A receipt's QR code as a test input: a PNG (the photo fallback) and a Y4M video that Chromium
 * plays as a fake camera (--use-file-for-fake-video-capture).
 */
import { writeFile } from 'node:fs/promises';
import QRCode from 'qrcode';
import { encode } from 'uqr';

export const receiptPng = (text: string): Promise<Buffer> => QRCode.toBuffer(text, { margin: 4, scale: 8 });

/** A 640×480 4:2:0 Y4M of a few identical frames: the QR code, black on white, in the middle. */
export async function writeReceiptY4m(path: string, text: string): Promise<void> {
  const width = 640;
  const height = 480;
  const { data } = encode(text, { ecc: 'M', border: 4 });
  const scale = Math.floor(400 / data.length);
  const left = Math.floor((width - data.length * scale) / 2);
  const top = Math.floor((height - data.length * scale) / 2);
  const luma = Buffer.alloc(width * height, 235);
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++) luma.fill(16, (top + y * scale + dy) * width + left + x * scale, (top + y * scale + dy) * width + left + (x + 1) * scale);
    }),
  );
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  await writeFile(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...Array(10).fill(frame)]));
}
