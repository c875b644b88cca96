import { join } from 'node:path';
import type { Command } from 'commander';
import { RosterError } from '@shared/domain/errors';
import { credentialsDirectoryFrom } from '../../vault/choose-vault';
import { howToProvide } from '../../vault/credentials-dir-vault';
import { exitCodes, withApp } from '../cli-app';
import { dataDirOption, secretsDirOption } from '../options';
import { neededSecrets } from '../secret-inventory';

interface SecretFileOptions {
  dataDir?: string;
  secretsDir?: string;
}

/**
 * `roster secret path`: which file holds each secret in a credentials directory (docs/headless.md),
 * one line per secret: owner, field, file. With no directory configured it prints bare file names,
 * ready for LoadCredential= lines.
 */
async function printPaths(opts: SecretFileOptions): Promise<void> {
  const directory = credentialsDirectoryFrom(opts.secretsDir);
  await withApp(opts.dataDir, async (app) => {
    const needed = neededSecrets(app);
    if (!directory)
      console.error(
        'No credentials directory is configured (--secrets-dir, ROSTER_SECRETS_DIR or CREDENTIALS_DIRECTORY); these are the file names to put in one.',
      );
    if (needed.length === 0) console.error('No connection or SMTP setting uses a secret.');
    for (const secret of needed)
      console.log(
        [secret.owner, secret.field, directory ? join(directory.dir, secret.fileName) : secret.fileName].join(
          '\t',
        ),
      );
  });
}

/**
 * `roster secret check`: reads every secret the configuration uses through the vault `roster run`
 * would use, and says per secret whether it is there, and what to do if not. Exit 0 only when all are.
 */
async function checkSecrets(opts: SecretFileOptions): Promise<void> {
  const directory = credentialsDirectoryFrom(opts.secretsDir);
  await withApp(
    opts.dataDir,
    async (app) => {
      const status = await app.context.vault.status();
      console.log(`Secrets come from the ${status.backend}.`);
      if (!status.available) {
        console.log(`not ready: ${status.problem?.message ?? ''} ${status.problem?.remedy ?? ''}`.trim());
        return exitCodes.failed;
      }
      let failures = 0;
      for (const secret of neededSecrets(app)) {
        const where = directory ? join(directory.dir, secret.fileName) : `keychain item ${secret.secretId}`;
        const label = `${secret.owner} ${secret.field} (${where})`;
        let value: string | null;
        try {
          value = await app.context.vault.get(secret.secretId);
        } catch (error) {
          failures++;
          console.log(`refused  ${label}: ${error instanceof RosterError ? error.message : String(error)}`);
          continue;
        }
        if (value === null) {
          failures++;
          const hint = directory
            ? howToProvide(directory, secret.fileName)
            : `Store it with: ${secret.recordWith.replace(' < <that file>', '')}`;
          console.log(`missing  ${label}. ${hint}`);
        } else if (!secret.recorded) {
          failures++;
          console.log(
            `unused   ${label}: the file is there, but Roster does not use it yet. Run: ${secret.recordWith}`,
          );
        } else {
          console.log(`ok       ${label}`);
        }
      }
      if (failures === 0) console.log('Every secret the configuration uses can be read.');
      return failures === 0 ? exitCodes.ok : exitCodes.failed;
    },
    opts.secretsDir ? { secretsDir: opts.secretsDir } : {},
  );
}

/** Adds `path` and `check` to `roster secret`, for admins setting up a headless machine. */
export function registerSecretFileCommands(secret: Command): void {
  secret
    .command('path')
    .description('list the file each secret is read from in a credentials directory (see docs/headless.md)')
    .addOption(dataDirOption())
    .addOption(secretsDirOption())
    .action((opts: SecretFileOptions) => printPaths(opts));
  secret
    .command('check')
    .description(
      'check that every secret the connections and email settings use can be read, as `roster run` would',
    )
    .addOption(dataDirOption())
    .addOption(secretsDirOption())
    .action((opts: SecretFileOptions) => checkSecrets(opts));
}
