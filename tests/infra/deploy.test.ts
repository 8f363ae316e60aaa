/** `npm run deploy`: arguments, the notification channels it announces, and the catalog it loads. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelReport, contextValues, loadCatalog, parseArgs } from '#infra/deploy';
import { DEFAULT_CATALOG } from '#infra/config';
import { startLocalStore, type LocalStore } from '#local/stack';
import { countItems } from '../support/table.ts';

describe('deploy arguments', () => {
  it('defaults to dev with approval prompts', () => {
    expect(parseArgs([])).toEqual({ stage: 'dev', yes: false, context: [] });
  });

  it('passes the stage, --yes and context values through', () => {
    expect(parseArgs(['--stage', 'prod', '--yes', '-c', 'alarmEmail=ops@example.gov.vn', '--context', 'mailFrom=a@b.vn'])).toEqual({
      stage: 'prod',
      yes: true,
      context: ['-c', 'alarmEmail=ops@example.gov.vn', '-c', 'mailFrom=a@b.vn'],
    });
    expect(parseArgs(['--stage=prod']).stage).toBe('prod');
  });

  it('refuses an unknown stage or argument', () => {
    expect(() => parseArgs(['--stage', 'staging'])).toThrow(/dev or prod/);
    expect(() => parseArgs(['--force'])).toThrow(/Unknown argument --force/);
  });
});

describe('notification channels announced before deploying', () => {
  it('reads cdk.json context under the -c values, the last one winning', () => {
    const values = contextValues(['-c', 'stage=prod', '-c', 'mailFrom=a=b@x.vn', '-c', 'stage=dev'], { context: { stage: 'dev', smsSenderId: 'GOPY' } });
    expect(values).toEqual({ stage: 'dev', smsSenderId: 'GOPY', mailFrom: 'a=b@x.vn' });
  });

  it('says OFF for a channel without its sender, on with the sender', () => {
    const [sms, email] = channelReport({ mailFrom: 'no-reply@example.gov.vn' });
    expect(sms).toMatch(/SMS:\s+OFF.*smsSenderId/);
    expect(email).toMatch(/E-mail:\s+on, from no-reply@example\.gov\.vn/);
    expect(channelReport({ smsSenderId: 'GOPY' })[0]).toMatch(/SMS:\s+on, sender ID "GOPY"/);
  });
});

describe('catalog load after the stack is up', () => {
  let store: LocalStore;
  beforeAll(async () => {
    store = await startLocalStore({ persist: false, seed: false });
  });
  afterAll(() => store?.close());

  it('upserts the catalog into the table, and a second run changes nothing', async () => {
    const first = await loadCatalog(DEFAULT_CATALOG, process.env.TABLE_NAME!);
    expect(first.departments).toBeGreaterThan(0);
    expect(first.counters).toBeGreaterThan(0);
    const items = await countItems();
    expect(items).toBeGreaterThanOrEqual(first.departments + first.counters + first.procedures);
    expect(await loadCatalog(DEFAULT_CATALOG, process.env.TABLE_NAME!)).toEqual(first);
    expect(await countItems()).toBe(items);
  });
});
