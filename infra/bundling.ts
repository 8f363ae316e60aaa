/**
 * How every function is bundled (esbuild), in plain values so both the CDK construct and the bench
 * (scripts/bench/bundles.ts) use the very same settings without loading aws-cdk-lib.
 */
export const LAMBDA_BUNDLE = {
  format: 'esm',
  platform: 'node',
  target: 'node24',
  mainFields: ['module', 'main'],
  minify: true,
  /** ESM bundles have no `require`; some dependencies still call it (e.g. for Node built-ins). */
  banner: "import { createRequire as __gopyCreateRequire } from 'node:module'; const require = __gopyCreateRequire(import.meta.url);",
} as const;
