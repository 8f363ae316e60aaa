import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { pageEntries, pageFiles } from '../../kiosk/entries.ts';

test('every kiosk/*.html is a page; one whose script does not exist yet is skipped with a warning', () => {
  const root = mkdtempSync(join(tmpdir(), 'entries-'));
  mkdirSync(join(root, 'src/a'), { recursive: true });
  writeFileSync(join(root, 'src/a/main.tsx'), '');
  writeFileSync(join(root, 'a.html'), '<script type="module" src="/src/a/main.tsx"></script>');
  writeFileSync(join(root, 'b.html'), '<script type="module" src="/src/b/main.tsx"></script>');
  writeFileSync(join(root, 'plain.html'), '<p>no script</p>');
  const warnings: string[] = [];

  const entries = pageEntries(root, (message) => warnings.push(message));

  expect(pageFiles(root)).toEqual(['a.html', 'b.html', 'plain.html']);
  expect(Object.keys(entries).sort()).toEqual(['a', 'plain']);
  expect(warnings).toEqual(['Skipping kiosk/b.html: missing /src/b/main.tsx']);
});
