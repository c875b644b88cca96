import type { Command } from 'commander';
import { registerAccountsCommand } from './accounts';
import { registerAppCommand } from './app';
import { registerConnectionCommand } from './connection';
import { registerDemoCommand } from './demo';
import { registerExprCommand } from './expr';
import { registerScopeCommand } from './scope';
import { registerJobCommand } from './job';
import { registerLaunchCommand } from './launch';
import { registerLogsCommand } from './logs';
import { registerResetCommand } from './reset';
import { registerProvisionCommand } from './provision';
import { registerRunCommand } from './run';
import { registerSecretCommand } from './secret';
import { registerServeCommand } from './serve';
import { registerSyncCommand } from './sync';

/** Every `roster` command; each lives in its own module beside this file. */
export function registerCommands(program: Command): void {
  registerServeCommand(program);
  registerLaunchCommand(program);
  registerConnectionCommand(program);
  registerSecretCommand(program);
  registerJobCommand(program);
  registerAppCommand(program);
  registerSyncCommand(program);
  registerProvisionCommand(program);
  registerRunCommand(program);
  registerLogsCommand(program);
  registerResetCommand(program);
  registerDemoCommand(program);
  registerExprCommand(program);
  registerScopeCommand(program);
  registerAccountsCommand(program);
}
