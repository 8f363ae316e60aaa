/**
 * A module loaded on demand (`import()`), once, kept in a signal so components re-render when it
 * arrives. A failed load (network) is forgotten, so the next `load()` tries again.
 */
import { signal } from '@preact/signals';

export function lazy<M>(importer: () => Promise<M>) {
  const module = signal<M | undefined>(undefined);
  let loading: Promise<M> | undefined;
  const load = (): Promise<M> =>
    (loading ??= importer().then(
      (loaded) => (module.value = loaded),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  /** Starts loading without waiting (a failure shows as the module staying undefined). */
  const start = () => void load().catch(() => undefined);
  return { module, load, start };
}
