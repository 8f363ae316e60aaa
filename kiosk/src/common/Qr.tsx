import { qrPath } from '#shared/qr';

/** A QR code image with a text alternative (the URL it opens). */
export function Qr({ text, label, size = 200 }: { text: string; label: string; size?: number }) {
  const qr = qrPath(text);
  return (
    <svg class="qr" role="img" aria-label={label} viewBox={`0 0 ${qr.size} ${qr.size}`} width={size} height={size} shape-rendering="crispEdges">
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qr.path} fill="#000" />
    </svg>
  );
}
