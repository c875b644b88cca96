import { DATE_FUNCTIONS } from './dates';
import { FLOW_FUNCTIONS } from './flow';
import type { FunctionImpl } from './frame';
import { LIST_FUNCTIONS } from './lists';
import { LOGIC_FUNCTIONS } from './logic';
import { RANDOM_FUNCTIONS } from './random';
import { REPLACE_FUNCTIONS } from './replace';
import { ROLE_FUNCTIONS } from './roles';
import { TEXT_FUNCTIONS } from './text';

const ALL: Readonly<Record<string, FunctionImpl>> = {
  ...TEXT_FUNCTIONS,
  ...LOGIC_FUNCTIONS,
  ...LIST_FUNCTIONS,
  ...DATE_FUNCTIONS,
  ...REPLACE_FUNCTIONS,
  ...RANDOM_FUNCTIONS,
  ...ROLE_FUNCTIONS,
  ...FLOW_FUNCTIONS,
};

const REGISTRY: ReadonlyMap<string, FunctionImpl> = new Map(Object.entries(ALL));

export function getFunctionImpl(name: string): FunctionImpl | undefined {
  return REGISTRY.get(name);
}

export function implementedFunctionNames(): string[] {
  return [...REGISTRY.keys()];
}
