/**
 * `npm run token -- --department so-tu-phap [--role lead]` | `--admin` | `--user tuphap.lan`: signs a demo
 * official in (Authorization Code + PKCE, like the browser) and prints the access token on the last
 * line. Uses the running `npm start` (DATA_DIR/stack.json); without one, starts the provider alone
 * from the same DATA_DIR keys and issuer, so the token is valid for `npm start` too.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { config } from './config.ts';
import { createOidc, loadDemoOfficials } from './oidc.ts';
import { OIDC_PATH } from './oidc.ts';
import { signIn } from './oidc-client.ts';
import { startServer } from './server.ts';

const { values } = parseArgs({ options: { department: { type: 'string' }, admin: { type: 'boolean' }, user: { type: 'string' }, role: { type: 'string' } } });
// `--role lead`: the department's lead (lead-<id>); otherwise one of its officials (dept-<id>).
const departmentGroup = `${values.role === 'lead' ? 'lead' : 'dept'}-${values.department}`;
const officials = await loadDemoOfficials();
const official = values.user
  ? officials.find((o) => o.username === values.user)
  : values.admin
    ? officials.find((o) => o.groups.includes('admin'))
    : values.department
      ? officials.find((o) => o.groups.includes(departmentGroup))
      : undefined;
if (!official) {
  console.error('Usage: npm run token -- --department <departmentId> [--role lead] | --admin | --user <username>');
  console.error(`Departments: ${[...new Set(officials.flatMap((o) => o.groups).filter((g) => g.startsWith('dept-')).map((g) => g.slice(5)))].join(', ')}`);
  process.exit(2);
}

const running = await readFile(join(config.dataDir, 'stack.json'), 'utf8').then((text) => JSON.parse(text) as { url: string }).catch(() => undefined);
let tokens;
if (running && (await fetch(`${running.url}${OIDC_PATH}/.well-known/openid-configuration`).then((r) => r.ok).catch(() => false))) {
  tokens = await signIn(running.url, official.username, official.password, config.publicBaseUrl);
} else {
  const oidc = await createOidc({ issuer: `${config.publicBaseUrl}${OIDC_PATH}`, dataDir: config.dataDir, officials });
  const { server, url } = await startServer(0, { mounts: [oidc.mount] });
  try {
    tokens = await signIn(url, official.username, official.password, config.publicBaseUrl);
  } finally {
    server.close();
    server.closeAllConnections();
  }
}
console.error(`Access token for ${official.username} (${official.groups.join(', ')}), valid ${tokens.expires_in} s, issuer ${config.publicBaseUrl}${OIDC_PATH}:`);
console.log(tokens.access_token);
