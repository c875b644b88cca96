import type { Command } from 'commander';
import { startBrowserServer } from '../../app/browser/browser-server';
import { createApp } from '../../app/create-app';
import { dataDirOption, parsePort, resolveDataDir } from '../options';
import { locateRendererDir } from '../renderer-dir';

export interface ServeOptions {
  port?: number;
  host?: string;
  dataDir?: string;
}

/** Starts browser mode and keeps it running until the process is interrupted. */
export async function serve(options: ServeOptions): Promise<void> {
  const dataDir = resolveDataDir(options.dataDir);
  const rendererDir = locateRendererDir();
  const app = createApp({ dataDir, mode: 'browser' });
  const server = await startBrowserServer({
    app,
    rendererDir,
    ...(options.host ? { host: options.host } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  console.log(`Roster is running in browser mode. Open: ${server.url}`);
  console.log(`Data folder: ${dataDir}  (stop with Ctrl+C)`);
  const stop = () => {
    void server
      .close()
      .then(() => app.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the Roster UI to a browser on this computer (loopback only, with a per-run token)')
    .option('--port <n>', 'port to listen on (default: a free one)', parsePort)
    .option('--host <address>', 'loopback address to bind (127.0.0.1 or ::1)', '127.0.0.1')
    .addOption(dataDirOption())
    .action((opts: ServeOptions) => serve(opts));
}
