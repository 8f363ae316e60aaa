/**
 * "Quét mã": reads the dossier number from the receipt's QR code, with the camera or from a photo.
 * Loaded only when the citizen taps the button (the QR page's first render stays within budget);
 * the browser's own BarcodeDetector when it reads QR codes, else jsQR, itself loaded only then.
 */
import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { dossierFromQr } from '#shared/dossier';
import { t } from './step-strings.ts';
import './scan.css';

type Detect = (canvas: HTMLCanvasElement) => Promise<string | undefined>;

async function loadDetector(): Promise<Detect> {
  const Native = (globalThis as { BarcodeDetector?: any }).BarcodeDetector;
  const formats: string[] = Native ? await Native.getSupportedFormats().catch(() => []) : [];
  if (formats.includes('qr_code')) {
    const native = new Native({ formats: ['qr_code'] });
    return async (canvas) => (await native.detect(canvas))[0]?.rawValue;
  }
  const { default: jsQR } = await import('jsqr');
  return async (canvas) => {
    const image = canvas.getContext('2d', { willReadFrequently: true })!.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(image.data, image.width, image.height)?.data;
  };
}

/** Draws a frame or a photo on the canvas, at most 1024 pixels wide (enough for a receipt's code). */
function draw(canvas: HTMLCanvasElement, source: CanvasImageSource, width: number, height: number) {
  const scale = Math.min(1, 1024 / width);
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
}

// A signal, not useState: the pages' framework chunk has no useState, and the QR page's budget has no room for it.
const message = signal('');
const setMessage = (text: string) => (message.value = text);

export function Scanner({ onCode, onClose }: { onCode: (code: string) => void; onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(document.createElement('canvas'));
  const detector = useRef<Promise<Detect>>(loadDetector());

  const found = (text: string | undefined) => {
    if (text === undefined) return false;
    const code = dossierFromQr(text);
    if (code) onCode(code);
    else setMessage(t('scanNotFound'));
    return Boolean(code);
  };

  useEffect(() => {
    setMessage('');
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = async () => {
      const v = video.current;
      if (stopped || !v) return;
      if (v.readyState >= 2 && v.videoWidth > 0) {
        draw(canvas.current, v, v.videoWidth, v.videoHeight);
        if (found(await (await detector.current)(canvas.current))) return;
      }
      timer = setTimeout(() => void tick(), 250);
    };
    navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then((s) => {
        stream = s;
        if (stopped || !video.current) return s.getTracks().forEach((track) => track.stop());
        video.current.srcObject = s;
        void video.current.play().catch(() => undefined);
        void tick();
      })
      .catch(() => setMessage(t('scanNoCamera')));
    if (!navigator.mediaDevices) setMessage(t('scanNoCamera'));
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  async function fromPhoto(file: File | undefined) {
    if (!file) return;
    const bitmap = await createImageBitmap(file);
    draw(canvas.current, bitmap, bitmap.width, bitmap.height);
    if (!found(await (await detector.current)(canvas.current))) setMessage(t('scanNotFound'));
  }

  return (
    <div class="scanner" role="group" aria-labelledby="scan-title">
      <p id="scan-title">{t('scanTitle')}</p>
      <video ref={video} muted playsInline aria-hidden="true" class="scan-video" />
      <label class="scan-file">
        {t('scanFile')}
        <input type="file" accept="image/*" data-testid="scan-file" onChange={(e) => void fromPhoto(e.currentTarget.files?.[0])} />
      </label>
      <p role="status" class="hint">{message.value}</p>
      <button type="button" onClick={onClose}>
        {t('scanStop')}
      </button>
    </div>
  );
}
