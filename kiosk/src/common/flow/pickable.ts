/** The procedure picker's rule: the API's own search (`/api/procedures?q=`), sorted by name. */
import { matchesQuery } from '#shared/text';

export type Procedure = { code: string; name: string };
const collator = new Intl.Collator('vi');

/** The procedures matching `query` by name or code (diacritics optional); the chosen one stays listed. */
export function pickable(procedures: Procedure[], query: string, chosen: string): Procedure[] {
  const typed = query.trim();
  return procedures
    .filter((p) => p.code === chosen || !typed || p.code.startsWith(typed) || matchesQuery(`${p.code} ${p.name}`, typed))
    .sort((a, b) => collator.compare(a.name, b.name));
}
