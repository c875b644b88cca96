import { accountClasses, type AccountClass } from '@shared/domain/accounts';
import { closestMatch } from '@shared/expressions/suggest';
import type { ObjectType } from '@shared/domain/schema';
import { CliFailure, exitCodes } from '../cli-app';

/**
 * The values `roster accounts` options take, checked before any work starts: a wrong one is bad
 * input (exit 2) with the closest known value, as everywhere in the CLI.
 */
export const listFormats = ['table', 'csv', 'json'] as const;
export type ListFormat = (typeof listFormats)[number];

const objectTypes: Record<string, ObjectType> = { user: 'User', group: 'Group' };

function oneOf<T extends string>(option: string, value: string, known: readonly T[]): T {
  const exact = known.find((k) => k === value) ?? known.find((k) => k.toLowerCase() === value.toLowerCase());
  if (exact !== undefined) return exact;
  const suggestion = closestMatch(value, known);
  throw new CliFailure(
    `${option} must be ${known.join(', ')}, not "${value}"${suggestion === undefined ? '' : ` — did you mean "${suggestion}"?`}`,
    exitCodes.badInput,
  );
}

export function parseAccountClass(value: string): AccountClass {
  return oneOf('--class', value, accountClasses);
}

export function parseListFormat(value: string): ListFormat {
  return oneOf('--format', value, listFormats);
}

export function parseObjectType(value: string): ObjectType {
  const type = oneOf('--type', value, Object.keys(objectTypes));
  return objectTypes[type] as ObjectType;
}
