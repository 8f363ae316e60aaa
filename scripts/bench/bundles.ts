/**
 * Per function (functions/routes.ts and functions/jobs.ts): the bundle CDK deploys — esbuild, ESM,
 * minified, platform node, target node24, the AWS SDK bundled (not external), the options of
 * infra/bundling.ts that infra/constructs/lambda-function.ts uses too — its size minified and gzip, and its cold import time in a
 * fresh Node process, against the bare DynamoDB client bundled the same way.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { JOBS } from '#functions/jobs';
import { ROUTES } from '#functions/routes';
import { LAMBDA_BUNDLE } from '#infra/bundling';
import { median, type Row } from './lib/numbers.ts';


async function bundle(entry: string, outfile: string) {
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    ...LAMBDA_BUNDLE,
    mainFields: [...LAMBDA_BUNDLE.mainFields],
    banner: { js: LAMBDA_BUNDLE.banner },
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const code = result.outputFiles[0]!.contents;
  await writeFile(outfile, code);
  // Classic zod costs ~450 KB minified where zod/mini costs ~14 KB: flag any function that pulls it in.
  const classicZod = Object.keys(result.metafile.inputs).some((input) => /node_modules\/zod\/v4\/classic\//.test(input));
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length, classicZod };
}

/** Milliseconds to import `file` in a fresh Node process. */
function coldImport(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`;
  const env = { ...process.env, TABLE_NAME: 'bench', AWS_REGION: 'ap-southeast-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' }));
}

/** Medians of `runs` cold imports of `file` and of the baseline, alternated so machine noise hits both. */
function coldImportPair(file: string, baseline: string, runs: number): [number, number] {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(coldImport(file));
    b.push(coldImport(baseline));
  }
  return [median(a), median(b)];
}

const kb = (bytes: number) => bytes / 1024;

export async function benchBundles(options: { runs: number }): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), 'gopy-bundles-'));
  try {
    const bareFile = join(dir, 'bare-client.mjs');
    const bare = await bundle(resolve('scripts/bench/lib/bare-client.ts'), bareFile);
    const rows: Row[] = [{ figure: 'bundle: bare DynamoDB client (the baseline)', value: kb(bare.gzip), unit: 'KB gzip', note: `${kb(bare.min).toFixed(0)} KB minified` }];
    const handlers = [...new Set([...ROUTES.map((r) => r.handler), ...JOBS.map((j) => j.handler)])];
    for (const handler of handlers) {
      const file = join(dir, `${handler}.mjs`);
      const size = await bundle(resolve('functions', `${handler}.ts`), file);
      const [ms, bareMs] = coldImportPair(file, bareFile, options.runs);
      rows.push({ figure: `bundle ${handler} (gzip vs bare client)`, value: kb(size.gzip), baseline: kb(bare.gzip), unit: 'KB gzip', note: `${kb(size.min).toFixed(0)} KB minified${size.classicZod ? '; CLASSIC ZOD bundled (use zod/mini)' : ''}` });
      rows.push({ figure: `cold import ${handler} (vs bare client)`, value: ms, baseline: bareMs, unit: 'ms' });
    }
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
