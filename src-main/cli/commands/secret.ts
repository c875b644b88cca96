import type { Command } from 'commander';
import { call, CliFailure, exitCodes, withApp } from '../cli-app';
import { credentialsDirectoryFrom } from '../../vault/choose-vault';
import { secretFileName } from '../../vault/secret-file-names';
import { connectionSecretId } from '../../vault/vault';
import { dataDirOption, secretsDirOption } from '../options';
import { registerSecretFileCommands } from './secret-files';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing newline is what `echo` and here-strings add; it is never part of the secret.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/**
 * `roster secret set <connection> <field>`: the value comes from standard input only, never from the
 * command line, where it would end up in shell history and the process list.
 */
export function registerSecretCommand(program: Command): void {
  const secret = program
    .command('secret')
    .description('store connection secrets in the system keychain, or check a credentials directory');
  secret
    .command('set <connection> <field>')
    .description(
      'read a secret from standard input and store it in the keychain (e.g. `roster secret set Slack bearerToken < token.txt`)',
    )
    .addOption(dataDirOption())
    .addOption(secretsDirOption())
    .action((name: string, field: string, opts: { dataDir?: string; secretsDir?: string }) =>
      withApp(
        opts.dataDir,
        async (app) => {
          const connection = app.store.connections.findByName(name);
          if (!connection) throw new CliFailure(`There is no connection "${name}".`, exitCodes.badInput);
          if (process.stdin.isTTY)
            console.error(`Type the ${field} for ${connection.name}, then press Ctrl+D:`);
          const value = await readStdin();
          if (value === '')
            throw new CliFailure('No secret was given on standard input.', exitCodes.badInput);
          await call(app, 'connections.update', { id: connection.id, secrets: { [field]: value } });
          // A credentials directory is read-only: "set" succeeded because the file holds this value.
          const directory = credentialsDirectoryFrom(opts.secretsDir);
          console.log(
            directory
              ? `${connection.name} now uses ${field} from ${directory.dir}/${secretFileName(connectionSecretId(connection.id, field))}.`
              : `Stored ${field} for ${connection.name} in the keychain.`,
          );
        },
        opts.secretsDir ? { secretsDir: opts.secretsDir } : {},
      ),
    );
  registerSecretFileCommands(secret);
}
