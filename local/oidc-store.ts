/**
 * Storage for the local OpenID provider's sessions, grants and codes under DATA_DIR/oidc/state, so a
 * restart of `npm start` keeps officials signed in (oidc-provider's own store is in memory only).
 * One JSON file per entry; expired entries read as absent. Implements oidc-provider's adapter API.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

type Payload = Record<string, unknown> & { grantId?: string; uid?: string; userCode?: string };
type Entry = { payload: Payload; expiresAt: number | null };

const fileName = (id: string) => `${encodeURIComponent(id)}.json`;

export function fileAdapter(root: string) {
  return class FileAdapter {
    private readonly dir: string;

    constructor(name: string) {
      this.dir = join(root, encodeURIComponent(name));
    }

    private async read(file: string): Promise<Entry | undefined> {
      const entry = await readFile(join(this.dir, file), 'utf8').then((text) => JSON.parse(text) as Entry).catch(() => undefined);
      if (entry?.expiresAt && entry.expiresAt < Date.now()) return undefined;
      return entry;
    }

    async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
      await mkdir(this.dir, { recursive: true });
      const entry: Entry = { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : null };
      await writeFile(join(this.dir, fileName(id)), JSON.stringify(entry));
      // Secondary lookups oidc-provider needs: by interaction uid and by device user code.
      if (payload.uid) await writeFile(join(this.dir, `uid-${fileName(payload.uid)}`), JSON.stringify({ payload: { id }, expiresAt: entry.expiresAt }));
      if (payload.userCode) await writeFile(join(this.dir, `code-${fileName(payload.userCode)}`), JSON.stringify({ payload: { id }, expiresAt: entry.expiresAt }));
    }

    async find(id: string): Promise<Payload | undefined> {
      return (await this.read(fileName(id)))?.payload;
    }

    async findByUid(uid: string): Promise<Payload | undefined> {
      const pointer = await this.read(`uid-${fileName(uid)}`);
      return pointer ? this.find(String(pointer.payload.id)) : undefined;
    }

    async findByUserCode(userCode: string): Promise<Payload | undefined> {
      const pointer = await this.read(`code-${fileName(userCode)}`);
      return pointer ? this.find(String(pointer.payload.id)) : undefined;
    }

    async consume(id: string): Promise<void> {
      const entry = await this.read(fileName(id));
      if (entry) await writeFile(join(this.dir, fileName(id)), JSON.stringify({ ...entry, payload: { ...entry.payload, consumed: Math.floor(Date.now() / 1000) } }));
    }

    async destroy(id: string): Promise<void> {
      await rm(join(this.dir, fileName(id)), { force: true });
    }

    /** Revokes everything issued under a grant, across models (sign-out, refused consent). */
    async revokeByGrantId(grantId: string): Promise<void> {
      const models = await readdir(root).catch(() => [] as string[]);
      for (const model of models) {
        const dir = join(root, model);
        for (const file of await readdir(dir).catch(() => [] as string[])) {
          const entry = await readFile(join(dir, file), 'utf8').then((text) => JSON.parse(text) as Entry).catch(() => undefined);
          if (entry?.payload.grantId === grantId) await rm(join(dir, file), { force: true });
        }
      }
    }
  };
}
