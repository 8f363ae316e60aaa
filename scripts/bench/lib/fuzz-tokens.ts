/** Access tokens of a few demo officials (real sign-in), keyed by a short label for the fuzzer. */
import { officialOf, tokenFor } from '../../../tests/support/inbox.ts';
import type { TestApi } from '../../../tests/support/api.ts';

export async function fuzzTokens(api: TestApi): Promise<Record<string, string>> {
  return {
    'official-tu-phap': await tokenFor(api, officialOf(api, 'so-tu-phap')),
    'official-ben-thanh': await tokenFor(api, officialOf(api, 'ubnd-phuong-ben-thanh')),
    admin: await tokenFor(api, officialOf(api, 'admin')),
  };
}
