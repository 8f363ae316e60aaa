/** The outbox in IndexedDB: survives reloads and power cuts. One object store keyed by Idempotency-Key. */
import type { Outbound } from '#shared/offline-queue';

const DB_NAME = 'gopy-kiosk';
const STORE = 'outbox';

let opening: Promise<IDBDatabase> | undefined;

function db(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opening;
}

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return db().then(
    (database) =>
      new Promise<T>((resolve, reject) => {
        const transaction = database.transaction(STORE, mode);
        const request = work(transaction.objectStore(STORE));
        // Resolve on commit, not on request success: only then is the item durable.
        transaction.oncomplete = () => resolve(request.result);
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () => reject(transaction.error);
      }),
  );
}

export const outboxStore = {
  all: () => run<Outbound[]>('readonly', (store) => store.getAll() as IDBRequest<Outbound[]>),
  put: (item: Outbound) => run('readwrite', (store) => store.put(item)).then(() => undefined),
  remove: (key: string) => run('readwrite', (store) => store.delete(key)).then(() => undefined),
};
