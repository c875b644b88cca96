import { Command } from 'commander';
import { appVersion } from '../app/version';
import { registerCommands } from './commands/index';

/** `roster`: one small module per command under ./commands, registered here. */
export function buildProgram(): Command {
  const program = new Command()
    .name('roster')
    .description('Roster keeps the accounts in your SaaS apps in step with your directory.')
    .version(appVersion, '-v, --version', 'print the Roster version')
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program);
  return program;
}

async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    const code = (error as { exitCode?: number }).exitCode;
    // commander has already printed help, the version or a usage error.
    if (typeof code === 'number') process.exit(code === 0 ? 0 : 2);
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

void main(process.argv);
