import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileAdapter } from '#local/oidc-store';

const store = async () => fileAdapter(await mkdtemp(join(tmpdir(), 'oidc-store-')));

describe('the local sign-in store', () => {
  it('keeps an entry for a new provider instance (a restart) and finds it by uid', async () => {
    const Adapter = await store();
    await new Adapter('Interaction').upsert('i-1', { uid: 'u-1', returnTo: '/inbox' }, 600);
    const restarted = new Adapter('Interaction');
    expect(await restarted.find('i-1')).toMatchObject({ returnTo: '/inbox' });
    expect(await restarted.findByUid('u-1')).toMatchObject({ uid: 'u-1' });
  });

  it('reads expired entries as absent', async () => {
    const adapter = new (await store())('AuthorizationCode');
    await adapter.upsert('c-1', { grantId: 'g' }, -1);
    expect(await adapter.find('c-1')).toBeUndefined();
  });

  it('marks a consumed code, and destroys and revokes by grant across models', async () => {
    const Adapter = await store();
    const codes = new Adapter('AuthorizationCode');
    const sessions = new Adapter('Session');
    await codes.upsert('c-1', { grantId: 'g-1' }, 60);
    await codes.upsert('c-2', { grantId: 'g-2' }, 60);
    await sessions.upsert('s-1', { grantId: 'g-1' }, 60);
    await codes.consume('c-2');
    await codes.revokeByGrantId('g-1');
    expect(await codes.find('c-1')).toBeUndefined();
    expect(await sessions.find('s-1')).toBeUndefined();
    expect(await codes.find('c-2')).toMatchObject({ grantId: 'g-2', consumed: expect.any(Number) });
    await codes.destroy('c-2');
    expect(await codes.find('c-2')).toBeUndefined();
  });
});
