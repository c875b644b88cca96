import { RosterError } from '@shared/domain/errors';
import { closestMatch } from '@shared/expressions/suggest';
import type { ConnectionKind } from '@shared/domain/connections';
import type { ConnectionRecord } from '../../store/connections-repo';
import type { AppContext } from '../context';

/**
 * The connection an editor names, or an invalidInput error on `field` that says which connections
 * exist ("did you mean") and which kinds fit the role.
 */
export function connectionForRole(
  ctx: AppContext,
  name: string,
  role: 'source' | 'target',
  field: string,
): ConnectionRecord {
  const kinds: readonly ConnectionKind[] = role === 'source' ? ['csv', 'ldap'] : ['scim', 'ldap'];
  const connection = ctx.store.connections.findByName(name);
  if (!connection) {
    const names = ctx.store.connections
      .list()
      .filter((c) => kinds.includes(c.kind))
      .map((c) => c.name);
    const guess = closestMatch(name, names);
    throw new RosterError(
      'invalidInput',
      `There is no connection named "${name}"` +
        (guess
          ? `; did you mean "${guess}"?`
          : names.length > 0
            ? `; the ${role} connections are ${names.map((n) => `"${n}"`).join(', ')}.`
            : '; create one first (Connections).'),
      {
        issues: [
          {
            path: field,
            message: guess ? `No such connection; did you mean "${guess}"?` : 'No such connection',
            code: guess ? 'noSuchConnectionGuess' : 'noSuchConnection',
            params: guess ? { name, guess } : { name },
          },
        ],
      },
    );
  }
  if (!kinds.includes(connection.kind)) {
    throw new RosterError(
      'invalidInput',
      `"${name}" is a ${connection.kind.toUpperCase()} connection, which cannot be a ${role}; a ${role} is ${kinds.map((k) => k.toUpperCase()).join(' or ')}.`,
      {
        issues: [
          {
            path: field,
            message: `A ${connection.kind.toUpperCase()} connection cannot be a ${role}`,
            code: 'wrongConnectionKind',
            params: { kind: connection.kind.toUpperCase(), role },
          },
        ],
      },
    );
  }
  return connection;
}
