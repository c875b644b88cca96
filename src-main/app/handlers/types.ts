import type { CommandInput, CommandName, CommandOutput } from '@shared/contract';

export type Handler<K extends CommandName> = (input: CommandInput<K>) => Promise<CommandOutput<K>>;

/** One handler per command: the type checker refuses a missing or an extra one. */
export type Handlers = { [K in CommandName]: Handler<K> };

export type HandlerGroup<K extends CommandName> = { [P in K]: Handler<P> };
