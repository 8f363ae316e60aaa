/** Forks local-stack processes (./child.ts) and talks to them over IPC. */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

export type StackProcess = {
  endpoint: string;
  url?: string;
  child: ChildProcess;
  /** DynamoDB requests per operation that reached this process's dynalite since the last reset. */
  counts: () => Promise<Record<string, number>>;
  resetCounts: () => Promise<void>;
  /** SIGKILL: an outage, not a shutdown. */
  kill: () => Promise<void>;
};

function ask<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve) => {
    const listener = (message: { type: string } & T) => {
      if (message.type !== type) return;
      child.off('message', listener);
      resolve(message);
    };
    child.on('message', listener);
    child.send({ type });
  });
}

/** Starts ROLE=store|api|both with the given environment; resolves once it listens. */
export function startStackProcess(role: 'store' | 'api' | 'both', env: Record<string, string | undefined> = {}): Promise<StackProcess> {
  const child = fork(CHILD, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, AWS_REGION: 'ap-southeast-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env, ROLE: role },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${role} process exited (${code}) before it was ready:\n${stderr}`)));
    child.on('message', (message: { type: string; endpoint: string; url?: string }) => {
      if (message.type !== 'ready') return;
      child.removeAllListeners('exit');
      resolve({
        endpoint: message.endpoint,
        url: message.url,
        child,
        counts: async () => (await ask<{ counts: Record<string, number> }>(child, 'counts')).counts,
        resetCounts: async () => void (await ask(child, 'reset')),
        kill: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGKILL');
          }),
      });
    });
  });
}
