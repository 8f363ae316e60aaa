/**
 * Locally the demo officials are known before anyone signs in: they go into the officials
 * directory at start, as their first inbox request would put them there in AWS.
 */
import { recordOfficial } from '#functions/lib/officials-store';
import { ADMIN_GROUP, DEPARTMENT_GROUP_PREFIX } from '#shared/auth';
import type { DemoOfficial } from './oidc.ts';

/** Writes every demo official of a department into its directory (id = the local `sub`, the username). */
export async function registerDemoOfficials(officials: DemoOfficial[], now: Date): Promise<void> {
  for (const official of officials) {
    const departments = official.groups.filter((g) => g.startsWith(DEPARTMENT_GROUP_PREFIX)).map((g) => g.slice(DEPARTMENT_GROUP_PREFIX.length));
    await recordOfficial({ id: official.username, username: official.name, departments, admin: official.groups.includes(ADMIN_GROUP) }, now);
  }
}
