import { render } from 'preact';
import '../common/base.css';
import '../common/flow.css';
import './kiosk.css';
import { loadSteps, loadSubmit } from '../common/flow/FlowView.tsx';
import { KioskApp, startKiosk } from './KioskApp.tsx';
import { startOutbox } from './outbox.ts';

render(<KioskApp />, document.getElementById('app')!);
startOutbox();
startKiosk();

// Offline after a reload or a power cut: the service worker keeps this page and its code.
if ('serviceWorker' in navigator) {
  void Promise.all([navigator.serviceWorker.register('/kiosk-sw.js', { scope: '/kiosk' }), loadSteps(), loadSubmit()]).then(async () => {
    const worker = (await navigator.serviceWorker.ready).active;
    const assets = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name))
      .filter((url) => url.origin === location.origin && url.pathname.startsWith('/assets/'))
      .map((url) => url.pathname);
    worker?.postMessage({ type: 'cache', urls: ['/kiosk', ...assets] });
  });
} else {
  void loadSteps();
  void loadSubmit();
}
