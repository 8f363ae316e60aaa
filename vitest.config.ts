import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: ['tests/support/node-version.ts'],
    pool: 'forks',
    // Each file starts its own in-memory dynalite; two cores run two files at a time.
    maxWorkers: 2,
    // No TZ here: the suite must pass in the machine's time zone, whatever it is (.ci/run tries another).
    env: { AWS_REGION: 'ap-southeast-1', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' },
  },
});
