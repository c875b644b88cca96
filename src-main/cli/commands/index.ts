import type { Command } from 'commander';
import { registerLaunchCommand } from './launch';
import { registerServeCommand } from './serve';

/** Every `roster` command; each lives in its own module beside this file. */
export function registerCommands(program: Command): void {
  registerServeCommand(program);
  registerLaunchCommand(program);
}
