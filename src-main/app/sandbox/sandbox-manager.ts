import type { SandboxStatus } from '@shared/domain/sandbox';
import type { Sandbox } from '../../sandbox/sandbox';

export interface SandboxManager {
  status(): SandboxStatus;
  /** Starts the sandbox if it is not running; resolves with its URL and token. */
  start(): Promise<{ baseUrl: string; token: string }>;
  stop(): Promise<void>;
  running(): Sandbox | null;
}

/** One Roster Sandbox per app, in its own SQLite file beside the app's database. */
export function createSandboxManager(options: {
  dbPath: string;
  /** The token requests must carry; the app keeps it in the data folder (vault/sandbox-token.ts). */
  token: () => string;
  nativeBinding?: string;
  onChange: (status: SandboxStatus) => void;
}): SandboxManager {
  let sandbox: Sandbox | null = null;
  let starting: Promise<Sandbox> | null = null;

  function status(): SandboxStatus {
    return sandbox
      ? { running: true, baseUrl: sandbox.baseUrl, stats: sandbox.stats() }
      : { running: false, baseUrl: null, stats: null };
  }

  return {
    status,
    running: () => sandbox,
    async start() {
      if (!sandbox) {
        // Loaded on first start: its web server (express, scimmy) would otherwise cost every `roster`
        // command a third of its start-up (issue 11).
        starting ??= import('../../sandbox/sandbox').then(({ startSandbox }) =>
          startSandbox({
            dbPath: options.dbPath,
            token: options.token(),
            ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
          }),
        );
        try {
          sandbox = await starting;
        } finally {
          starting = null;
        }
        options.onChange(status());
      }
      return { baseUrl: sandbox.baseUrl, token: sandbox.token };
    },
    async stop() {
      if (!sandbox) return;
      const current = sandbox;
      sandbox = null;
      await current.stop();
      options.onChange(status());
    },
  };
}
