/** `npm run build`: build every page into kiosk/dist (swapped in whole), then check the page weights. */
import { buildPages } from '#local/pages';
import { reportPageWeights } from './page-weights.ts';

await buildPages();
if (!reportPageWeights('kiosk/dist')) {
  console.error('Page weight check failed.');
  process.exit(1);
}
